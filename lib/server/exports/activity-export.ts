import "server-only";
import { familyOf } from "@/lib/activity/activity-families";
import { actorInWords } from "@/lib/activity/actor-words";
import { CSV_BYTE_ORDER_MARK, csvLine } from "@/lib/console/csv";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { COMMON_ACTIVITY_FIELDS } from "@/lib/schemas/activities";
import { activityFeedQuery, rawActivities } from "@/lib/server/console/list-activities";
import type { ActivityExportRequest } from "@/lib/server/console/request-schemas";

export const ACTIVITY_EXPORT_CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8; header=present",
  jsonl: "application/jsonl; charset=utf-8",
} as const;

/** Activities per request: the API's maximum, so a long export spends as few requests as it can. */
const PAGE_SIZE = 5000;

const CSV_COLUMNS = [
  "id",
  "created_at",
  "type",
  "family",
  "organization_id",
  "organization_uuid",
  "actor_type",
  "actor",
  "actor_user_id",
  "actor_ip_address",
  "actor_user_agent",
  "fields",
] as const;

/**
 * The filtered feed, newest first, streamed a page at a time as the consumer reads, so memory stays
 * flat however long the feed. JSON Lines holds each activity exactly as the API sent it; CSV adds the
 * family and the actor in words and keeps the type's own fields as JSON in one column. An upstream
 * error mid-way errors the stream, so a download never ends early looking complete; a reader who
 * goes away cancels the request in flight.
 */
export function exportActivities(
  client: ComplianceClient,
  request: ActivityExportRequest,
  { pageSize = PAGE_SIZE }: { pageSize?: number } = {},
): ReadableStream<Uint8Array> {
  const { format, ...filters } = request;
  const query = { ...activityFeedQuery(filters), limit: pageSize };
  const encoder = new TextEncoder();
  const abort = new AbortController();
  let cursor: string | undefined;
  let started = false;
  let done = false;

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          if (format === "csv") controller.enqueue(encoder.encode(CSV_BYTE_ORDER_MARK + csvLine(CSV_COLUMNS)));
        }
        if (done) {
          controller.close();
          return;
        }
        const { data, raw } = await client.activities.list({ ...query, afterId: cursor }, { signal: abort.signal });
        const activities = rawActivities(raw);
        if (activities.length > 0) controller.enqueue(encoder.encode(activities.map(format === "csv" ? activityCsvLine : jsonLine).join("")));
        if (!data.has_more || data.last_id === null) done = true;
        else cursor = data.last_id;
      },
      cancel() {
        abort.abort();
      },
    },
    { highWaterMark: 1 },
  );
}

function jsonLine(activity: Record<string, unknown>): string {
  return `${JSON.stringify(activity)}\n`;
}

function activityCsvLine(activity: Record<string, unknown>): string {
  const actor = typeof activity.actor === "object" && activity.actor !== null ? (activity.actor as Record<string, unknown>) : null;
  const words = actorInWords(actor);
  const own = Object.fromEntries(Object.entries(activity).filter(([field]) => !COMMON_ACTIVITY_FIELDS.has(field)));
  const type = text(activity.type);
  return csvLine([
    text(activity.id),
    text(activity.created_at),
    type,
    type === null ? null : familyOf(type),
    text(activity.organization_id),
    text(activity.organization_uuid),
    actor ? text(actor.type) : null,
    words.who,
    words.userId,
    words.ipAddress,
    words.userAgent,
    JSON.stringify(own),
  ]);
}

function text(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}
