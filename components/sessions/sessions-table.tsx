"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTimeFormat } from "@/components/layout/time-zone";
import { ListCsvDownload } from "@/components/layout/list-csv-download";
import { ErrorNotice } from "@/components/ui/error-notice";
import { PagedListFooter } from "@/components/ui/load-more";
import { sessionHref } from "@/lib/console/session-href";
import { Cell, DataTable, HeaderCell, TableBody, TableHead } from "@/components/ui/table";
import { sessionsCsv } from "@/lib/console/list-csv";
import { sessionKindOf, type SessionFilters } from "@/lib/console/session-filters";
import { sessionListOptions } from "@/lib/queries/session-queries";
import { productSurfaceName, type SessionSummary } from "@/lib/schemas/sessions";

/** Sessions newest first, a page at a time: the API's page tokens lead forward only. */
export function SessionsTable({ filters }: { filters: SessionFilters }) {
  const { zone } = useTimeFormat();
  const query = useInfiniteQuery(sessionListOptions(filters));
  const remote = sessionKindOf(filters) === "remote";
  if (query.isPending) return <p className="mt-6 text-sm text-slate-500">Loading sessions…</p>;
  if (query.isLoadingError)
    return (
      <div className="mt-6">
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  const sessions = query.data.pages.flatMap((page) => page.sessions);
  return (
    <section aria-label="Sessions" className="mt-6">
      <div className="mb-2 flex flex-wrap items-end justify-between gap-3">
        <p className="text-xs text-slate-500">
          {sessions.length} {sessions.length === 1 ? "session" : "sessions"} loaded{query.hasNextPage ? "; more exist" : ""}, newest first.
        </p>
        <ListCsvDownload list="sessions" table={sessionsCsv(sessions)} view={filters} />
      </div>
      <DataTable
        footer={<PagedListFooter isEmpty={sessions.length === 0} emptyText="No session matches these filters." loadLabel="Load more sessions" paging={query} />}
      >
        <TableHead>
          <HeaderCell>Product</HeaderCell>
          <HeaderCell>Person</HeaderCell>
          <HeaderCell>Organisation</HeaderCell>
          {remote && <HeaderCell>Status</HeaderCell>}
          <HeaderCell>Created ({zone})</HeaderCell>
          {remote && <HeaderCell>Updated ({zone})</HeaderCell>}
        </TableHead>
        <TableBody>
          {sessions.map((session) => (
            <SessionRow key={session.id} session={session} />
          ))}
        </TableBody>
      </DataTable>
    </section>
  );
}

function personOf(session: SessionSummary): string {
  if (session.user) return session.user.email ?? `${session.user.id} (no longer a member)`;
  if (session.agentId) return `Agent ${session.agentId}${session.startedBy ? `, started by ${session.startedBy.email ?? session.startedBy.id}` : ""}`;
  return "—";
}

function SessionRow({ session }: { session: SessionSummary }) {
  const { formatCompact } = useTimeFormat();
  return (
    <tr>
      <Cell>
        <Link href={sessionHref(session.kind, session.id)} className="font-medium text-slate-900 underline decoration-slate-300 hover:decoration-slate-900">
          {productSurfaceName(session.productSurface)}
        </Link>
        <span className="ml-2 font-mono text-xs text-slate-500">{session.id}</span>
      </Cell>
      <Cell mono>{personOf(session)}</Cell>
      <Cell mono className="text-xs">
        {session.organizationUuid ?? "—"}
      </Cell>
      {session.kind === "remote" && <Cell className="text-xs">{session.status ?? "—"}</Cell>}
      <Cell mono className="whitespace-nowrap">
        {formatCompact(session.createdAt)}
      </Cell>
      {session.kind === "remote" && (
        <Cell mono className="whitespace-nowrap">
          {session.updatedAt ? formatCompact(session.updatedAt) : "—"}
        </Cell>
      )}
    </tr>
  );
}
