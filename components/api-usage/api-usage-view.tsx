"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTimeFormat } from "@/components/layout/time-zone";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/error-notice";
import { Notice } from "@/components/ui/notice";
import { Cell, DataTable, HeaderCell, TableBody, TableHead } from "@/components/ui/table";
import { apiUsageExportHref, apiUsageKeys, apiUsageReportOptions, requestReconciliation, type ApiUsagePeriod } from "@/lib/queries/api-usage-queries";
import type { ApiUsageReport } from "@/lib/schemas/api-usage";

/**
 * Docket's own calls to the Compliance API against what the Activity Feed says of them. `canReconcile`:
 * the reader may ask a worker to read the feed now; `canExport`: may download the findings.
 */
export function ApiUsageView({ period, canReconcile, canExport }: { period: ApiUsagePeriod; canReconcile: boolean; canExport: boolean }) {
  const query = useQuery(apiUsageReportOptions(period));
  const queryClient = useQueryClient();
  const reconcile = useMutation({
    mutationFn: requestReconciliation,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: apiUsageKeys.report(period) }),
  });
  const { format } = useTimeFormat();
  if (query.isPending) return <p className="mt-6 text-sm text-slate-500">Reading Docket&apos;s records…</p>;
  if (query.isError)
    return (
      <div className="mt-6">
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  const report = query.data;
  return (
    <div className="mt-6 space-y-6">
      <section aria-label="Reconciliation" className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
        <p>
          {report.readThrough ? <>The feed has been read through {format(report.readThrough)}</> : <>The feed has not been read yet</>}
          {report.lastRunAt && <>; last run {format(report.lastRunAt)}</>}. Docket&apos;s keys, as the feed shows them:{" "}
          <span className="font-mono">{report.docketKeyIds.length > 0 ? report.docketKeyIds.join(", ") : "not learnt yet"}</span>.
        </p>
        <div className="flex items-center gap-3">
          {canExport && (
            <a href={apiUsageExportHref(period)} download className="text-xs font-medium underline">
              Download the findings (CSV)
            </a>
          )}
          {canReconcile && (
            <Button variant="secondary" onClick={() => reconcile.mutate()} disabled={reconcile.isPending}>
              {reconcile.isPending ? "Asking…" : "Read the feed now"}
            </Button>
          )}
        </div>
      </section>
      {reconcile.isSuccess && <Notice tone="info">A worker will read the feed within seconds; reload the report to see what it found.</Notice>}
      {reconcile.isError && <ErrorNotice error={reconcile.error} />}
      {report.lastError && <Notice tone="warning">The last run failed, and the next one reads the same stretch again: {report.lastError}</Notice>}
      {report.totals.foreignWithDocketKey > 0 && (
        <Notice tone="error" label="Possible key leak">
          {report.totals.foreignWithDocketKey} {report.totals.foreignWithDocketKey === 1 ? "call" : "calls"} in this period were made with Docket&apos;s key by
          something other than Docket. Unless another Docket shares the key, it has leaked: rotate it.
        </Notice>
      )}
      <Totals report={report} />
      <CountsPerDay report={report} />
      <Findings title="Calls made with Docket's key that Docket did not make" empty="None in this period.">
        {report.foreign.length > 0 && <FeedCalls calls={report.foreign} />}
      </Findings>
      <Findings title="Docket's calls the feed does not show" empty="None: every call Docket made that the feed has been read past is in it.">
        {report.missing.length > 0 && (
          <DataTable label="Docket's calls the feed does not show">
            <TableHead>
              <HeaderCell>Sent</HeaderCell>
              <HeaderCell>By</HeaderCell>
              <HeaderCell>Request</HeaderCell>
              <HeaderCell>Status</HeaderCell>
              <HeaderCell>Request id</HeaderCell>
            </TableHead>
            <TableBody>
              {report.missing.map((call) => (
                <tr key={`${call.requestId}-${call.startedAt}`}>
                  <Cell mono className="whitespace-nowrap">
                    {format(call.startedAt)}
                  </Cell>
                  <Cell>{call.process}</Cell>
                  <Cell mono className="break-all">
                    {call.method} {call.path}
                  </Cell>
                  <Cell mono>{call.status ?? "—"}</Cell>
                  <Cell mono>{call.requestId ?? "—"}</Cell>
                </tr>
              ))}
            </TableBody>
          </DataTable>
        )}
      </Findings>
      <Findings title="Calls by other keys" empty="None in this period.">
        {report.otherKeys.length > 0 && (
          <DataTable label="Calls by other keys">
            <TableHead>
              <HeaderCell>Key</HeaderCell>
              <HeaderCell>Calls</HeaderCell>
              <HeaderCell>First</HeaderCell>
              <HeaderCell>Last</HeaderCell>
              <HeaderCell>User agents</HeaderCell>
            </TableHead>
            <TableBody>
              {report.otherKeys.map((key) => (
                <tr key={key.apiKeyId ?? "none"}>
                  <Cell mono>{key.apiKeyId ?? "not named"}</Cell>
                  <Cell mono>{key.calls}</Cell>
                  <Cell mono className="whitespace-nowrap">
                    {format(key.first)}
                  </Cell>
                  <Cell mono className="whitespace-nowrap">
                    {format(key.last)}
                  </Cell>
                  <Cell className="break-all text-xs">{key.userAgents.join(" · ") || "—"}</Cell>
                </tr>
              ))}
            </TableBody>
          </DataTable>
        )}
      </Findings>
    </div>
  );
}

function Totals({ report }: { report: ApiUsageReport }) {
  const { totals } = report;
  const figures: Array<[string, number, string]> = [
    ["Calls Docket made", totals.docketCalls, "Every request sent by the web app and the workers, retries included."],
    ["Shown in the feed", totals.matched, "Matched to a compliance_api_accessed activity by its request id."],
    ["Not judged yet", totals.awaitingFeed, "Made after the feed was last read, or within five minutes before."],
    ["Not attributable", totals.unattributable, "No answer came, or the API refused the key: the feed cannot show them."],
    ["Missing from the feed", totals.missingFromFeed, "Made before the feed was read, yet not in it."],
    ["Docket's key, not Docket", totals.foreignWithDocketKey, "Made with a key Docket uses, not by Docket."],
    ["Other keys", totals.otherKeys, "Calls by the organisation's other Compliance API keys."],
  ];
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {figures.map(([label, value, detail]) => (
        <div key={label} className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-xs font-medium text-slate-600">{label}</dt>
          <dd className="text-2xl font-semibold text-slate-900">{value}</dd>
          <dd className="text-xs text-slate-500">{detail}</dd>
        </div>
      ))}
    </dl>
  );
}

function CountsPerDay({ report }: { report: ApiUsageReport }) {
  return (
    <Findings title="Counts per day (UTC)" empty="No call in this period.">
      {report.days.length > 0 && (
        <DataTable label="Counts per day">
          <TableHead>
            <HeaderCell>Day</HeaderCell>
            <HeaderCell>Docket&apos;s calls</HeaderCell>
            <HeaderCell>In the feed</HeaderCell>
            <HeaderCell>Missing</HeaderCell>
            <HeaderCell>Docket&apos;s key, not Docket</HeaderCell>
            <HeaderCell>Other keys</HeaderCell>
          </TableHead>
          <TableBody>
            {report.days.map((day) => (
              <tr key={day.day}>
                <Cell mono>{day.day.slice(0, 10)}</Cell>
                <Cell mono>{day.docketCalls}</Cell>
                <Cell mono>{day.matched}</Cell>
                <Cell mono>{day.missingFromFeed}</Cell>
                <Cell mono>{day.foreignWithDocketKey}</Cell>
                <Cell mono>{day.otherKeys}</Cell>
              </tr>
            ))}
          </TableBody>
        </DataTable>
      )}
    </Findings>
  );
}

function FeedCalls({ calls }: { calls: ApiUsageReport["foreign"] }) {
  const { format } = useTimeFormat();
  return (
    <DataTable label="Calls made with Docket's key that Docket did not make">
      <TableHead>
        <HeaderCell>When</HeaderCell>
        <HeaderCell>Key</HeaderCell>
        <HeaderCell>Request</HeaderCell>
        <HeaderCell>Status</HeaderCell>
        <HeaderCell>From</HeaderCell>
        <HeaderCell>Request id</HeaderCell>
      </TableHead>
      <TableBody>
        {calls.map((call) => (
          <tr key={call.activityId}>
            <Cell mono className="whitespace-nowrap">
              {format(call.createdAt)}
            </Cell>
            <Cell mono>{call.apiKeyId ?? "—"}</Cell>
            <Cell mono className="break-all">
              {call.method ?? "?"} {call.url ?? "—"}
            </Cell>
            <Cell mono>{call.statusCode ?? "—"}</Cell>
            <Cell className="break-all text-xs">
              <span className="block font-mono">{call.ipAddress ?? "—"}</span>
              {call.userAgent}
            </Cell>
            <Cell mono>{call.requestId ?? "—"}</Cell>
          </tr>
        ))}
      </TableBody>
    </DataTable>
  );
}

function Findings({ title, empty, children }: { title: string; empty: string; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <h2 className="mb-2 text-sm font-semibold text-slate-900">{title}</h2>
      {children || <p className="text-sm text-slate-500">{empty}</p>}
    </section>
  );
}
