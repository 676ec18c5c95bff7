"use client";

import { ScopeIdList } from "@/components/console/scope-id-list";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ListCsvDownload } from "@/components/layout/list-csv-download";
import { useTimeFormat } from "@/components/layout/time-zone";
import { Button } from "@/components/ui/button";
import { Definition, DefinitionList } from "@/components/ui/definition-list";
import { ErrorNotice } from "@/components/ui/error-notice";
import { ReasonField } from "@/components/ui/reason-field";

import { legalHoldsCsv } from "@/lib/console/list-csv";
import { legalHoldKeys, legalHoldListOptions, releaseLegalHold } from "@/lib/queries/legal-hold-queries";
import { MAX_HOLD_REASON, type LegalHoldDto, type LegalHoldStatus } from "@/lib/schemas/legal-holds";

const FILTERS: Array<{ value: LegalHoldStatus | undefined; label: string }> = [
  { value: "active", label: "Active" },
  { value: "released", label: "Released" },
  { value: undefined, label: "All" },
];

const personOf = (person: LegalHoldDto["createdBy"] | null) => (person ? (person.email ?? person.name ?? "(unknown)") : "—");

/** The holds, active first by default; each active one may be released, with a reason. */
export function LegalHoldList({ canReadContent }: { canReadContent: boolean }) {
  const [status, setStatus] = useState<LegalHoldStatus | undefined>("active");
  const query = useQuery(legalHoldListOptions(status));
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div role="group" aria-label="Show holds" className="flex gap-2">
          {FILTERS.map((filter) => (
            <Button
              key={filter.label}

              aria-pressed={status === filter.value}
              onClick={() => setStatus(filter.value)}
            >
              {filter.label}
            </Button>
          ))}
        </div>
        {query.data && query.data.holds.length > 0 && (
          <ListCsvDownload list="legal-holds" table={legalHoldsCsv(query.data.holds)} view={{ status: status ?? "all" }} />
        )}
      </div>
      {query.isPending ? (
        <p className="text-sm text-slate-500">Loading the holds…</p>
      ) : query.isError ? (
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.holds.length === 0 ? (
        <p className="text-sm text-slate-500">No hold.</p>
      ) : (
        <ul className="space-y-3">
          {query.data.holds.map((hold) => (
            <li key={hold.id}>
              <HoldCard hold={hold} canReadContent={canReadContent} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function HoldCard({ hold, canReadContent }: { hold: LegalHoldDto; canReadContent: boolean }) {
  const { format } = useTimeFormat();
  const headingId = useId();
  return (
    <article aria-labelledby={headingId} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="font-semibold">
          {hold.matterName}
        </h3>
        <span
          className={`rounded px-2 py-0.5 text-xs font-semibold ${hold.status === "active" ? "bg-amber-100 text-amber-900" : "bg-slate-200 text-slate-800"}`}
        >
          {hold.status === "active" ? "Active" : "Released"}
        </span>
      </div>
      <p className="whitespace-pre-wrap text-sm">{hold.reason}</p>
      <DefinitionList>
        <Definition label="In force since">
          {hold.startsOn} (placed {format(hold.createdAt)})
        </Definition>
        <Definition label="Placed by">{personOf(hold.createdBy)}</Definition>
        {hold.status === "released" && (
          <>
            <Definition label="Released">
              {format(hold.releasedAt)} by {personOf(hold.releasedBy)}
            </Definition>
            <Definition label="Release reason">{hold.releaseReason ?? "—"}</Definition>
          </>
        )}
        <Definition label="Hold id" mono>
          {hold.id}
        </Definition>
      </DefinitionList>
      <div className="grid gap-2 text-xs md:grid-cols-3">
        <ScopeIdList title="Custodians" ids={hold.scope.userIds} />
        <ScopeIdList title="Projects" ids={hold.scope.projectIds} pagePath={canReadContent ? "/projects/" : undefined} />
        <ScopeIdList title="Chats" ids={hold.scope.chatIds} pagePath={canReadContent ? "/chats/" : undefined} />
      </div>
      {hold.status === "active" && <ReleaseForm hold={hold} />}
    </article>
  );
}

function ReleaseForm({ hold }: { hold: LegalHoldDto }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const release = useMutation({
    mutationFn: () => releaseLegalHold(hold.id, { reason: reason.trim() }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: legalHoldKeys.lists() }),
  });
  if (!open) {
    return <Button onClick={() => setOpen(true)}>Release…</Button>;
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (reason.trim() !== "") release.mutate();
      }}
      className="space-y-2 rounded border border-slate-200 bg-slate-50 p-3"
    >
      <ReasonField label="Why is the hold released? (required; kept on record)" value={reason} maxLength={MAX_HOLD_REASON} onChange={setReason} />
      <div className="flex gap-2">
        <Button type="submit" disabled={reason.trim() === "" || release.isPending} variant="primary">
          {release.isPending ? "Releasing…" : "Release the hold"}
        </Button>
        <Button onClick={() => setOpen(false)}>Keep it</Button>
      </div>
      {release.error && <ErrorNotice error={release.error} />}
    </form>
  );
}
