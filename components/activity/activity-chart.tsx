"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTimeFormat } from "@/components/layout/time-zone";
import { ErrorNotice } from "@/components/ui/error-notice";
import { Cell, DataTable, HeaderCell, TableBody, TableHead } from "@/components/ui/table";
import { ACTIVITY_FAMILY_NAMES, CUSTODIAN_ACTIVITY_KIND_NAMES, type ActivityFamily, type CustodianActivityKind } from "@/lib/activity/activity-families";
import { stackedSeries, type ChartSeries } from "@/lib/activity/stacked-series";
import type { ActivityFilters } from "@/lib/console/activity-filters";
import { activityHistogramOptions } from "@/lib/queries/activity-queries";
import type { ActivityGrouping, ActivityHistogram } from "@/lib/schemas/activities";
import "uplot/dist/uPlot.min.css";

const CHART_HEIGHT = 220;

function groupName(grouping: ActivityGrouping, group: string): string {
  return grouping === "family" ? ACTIVITY_FAMILY_NAMES[group as ActivityFamily] : CUSTODIAN_ACTIVITY_KIND_NAMES[group as CustodianActivityKind];
}

/**
 * Activity over time as stacked bars, one colour per family (or, for a custodian, per kind of act).
 * The chart library is fetched only when a chart is drawn, so no other page carries its weight; the
 * same counts are in a table beside it for readers who do not see the canvas.
 */
export function ActivityChart({ filters, grouping, title }: { filters: ActivityFilters; grouping: ActivityGrouping; title: string }) {
  const query = useQuery(activityHistogramOptions(filters, grouping));
  const { format } = useTimeFormat();
  if (query.isPending) return <p className="mt-6 text-sm text-slate-500">Counting activity…</p>;
  if (query.isError)
    return (
      <div className="mt-6">
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  const histogram = query.data;
  const series = stackedSeries(histogram);
  return (
    <figure className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
      <figcaption className="text-sm font-medium text-slate-900">
        {title}
        <span className="ml-2 text-xs font-normal text-slate-500">
          {histogram.counted} {histogram.counted === 1 ? "activity" : "activities"} from {format(histogram.from)} to {format(histogram.before)}, per{" "}
          {histogram.bucketSize}
        </span>
      </figcaption>
      {histogram.countedSince && (
        <p role="note" className="mt-2 text-xs text-amber-800">
          Counted back to {format(histogram.countedSince)} only: Docket stops reading the feed for a chart after a few requests, to spare the
          organisation&apos;s shared API budget. Narrow the time range to count all of it.
        </p>
      )}
      {histogram.counted === 0 ? (
        <p className="mt-3 text-sm text-slate-500">No activity in this range.</p>
      ) : (
        <StackedBars histogram={histogram} series={series} label={`${title}: ${summaryOf(histogram, series)}`} />
      )}
      {histogram.counted > 0 && <CountsTable histogram={histogram} series={series} />}
    </figure>
  );
}

function summaryOf(histogram: ActivityHistogram, series: readonly ChartSeries[]): string {
  const parts = [...series].sort((a, b) => b.total - a.total).map((entry) => `${groupName(histogram.grouping, entry.group)} ${entry.total}`);
  return `${histogram.counted} activities in ${histogram.buckets.length} periods; ${parts.join(", ")}.`;
}

function StackedBars({ histogram, series, label }: { histogram: ActivityHistogram; series: readonly ChartSeries[]; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const { zone } = useTimeFormat();
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let chart: { destroy(): void; setSize(size: { width: number; height: number }): void } | null = null;
    let cancelled = false;
    const resize = new ResizeObserver(() => chart?.setSize({ width: element.clientWidth, height: CHART_HEIGHT }));
    void import("uplot").then(({ default: UPlot }) => {
      if (cancelled) return;
      const ink = getComputedStyle(element).color;
      const times = histogram.buckets.map((bucket) => Date.parse(bucket.start) / 1000);
      // Drawn from the top of the stack down, so each lower band paints over the part of the one above it.
      const drawn = [...series].reverse();
      chart = new UPlot(
        {
          width: element.clientWidth,
          height: CHART_HEIGHT,
          tzDate: (seconds) => UPlot.tzDate(new Date(seconds * 1000), zone),
          scales: { x: { time: true }, y: { range: (_chart, _min, max) => [0, Math.max(1, max)] } },
          axes: [
            { stroke: ink, grid: { stroke: "rgba(127,127,127,0.15)" } },
            { stroke: ink, grid: { stroke: "rgba(127,127,127,0.15)" } },
          ],
          cursor: { drag: { x: false, y: false } },
          series: [
            {},
            ...drawn.map((entry) => ({
              label: groupName(histogram.grouping, entry.group),
              fill: entry.colour,
              stroke: entry.colour,
              paths: UPlot.paths.bars!({ size: [0.9, Infinity], align: 1 }),
              points: { show: false },
              value: (_chart: unknown, _value: number | null, _series: number, index: number | null) =>
                index === null ? "" : String(entry.counts[index] ?? 0),
            })),
          ],
        },
        [times, ...drawn.map((entry) => entry.stacked)],
        element,
      );
      resize.observe(element);
    });
    return () => {
      cancelled = true;
      resize.disconnect();
      chart?.destroy();
    };
  }, [histogram, series, zone]);
  return <div ref={container} role="img" aria-label={label} className="mt-3 min-h-[220px] w-full text-slate-600" />;
}

function CountsTable({ histogram, series }: { histogram: ActivityHistogram; series: readonly ChartSeries[] }) {
  const { formatCompact, zone } = useTimeFormat();
  return (
    <details className="mt-3 text-xs">
      <summary className="cursor-pointer text-slate-600">The counts as a table</summary>
      <DataTable className="mt-2" label="Activity counts per period">
        <TableHead>
          <HeaderCell>Period from ({zone})</HeaderCell>
          {series.map((entry) => (
            <HeaderCell key={entry.group}>{groupName(histogram.grouping, entry.group)}</HeaderCell>
          ))}
        </TableHead>
        <TableBody>
          {histogram.buckets.map((bucket, index) => (
            <tr key={bucket.start}>
              <Cell mono className="whitespace-nowrap">
                {formatCompact(bucket.start)}
              </Cell>
              {series.map((entry) => (
                <Cell key={entry.group} mono>
                  {entry.counts[index]}
                </Cell>
              ))}
            </tr>
          ))}
        </TableBody>
      </DataTable>
    </details>
  );
}
