"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTimeFormat } from "@/components/layout/time-zone";
import { Definition, DefinitionList } from "@/components/ui/definition-list";
import { ErrorNotice } from "@/components/ui/error-notice";
import { EvidenceSection } from "@/components/layout/evidence-facts";
import { Cell, DataTable, HeaderCell, TableBody, TableHead } from "@/components/ui/table";
import { deletionDetailOptions } from "@/lib/queries/deletion-queries";
import type { DeletionHistoryEntry, DeletionRequestDto } from "@/lib/schemas/deletions";
import { DecisionControls } from "./decision-controls";
import { ChatRefLabel } from "./chat-ref-label";
import { DeleteAction } from "./delete-action";
import { displayName, kindTitle } from "./deletion-format";
import { DeletionStatusLine, StatusBadge } from "./deletion-status";
import { DestructionSummary } from "./destruction-summary";
import { personOf, RequestFacts } from "./request-facts";

/** Each step of a deletion's life as the audit log names it. */
const ACTION_LABELS: Record<string, string> = {
  "deletion.requested": "Requested",
  "deletion.approved": "Approved",
  "deletion.queued": "Asked the worker again",
  "deletion.rejected": "Rejected",
  "deletion.cancelled": "Cancelled",
  "deletion.expired": "Expired",
  "deletion.blocked": "Refused",
  "deletion.snapshot": "Pre-deletion snapshot kept",
  "deletion.executing": "Intent written, DELETE about to be sent",
  "deletion.succeeded": "Deleted (the API confirmed)",
  "deletion.failed": "Failed",
  "deletion.unknown": "Outcome unknown",
  "deletion.reconciled": "Reconciled (read back)",
};

/**
 * A deletion request and its whole life as the audit log holds it: every state change with who and
 * when, the upstream request ids, the outcome and the pre-deletion snapshot's facts.
 */
export function DeletionRequestView({ deletionId, canApprove }: { deletionId: string; canApprove: boolean }) {
  const [now] = useState(() => Date.now());
  const query = useQuery(deletionDetailOptions(deletionId));
  if (query.isPending) return <p className="text-sm text-slate-500">Loading the deletion request…</p>;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  const { request, history } = query.data;
  const { target } = request;
  return (
    <article className="space-y-8">
      <header className="border-b border-slate-200 pb-3">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Deletion request</p>
        <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold">
          <span>
            {kindTitle(target.kind)} <span dir="auto">{displayName(target.name, target.kind)}</span>
          </span>
          <StatusBadge status={request.status} />
        </h1>
        <p className="font-mono text-xs text-slate-500">{request.id}</p>
        <RequestFacts request={request} now={now} />
      </header>

      <EvidenceSection title="Where it stands">
        <div className="space-y-4">
          <DeletionStatusLine request={request} />
          <ChatsFirst request={request} />
          <DecisionControls request={request} canApprove={canApprove} />
        </div>
      </EvidenceSection>

      <EvidenceSection title="Decision and execution">
        <DecisionAndExecution request={request} />
      </EvidenceSection>

      <EvidenceSection title="What it deletes">
        <DestructionSummary target={target} summary={request.summary} />
        <p className="mt-1 text-xs text-slate-500">As read from the Compliance API when the request was made.</p>
      </EvidenceSection>

      <EvidenceSection title="History" detail={` (${history.length} events from the audit log)`}>
        <History history={history} />
      </EvidenceSection>
    </article>
  );
}

function DecisionAndExecution({ request }: { request: DeletionRequestDto }) {
  const { format } = useTimeFormat();
  const { upstream, reconciliation, snapshot } = request;
  return (
    <DefinitionList>
      <Definition label="Decided by">{personOf(request.decidedBy)}</Definition>
      <Definition label="Decided">{format(request.decidedAt)}</Definition>
      <Definition label="Decision comment">{request.decisionComment ?? "—"}</Definition>
      <Definition label="Execution started">{format(request.executionStartedAt)}</Definition>
      <Definition label="Completed">{format(request.completedAt)}</Definition>
      <Definition label="DELETE calls">{request.attempts}</Definition>
      <Definition label="Upstream request id" mono>
        {upstream?.requestId ?? "—"}
      </Definition>
      <Definition label="Upstream answer">
        {upstream
          ? [upstream.httpStatus !== null ? `HTTP ${upstream.httpStatus}` : "no answer", upstream.type, upstream.message].filter(Boolean).join(" · ")
          : "—"}
      </Definition>
      <Definition label="Outcome">{request.outcome ? `${request.outcome.kind.replaceAll("_", " ")}: ${request.outcome.message}` : "—"}</Definition>
      <Definition label="Read back">
        {reconciliation
          ? `${reconciliation.found === "gone" ? "gone" : "still present"} at ${format(reconciliation.checkedAt)}${reconciliation.upstreamRequestId ? ` (upstream ${reconciliation.upstreamRequestId})` : ""}`
          : "—"}
      </Definition>
      <Definition label="Snapshot taken">{snapshot ? format(snapshot.takenAt) : "— (none: nothing was sent)"}</Definition>
      <Definition label="Snapshot SHA-256" mono>
        {snapshot?.sha256 ?? "—"}
      </Definition>
      <Definition label="Snapshot contents">
        {snapshot
          ? `${snapshot.messageCount} ${snapshot.messageCount === 1 ? "message" : "messages"}; metadata and hashes of ${snapshot.fileCount} ${snapshot.fileCount === 1 ? "file" : "files"}, the bytes of ${snapshot.storedFileCount} kept`
          : "—"}
      </Definition>
    </DefinitionList>
  );
}

/** A project refused because it still had chats: its chats are requested first, then the project again. */
function ChatsFirst({ request }: { request: DeletionRequestDto }) {
  if (request.outcome?.kind !== "project_has_chats") return null;
  const chats = request.outcome.attachedChats ?? [];
  return (
    <section aria-label="Chats to delete first" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <p className="font-semibold">Delete the project&apos;s chats first, then request the project&apos;s deletion again.</p>
      <ul className="divide-y divide-amber-200">
        {chats.map((chat) => (
          <li key={chat.id} className="flex flex-wrap items-center justify-between gap-2 py-1">
            <ChatRefLabel chat={chat} />
            <DeleteAction target={{ kind: "chat", id: chat.id }} label="Request deletion of this chat" />
          </li>
        ))}
      </ul>
      <DeleteAction target={{ kind: "project", id: request.target.id }} label="Request the project's deletion again" />
    </section>
  );
}

function History({ history }: { history: DeletionHistoryEntry[] }) {
  const { format, zone } = useTimeFormat();
  if (history.length === 0) return <p className="text-sm text-slate-500">The audit log holds no event for this request.</p>;
  return (
    <DataTable>
      <TableHead>
        <HeaderCell>#</HeaderCell>
        <HeaderCell>When ({zone})</HeaderCell>
        <HeaderCell>Step</HeaderCell>
        <HeaderCell>Outcome</HeaderCell>
        <HeaderCell>Who</HeaderCell>
        <HeaderCell>Details</HeaderCell>
        <HeaderCell>Upstream request id</HeaderCell>
      </TableHead>
      <TableBody>
        {history.map((entry) => (
          <tr key={entry.seq} className="align-top">
            <Cell mono>{entry.seq}</Cell>
            <Cell mono className="whitespace-nowrap">
              {format(entry.occurredAt)}
            </Cell>
            <Cell>
              {ACTION_LABELS[entry.action] ?? entry.action}
              <span className="block font-mono text-xs text-slate-500">{entry.action}</span>
            </Cell>
            <Cell className="text-xs">{entry.outcome}</Cell>
            <Cell className="text-xs">{entry.actorEmail ?? "Docket (automatic)"}</Cell>
            <Cell>
              <Params params={entry.params} />
            </Cell>
            <Cell mono>
              {entry.upstreamRequestId ?? "—"}
              <span className="block text-slate-500" title="This event's hash in the audit chain">
                {entry.rowHash.slice(0, 16)}…
              </span>
            </Cell>
          </tr>
        ))}
      </TableBody>
    </DataTable>
  );
}

function Params({ params }: { params: DeletionHistoryEntry["params"] }) {
  const shown = Object.entries(params).filter(([key]) => key !== "deletionId");
  if (shown.length === 0) return <span className="text-xs text-slate-500">—</span>;
  return (
    <dl className="space-y-0.5 text-xs">
      {shown.map(([key, value]) => (
        <div key={key} className="break-all">
          <dt className="inline font-semibold">{key}: </dt>
          <dd className="inline font-mono">{typeof value === "string" ? value : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
