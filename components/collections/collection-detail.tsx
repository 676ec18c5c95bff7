"use client";

import { ScopeIdList } from "@/components/console/scope-id-list";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatSize } from "@/components/files/format-size";
import { EvidenceSection } from "@/components/layout/evidence-facts";
import { useTimeFormat } from "@/components/layout/time-zone";
import { Button, buttonClasses } from "@/components/ui/button";
import { Definition, DefinitionList } from "@/components/ui/definition-list";
import { ErrorNotice } from "@/components/ui/error-notice";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { collectionKeys, collectionOptions, collectionPackageHref, controlCollection, type CollectionControl } from "@/lib/queries/collection-queries";
import type { CollectionDto, CollectionInclude, TimeRange } from "@/lib/schemas/collections";
import { CollectionProgressBar, CollectionStateBadge } from "./collection-state";

const INCLUDE_NAMES: Record<CollectionInclude, string> = {
  chats: "chats and messages",
  files: "uploaded files",
  generated_files: "generated files",
  artifacts: "artifact versions",
  project_documents: "project documents",
  sessions: "sessions",
};

/** One collection: what it covers, how far it has come, its controls, and its package once complete. */
export function CollectionDetail({ collectionId }: { collectionId: string }) {
  const query = useQuery(collectionOptions(collectionId));
  if (query.isPending) return <p className="text-sm text-slate-500">Loading the collection…</p>;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  const collection = query.data;
  return (
    <div className="space-y-6">
      <PageHeading title={collection.matter} description={`Reference ${collection.reference}`} />
      <div className="flex flex-wrap items-center gap-3">
        <CollectionStateBadge state={collection.state} />
        <div className="w-full max-w-md">
          <CollectionProgressBar collection={collection} />
        </div>
      </div>
      {collection.state === "failed" && (
        <Notice tone="error" label="Why the collection failed">
          {collection.failureReason ?? "The collection failed without a reason recorded."}
        </Notice>
      )}
      <CollectionActions collection={collection} />
      <EvidenceSection title="Facts">
        <CollectionFacts collection={collection} />
      </EvidenceSection>
    </div>
  );
}

function CollectionActions({ collection }: { collection: CollectionDto }) {
  const queryClient = useQueryClient();
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const control = useMutation({
    mutationFn: (verb: CollectionControl) => controlCollection(collection.id, verb),
    onSuccess: (updated) => {
      setConfirmingCancel(false);
      queryClient.setQueryData(collectionKeys.detail(collection.id), updated);
      void queryClient.invalidateQueries({ queryKey: collectionKeys.list() });
    },
  });
  const moving = collection.state === "queued" || collection.state === "running";
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        {collection.state === "succeeded" && (
          <a href={collectionPackageHref(collection.id)} download className={buttonClasses("primary")}>
            Download the evidence package
          </a>
        )}
        {moving && (
          <Button disabled={control.isPending} onClick={() => control.mutate("pause")}>
            Pause
          </Button>
        )}
        {collection.state === "paused" && (
          <Button disabled={control.isPending} onClick={() => control.mutate("resume")}>
            Resume
          </Button>
        )}
        {(moving || collection.state === "paused") && !confirmingCancel && (
          <Button variant="outline-danger" disabled={control.isPending} onClick={() => setConfirmingCancel(true)}>
            Cancel the collection…
          </Button>
        )}
      </div>
      {confirmingCancel && (
        <Notice tone="warning" label="Cancel the collection">
          <p>A cancelled collection stops for good and gives no package. What it has gathered so far stays in the evidence store.</p>
          <div className="mt-2 flex gap-2">
            <Button variant="danger" disabled={control.isPending} onClick={() => control.mutate("cancel")}>
              Cancel it
            </Button>
            <Button onClick={() => setConfirmingCancel(false)}>Keep it</Button>
          </div>
        </Notice>
      )}
      {collection.state === "succeeded" && (
        <p className="text-xs text-slate-600">
          A ZIP with every object, a Markdown transcript per chat, items.csv, an attestation, SHA256SUMS and manifest.json signed with Ed25519, and the public
          key to check them. Its README says how. The download is audited with the package&apos;s SHA-256.
        </p>
      )}
      {control.error && <ErrorNotice error={control.error} />}
    </div>
  );
}

function CollectionFacts({ collection }: { collection: CollectionDto }) {
  const { format } = useTimeFormat();
  const { progress, scope } = collection;
  const range = (value: TimeRange | null) =>
    value ? `${value.gte ? format(value.gte) : "the beginning"} to ${value.lt ? format(value.lt) : "now"}` : "any time";
  return (
    <div className="space-y-3">
      <DefinitionList>
        <Definition label="Created">
          {format(collection.createdAt)} by {collection.createdBy ?? "—"}
        </Definition>
        <Definition label="Started">{collection.startedAt ? format(collection.startedAt) : "not yet"}</Definition>
        <Definition label="Finished">{collection.finishedAt ? format(collection.finishedAt) : "—"}</Definition>
        <Definition label="Includes">{collection.include.map((kind) => INCLUDE_NAMES[kind]).join(", ")}</Definition>
        <Definition label="Created in">{range(collection.createdRange)}</Definition>
        <Definition label="Updated in">{range(collection.updatedRange)}</Definition>
        <Definition label="Collected">{formatSize(progress.bytes)}</Definition>
        <Definition label="Compliance API requests">{progress.requests.toLocaleString("en-GB")}</Definition>
        <Definition label="Items with errors">{progress.errors.toLocaleString("en-GB")}</Definition>
        <Definition label="Collection id" mono>
          {collection.id}
        </Definition>
      </DefinitionList>
      <div className="grid gap-2 text-xs md:grid-cols-3">
        <ScopeIdList title="Custodians" ids={scope.userIds} />
        <ScopeIdList title="Organisations" ids={scope.organizationIds} />
        <ScopeIdList title="Projects" ids={scope.projectIds} pagePath="/projects/" />
      </div>
    </div>
  );
}
