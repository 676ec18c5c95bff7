import "server-only";
import { ACTIVITY_FAMILIES, CUSTODIAN_ACTIVITY_KINDS, custodianKindOf, familyOf } from "@/lib/activity/activity-families";
import type { ActivityGrouping, ActivityHistogram, HistogramBucketSize } from "@/lib/schemas/activities";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import type { ConsoleRead } from "./console-read";
import { activityFeedQuery } from "./list-activities";
import type { ActivityHistogramRequest } from "./request-schemas";

/** Activities per request, the API's maximum: a chart reads as few pages as it can. */
const PAGE_SIZE = 5000;
/** A chart spends at most this many requests of the shared budget; beyond, it says where it stopped. */
export const MAX_HISTOGRAM_PAGES = 10;
/** Without a window: the last quarter of the organisation's activity, or the last year of one person's. */
const DEFAULT_SPAN_DAYS: Record<ActivityGrouping, number> = { family: 90, custodian: 365 };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const BUCKET_MS: Record<HistogramBucketSize, number> = { hour: HOUR_MS, day: DAY_MS, week: 7 * DAY_MS };

/** About 30 to 120 bars whatever the span: hours up to three days, days up to four months, then weeks. */
export function bucketSizeFor(spanMs: number): HistogramBucketSize {
  if (spanMs <= 3 * DAY_MS) return "hour";
  if (spanMs <= 120 * DAY_MS) return "day";
  return "week";
}

/** Bucket starts in UTC; weeks start on Monday, as ISO 8601 weeks do. */
export function bucketStart(timeMs: number, size: HistogramBucketSize): number {
  if (size === "week") {
    const day = Math.floor(timeMs / DAY_MS) * DAY_MS;
    const weekday = (new Date(day).getUTCDay() + 6) % 7;
    return day - weekday * DAY_MS;
  }
  return Math.floor(timeMs / BUCKET_MS[size]) * BUCKET_MS[size];
}

/**
 * Counts the filtered feed's activities per period and group, newest first, reading at most
 * MAX_HISTOGRAM_PAGES pages.
 */
export async function activityHistogram(
  client: ComplianceClient,
  request: ActivityHistogramRequest,
  { now = new Date(), pageSize = PAGE_SIZE }: { now?: Date; pageSize?: number } = {},
): Promise<ConsoleRead<ActivityHistogram>> {
  const grouping: ActivityGrouping = request.grouping ?? "family";
  const before = request.before ?? now.toISOString();
  const from = request.from ?? new Date(Date.parse(before) - DEFAULT_SPAN_DAYS[grouping] * DAY_MS).toISOString();
  const groups = grouping === "family" ? ACTIVITY_FAMILIES : CUSTODIAN_ACTIVITY_KINDS;
  const groupOf: (type: string) => string = grouping === "family" ? familyOf : custodianKindOf;
  const groupIndex = new Map<string, number>(groups.map((group, index) => [group, index]));

  const bucketSize = bucketSizeFor(Date.parse(before) - Date.parse(from));
  const firstBucket = bucketStart(Date.parse(from), bucketSize);
  const bucketCount = Math.max(1, Math.ceil((Date.parse(before) - firstBucket) / BUCKET_MS[bucketSize]));
  const counts = Array.from({ length: bucketCount }, () => new Array<number>(groups.length).fill(0));

  const query = { ...activityFeedQuery({ ...request, from, before }), limit: pageSize };
  const upstreamRequestIds: string[] = [];
  let counted = 0;
  let oldestCounted: string | null = null;
  let cursor: string | undefined;
  let stoppedEarly = false;
  for (let pages = 0; ; pages++) {
    if (pages === MAX_HISTOGRAM_PAGES) {
      stoppedEarly = true;
      break;
    }
    const { data, requestId } = await client.activities.list({ ...query, afterId: cursor });
    if (requestId) upstreamRequestIds.push(requestId);
    for (const activity of data.data) {
      const time = Date.parse(activity.created_at);
      if (Number.isNaN(time)) continue;
      const bucket = Math.floor((bucketStart(time, bucketSize) - firstBucket) / BUCKET_MS[bucketSize]);
      const row = counts[bucket];
      if (!row) continue;
      row[groupIndex.get(groupOf(activity.type))!]! += 1;
      counted += 1;
      oldestCounted = activity.created_at;
    }
    if (!data.has_more || data.last_id === null) break;
    cursor = data.last_id;
  }

  return {
    dto: {
      grouping,
      groups: [...groups],
      bucketSize,
      buckets: counts.map((row, index) => ({ start: new Date(firstBucket + index * BUCKET_MS[bucketSize]).toISOString(), counts: row })),
      from,
      before,
      counted,
      countedSince: stoppedEarly ? oldestCounted : null,
    },
    upstreamRequestIds,
  };
}
