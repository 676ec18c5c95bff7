"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTimeFormat } from "@/components/layout/time-zone";
import { RetentionNote } from "@/components/directory/retention-note";
import { ErrorNotice } from "@/components/ui/error-notice";
import { sessionHref } from "@/lib/console/session-href";
import { Cell, DataTable, HeaderCell, TableBody, TableHead } from "@/components/ui/table";
import { custodianTimelineOptions } from "@/lib/queries/session-queries";
import { TIMELINE_KIND_NAMES, type TimelineItem } from "@/lib/schemas/custodian-timeline";

const KIND_STYLES: Record<TimelineItem["kind"], string> = {
  chat: "bg-sky-100 text-sky-900",
  local_session: "bg-violet-100 text-violet-900",
  remote_session: "bg-emerald-100 text-emerald-900",
};

function hrefOf(item: TimelineItem): string {
  if (item.kind === "chat") return `/chats/${encodeURIComponent(item.id)}`;
  return sessionHref(item.kind === "local_session" ? "local" : "remote", item.id);
}

/** A custodian's chats and sessions, newest first, each marked by kind. */
export function CustodianTimelineTable({ userId, from, before }: { userId: string; from?: string; before?: string }) {
  const { zone, formatCompact } = useTimeFormat();
  const query = useQuery(custodianTimelineOptions(userId, { from, before }));
  if (query.isPending) return <p className="mt-6 text-sm text-slate-500">Reading their chats and sessions…</p>;
  if (query.isError)
    return (
      <div className="mt-6">
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  const { items, incomplete, email } = query.data;
  return (
    <section aria-label="Chats and sessions" className="mt-6">
      <p className="mb-2 text-xs text-slate-500">
        {email ? `${email}: ` : ""}
        {items.length} {items.length === 1 ? "item" : "items"}, newest first.
      </p>
      {[...new Set(items.filter((item) => item.kind === "chat").map((item) => item.organizationUuid))]
        .filter((org): org is string => org !== null)
        .map((org) => (
          <RetentionNote key={org} orgUuid={org} dataType="chat" />
        ))}
      {incomplete.map((note) => (
        <p key={note.kind} role="note" className="mb-2 text-xs text-amber-800">
          {TIMELINE_KIND_NAMES[note.kind]}s: {note.reason}
        </p>
      ))}
      <DataTable footer={items.length === 0 && <p className="p-4 text-sm text-slate-500">No chat or session in this time range.</p>}>
        <TableHead>
          <HeaderCell>Kind</HeaderCell>
          <HeaderCell>Title</HeaderCell>
          <HeaderCell>Created ({zone})</HeaderCell>
          <HeaderCell>Updated ({zone})</HeaderCell>
        </TableHead>
        <TableBody>
          {items.map((item) => (
            <tr key={`${item.kind}-${item.id}`} className={item.deleted ? "bg-rose-50/60" : undefined}>
              <Cell>
                <span className={`rounded px-2 py-0.5 text-xs font-semibold ${KIND_STYLES[item.kind]}`}>{TIMELINE_KIND_NAMES[item.kind]}</span>
              </Cell>
              <Cell>
                <Link href={hrefOf(item)} className="font-medium text-slate-900 underline decoration-slate-300 hover:decoration-slate-900">
                  {item.title || <span className="italic text-slate-500">(name removed)</span>}
                </Link>
                {item.deleted && <span className="ml-2 rounded bg-rose-100 px-1.5 py-0.5 text-xs font-semibold text-rose-800">Deleted by user</span>}
                {item.status && <span className="ml-2 text-xs text-slate-600">{item.status}</span>}
              </Cell>
              <Cell mono className="whitespace-nowrap">
                {formatCompact(item.createdAt)}
              </Cell>
              <Cell mono className="whitespace-nowrap">
                {item.updatedAt ? formatCompact(item.updatedAt) : "—"}
              </Cell>
            </tr>
          ))}
        </TableBody>
      </DataTable>
    </section>
  );
}
