"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { ErrorNotice } from "@/components/layout/error-notice";
import { auditEventsOptions } from "@/lib/queries/audit-queries";
import type { AuditSearchParams } from "@/lib/schemas/audit-search";

const OUTCOME_STYLES: Record<string, string> = {
  success: "text-emerald-700",
  denied: "text-amber-700",
  failure: "text-rose-700",
  intent: "text-sky-700",
};

export function AuditLogTable({ filters }: { filters: AuditSearchParams }) {
  const query = useInfiniteQuery(auditEventsOptions(filters));
  if (query.isPending) return <p className="mt-6 text-sm text-slate-500">Loading the audit log…</p>;
  if (query.isError) return <div className="mt-6"><ErrorNotice error={query.error} onRetry={() => void query.refetch()} /></div>;
  const events = query.data.pages.flatMap((page) => page.items);
  if (events.length === 0) return <p className="mt-6 text-sm text-slate-500">No event matches these filters.</p>;
  return (
    <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-3 py-2">#</th>
            <th className="px-3 py-2">Time (UTC)</th>
            <th className="px-3 py-2">Actor</th>
            <th className="px-3 py-2">Action</th>
            <th className="px-3 py-2">Target</th>
            <th className="px-3 py-2">Outcome</th>
            <th className="px-3 py-2">Parameters</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((event) => (
            <tr key={event.seq} className="align-top">
              <td className="px-3 py-2 font-mono text-xs">{event.seq}</td>
              <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">{event.occurredAt.replace("T", " ").replace("Z", "")}</td>
              <td className="px-3 py-2">
                {event.actor?.email ?? event.actor?.subject ?? "—"}
                {event.actor && event.actor.roles.length > 0 && <span className="block text-xs text-slate-500">{event.actor.roles.join(", ")}</span>}
              </td>
              <td className="px-3 py-2 font-mono text-xs">{event.action}</td>
              <td className="px-3 py-2 text-xs">{event.target ? `${event.target.type ?? ""} ${event.target.id ?? ""}` : "—"}</td>
              <td className={`px-3 py-2 text-xs font-semibold ${OUTCOME_STYLES[event.outcome] ?? ""}`}>{event.outcome}</td>
              <td className="max-w-xs truncate px-3 py-2 font-mono text-xs text-slate-600" title={JSON.stringify(event.params)}>
                {JSON.stringify(event.params)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {query.hasNextPage && (
        <div className="border-t border-slate-100 p-3 text-center">
          <button type="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage} className="text-sm font-semibold underline disabled:opacity-60">
            {query.isFetchingNextPage ? "Loading…" : "Older events"}
          </button>
        </div>
      )}
    </div>
  );
}
