import type { ActivityHistogram } from "@/lib/schemas/activities";

/** One band of a stacked bar chart: its counts, and their running sums with the bands below it. */
export interface ChartSeries {
  group: string;
  colour: string;
  counts: number[];
  stacked: number[];
  total: number;
}

/** Tableau's 10 and six more, distinguishable on light and dark surfaces; a group keeps its colour by position. */
const PALETTE = [
  "#4e79a7",
  "#f28e2b",
  "#e15759",
  "#76b7b2",
  "#59a14f",
  "#edc948",
  "#b07aa1",
  "#ff9da7",
  "#9c755f",
  "#bab0ac",
  "#1f9e89",
  "#d37295",
  "#8cd17d",
  "#b6992d",
  "#499894",
  "#86bcb6",
];

/** The non-empty groups, bottom of the stack first. Client-safe. */
export function stackedSeries(histogram: ActivityHistogram): ChartSeries[] {
  const running = new Array<number>(histogram.buckets.length).fill(0);
  const series: ChartSeries[] = [];
  histogram.groups.forEach((group, groupIndex) => {
    const counts = histogram.buckets.map((bucket) => bucket.counts[groupIndex] ?? 0);
    const total = counts.reduce((sum, count) => sum + count, 0);
    if (total === 0) return;
    const stacked = counts.map((count, index) => (running[index]! += count));
    series.push({ group, colour: PALETTE[groupIndex % PALETTE.length]!, counts, stacked, total });
  });
  return series;
}
