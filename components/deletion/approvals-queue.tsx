"use client";

import Link from "next/link";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ListCsvDownload } from "@/components/layout/list-csv-download";
import { useTimeFormat } from "@/components/layout/time-zone";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/error-notice";
import { EvidenceSection } from "@/components/layout/evidence-facts";
import { Cell, DataTable, HeaderCell, TableBody, TableHead } from "@/components/ui/table";
import { deletionRequestsCsv } from "@/lib/console/list-csv";
import { deletionListOptions, type DeletionListFilters } from "@/lib/queries/deletion-queries";
import { DELETION_REASON_LABELS, DELETION_STATUSES, type DeletionRequestDto, type DeletionStatus } from "@/lib/schemas/deletions";
import { DecisionControls } from "./decision-controls";
import { displayName, formatAge, kindLabel, requestHref, STATUS_LABELS } from "./deletion-format";
import { SettlingStatusLine, StatusBadge } from "./deletion-status";
import { personOf, RequestFacts } from "./request-facts";

/**
 * The approvers' queue: requests waiting for a decision, each with what, who, why, its reference, its
 * age and expiry, and the decision itself; then every request. Someone who may not approve sees their
 * own requests, and may cancel those still waiting.
 */
export function ApprovalsQueue({ canApprove }: { canApprove: boolean }) {
  const [now] = useState(() => Date.now());
  const [decided, setDecided] = useState<DeletionRequestDto[]>([]);
  const onDone = (request: DeletionRequestDto) => setDecided((previous) => [request, ...previous.filter((other) => other.id !== request.id)]);
  return (
    <div className="space-y-8">
      {decided.length > 0 && (
        <EvidenceSection title="Just decided">
          <ul className="space-y-3">
            {decided.map((request) => (
              <li key={request.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <p className="mb-2 text-sm font-semibold">
                  {kindLabel(request.target.kind)} <span dir="auto">{displayName(request.target.name, request.target.kind)}</span>{" "}
                  <Link href={requestHref(request.id)} className="font-normal underline">
                    Open the request
                  </Link>
                </p>
                <SettlingStatusLine request={request} />
              </li>
            ))}
          </ul>
        </EvidenceSection>
      )}
      <PendingRequests
        title={canApprove ? "Waiting for approval" : "Your requests waiting for approval"}
        filters={{ status: "requested", mine: !canApprove }}
        canApprove={canApprove}
        now={now}
        onDone={onDone}
      />
      <RequestHistory title={canApprove ? "All requests" : "All your requests"} mine={!canApprove} now={now} />
    </div>
  );
}

function PendingRequests({
  title,
  filters,
  canApprove,
  now,
  onDone,
}: {
  title: string;
  filters: DeletionListFilters;
  canApprove: boolean;
  now: number;
  onDone: (request: DeletionRequestDto) => void;
}) {
  const query = useInfiniteQuery(deletionListOptions(filters));
  const requests = query.data?.pages.flatMap((page) => page.requests) ?? [];
  return (
    <EvidenceSection title={title} detail={query.data ? ` (${requests.length}${query.hasNextPage ? "+" : ""})` : undefined}>
      {query.isPending ? (
        <p className="text-sm text-slate-500">Loading the requests…</p>
      ) : query.isLoadingError ? (
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      ) : requests.length === 0 ? (
        <p className="text-sm text-slate-500">No request is waiting.</p>
      ) : (
        <ul className="space-y-3">
          {requests.map((request) => (
            <li key={request.id}>
              <article
                aria-label={`Deletion request for ${kindLabel(request.target.kind)} ${displayName(request.target.name, request.target.kind)}`}
                className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
              >
                <div className="flex flex-wrap items-center gap-2">
                  <StatusBadge status={request.status} />
                  <Link href={requestHref(request.id)} className="text-sm font-semibold underline">
                    Request {request.id.slice(0, 8)}
                  </Link>
                </div>
                <RequestFacts request={request} now={now} />
                <DecisionControls request={request} canApprove={canApprove} onDone={onDone} />
              </article>
            </li>
          ))}
        </ul>
      )}
      <MorePages query={query} />
    </EvidenceSection>
  );
}

function RequestHistory({ title, mine, now }: { title: string; mine: boolean; now: number }) {
  const { format, zone } = useTimeFormat();
  const [status, setStatus] = useState<DeletionStatus | "">("");
  const query = useInfiniteQuery(deletionListOptions({ mine, ...(status ? { status } : {}) }));
  const requests = query.data?.pages.flatMap((page) => page.requests) ?? [];
  return (
    <EvidenceSection title={title}>
      <label className="mb-2 block text-xs font-medium text-slate-600">
        Status{" "}
        <select
          value={status}
          onChange={(event) => setStatus(event.target.value as DeletionStatus | "")}
          className="ml-1 rounded border border-slate-300 px-2 py-1 text-sm text-slate-900"
        >
          <option value="">Any</option>
          {DELETION_STATUSES.map((value) => (
            <option key={value} value={value}>
              {STATUS_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      {query.isPending ? (
        <p className="text-sm text-slate-500">Loading the requests…</p>
      ) : query.isLoadingError ? (
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      ) : requests.length === 0 ? (
        <p className="text-sm text-slate-500">No request.</p>
      ) : (
        <>
          <div className="mb-2 flex justify-end">
            <ListCsvDownload
              list="deletion-requests"
              table={deletionRequestsCsv(requests)}
              view={{ status: status || undefined, mine: mine ? "yes" : undefined }}
            />
          </div>
          <DataTable>
            <TableHead>
              <HeaderCell>Status</HeaderCell>
              <HeaderCell>What</HeaderCell>
              <HeaderCell>Requested by</HeaderCell>
              <HeaderCell>Requested ({zone})</HeaderCell>
              <HeaderCell>Reason</HeaderCell>
              <HeaderCell>Reference</HeaderCell>
            </TableHead>
            <TableBody>
              {requests.map((request) => (
                <tr key={request.id}>
                  <Cell>
                    <StatusBadge status={request.status} />
                  </Cell>
                  <Cell>
                    <Link href={requestHref(request.id)} className="underline">
                      {kindLabel(request.target.kind)} <span dir="auto">{displayName(request.target.name, request.target.kind)}</span>
                    </Link>
                    <span className="block font-mono text-xs text-slate-500">{request.target.id}</span>
                  </Cell>
                  <Cell className="text-xs">{personOf(request.requestedBy)}</Cell>
                  <Cell mono className="whitespace-nowrap">
                    {format(request.requestedAt)}
                    <span className="block font-sans text-slate-500">{formatAge(request.requestedAt, now)}</span>
                  </Cell>
                  <Cell className="text-xs">{DELETION_REASON_LABELS[request.reason.code]}</Cell>
                  <Cell className="text-xs">{request.reference}</Cell>
                </tr>
              ))}
            </TableBody>
          </DataTable>
        </>
      )}
      <MorePages query={query} />
    </EvidenceSection>
  );
}

function MorePages({
  query,
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; isFetchNextPageError: boolean; error: Error | null; fetchNextPage: () => Promise<unknown> };
}) {
  return (
    <>
      {query.hasNextPage && (
        <Button onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage} variant="link" className="mt-2">
          {query.isFetchingNextPage ? "Loading…" : "Load more requests"}
        </Button>
      )}
      {query.isFetchNextPageError && query.error && <ErrorNotice error={query.error} onRetry={() => void query.fetchNextPage()} />}
    </>
  );
}
