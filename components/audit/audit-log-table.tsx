"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTimeFormat } from "@/components/layout/time-zone";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { LoadMore } from "@/components/ui/load-more";
import { Cell, DataTable, HeaderCell, TableBody, TableHead } from "@/components/ui/table";
import { auditEventsOptions } from "@/lib/queries/audit-queries";
import type { AuditSearchParams } from "@/lib/schemas/audit-search";

const OUTCOME_STYLES: Record<string, string> = {
  success: "text-emerald-700",
  denied: "text-amber-700",
  failure: "text-rose-700",
  intent: "text-sky-700",
};

export function AuditLogTable({ filters }: { filters: AuditSearchParams }) {
  const { zone, format } = useTimeFormat();
  const query = useInfiniteQuery(auditEventsOptions(filters));
  if (query.isPending) return <EmptyState>Loading the audit log…</EmptyState>;
  if (query.isError)
    return (
      <div className="mt-6">
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  const events = query.data.pages.flatMap((page) => page.items);
  if (events.length === 0) return <EmptyState>No event matches these filters.</EmptyState>;
  return (
    <DataTable
      className="mt-6"
      footer={query.hasNextPage && <LoadMore label="Older events" isLoading={query.isFetchingNextPage} onLoad={() => void query.fetchNextPage()} />}
    >
      <TableHead>
        <HeaderCell>#</HeaderCell>
        <HeaderCell>Time ({zone})</HeaderCell>
        <HeaderCell>Actor</HeaderCell>
        <HeaderCell>Action</HeaderCell>
        <HeaderCell>Target</HeaderCell>
        <HeaderCell>Outcome</HeaderCell>
        <HeaderCell>Parameters</HeaderCell>
      </TableHead>
      <TableBody>
        {events.map((event) => (
          <tr key={event.seq} className="align-top">
            <Cell mono>{event.seq}</Cell>
            <Cell mono className="whitespace-nowrap">
              {format(event.occurredAt)}
            </Cell>
            <Cell>
              {event.actor?.email ?? event.actor?.subject ?? "—"}
              {event.actor && event.actor.roles.length > 0 && <span className="block text-xs text-slate-500">{event.actor.roles.join(", ")}</span>}
            </Cell>
            <Cell mono>{event.action}</Cell>
            <Cell className="text-xs">{event.target ? `${event.target.type ?? ""} ${event.target.id ?? ""}` : "—"}</Cell>
            <Cell className={`text-xs font-semibold ${OUTCOME_STYLES[event.outcome] ?? ""}`}>{event.outcome}</Cell>
            <Cell mono className="max-w-xs truncate text-slate-600" title={JSON.stringify(event.params)}>
              {JSON.stringify(event.params)}
            </Cell>
          </tr>
        ))}
      </TableBody>
    </DataTable>
  );
}
