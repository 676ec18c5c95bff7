"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { ArtifactSource } from "@/components/artifacts/artifact-source";
import { ArtifactVersions } from "@/components/artifacts/artifact-versions";
import { EvidenceSection } from "@/components/layout/evidence-facts";
import { DisplayedTextNotes, IntegrityFacts, IntegrityNotice } from "@/components/artifacts/integrity-notice";
import { LivePreview } from "@/components/artifacts/live-preview";
import { useTimeFormat } from "@/components/layout/time-zone";
import { Definition, DefinitionList } from "@/components/ui/definition-list";
import { ErrorNotice } from "@/components/ui/error-notice";
import { artifactDownloadUrl, artifactKindOf, hasLivePreview } from "@/lib/artifacts/artifact-kind";
import { artifactVersionOptions } from "@/lib/queries/artifact-queries";
import { threadHref } from "@/lib/thread/thread-href";

/** One version of an artifact as evidence: its facts, its MD5 check, its text, and its other versions. */
export function ArtifactView({ versionId, sandboxOrigin }: { versionId: string; sandboxOrigin: string | null }) {
  const { format } = useTimeFormat();
  const titleId = useId();
  const query = useQuery(artifactVersionOptions(versionId));
  if (query.isPending) return <p className="text-sm text-slate-500">Loading the artifact…</p>;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  const view = query.data;
  const { artifact, content, integrity } = view;
  const kind = artifactKindOf(artifact.artifactType);
  return (
    <article aria-labelledby={titleId} className="space-y-6">
      <header className="border-b border-slate-200 pb-3">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Artifact</p>
        <h1 id={titleId} className="break-words text-2xl font-semibold">
          {artifact.title || "(untitled)"}
        </h1>
        <DefinitionList>
          <Definition label="Type" mono>
            {artifact.artifactType ?? "—"}
          </Definition>
          <Definition label="Version created">{format(artifact.createdAt)}</Definition>
          <Definition label="Artifact id" mono>
            {artifact.id}
          </Definition>
          <Definition label="Version id" mono>
            {artifact.versionId}
          </Definition>
          <Definition label="Chat" mono>
            {artifact.chatId ? (
              <Link href={threadHref(artifact.chatId)} className="underline">
                {artifact.chatId}
              </Link>
            ) : (
              "—"
            )}
          </Definition>
          <IntegrityFacts integrity={integrity} />
        </DefinitionList>
        <p className="mt-3 text-sm">
          <a
            href={artifactDownloadUrl(artifact.versionId)}
            download
            className="inline-block rounded-md bg-slate-900 px-3 py-1.5 font-semibold text-white hover:bg-slate-700"
          >
            Download
          </a>
          <span className="ml-3 text-xs text-slate-600">
            The whole text as the API stores it{content.cut ? ", not only the part shown here" : ""}; its MD5 is checked as it downloads, and the download is
            audited.
          </span>
        </p>
      </header>
      <IntegrityNotice integrity={integrity} />
      <EvidenceSection title="Content">
        <div className="space-y-2">
          {kind === "html" || kind === "svg" || kind === "react" ? (
            <p className="text-xs text-slate-600">Shown as source: the artifact&apos;s code does not run on this page.</p>
          ) : null}
          <DisplayedTextNotes content={content} />
          <ArtifactSource text={content.text} kind={kind} title={artifact.title} />
        </div>
      </EvidenceSection>
      {hasLivePreview(kind) && <LivePreview view={view} kind={kind} sandboxOrigin={sandboxOrigin} />}
      {kind === "react" && (
        <EvidenceSection title="Live preview">
          <p className="text-sm text-slate-700">
            React artifacts are shown as source only: running one needs a React runtime and build step that Docket does not host, and Docket loads nothing from
            elsewhere.
          </p>
        </EvidenceSection>
      )}
      <ArtifactVersions versionId={artifact.versionId} />
    </article>
  );
}
