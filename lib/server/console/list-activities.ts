import "server-only";
import { TYPES_BY_FAMILY } from "@/lib/activity/types-by-family";
import { COMMON_ACTIVITY_FIELDS, type ActivityEntry, type ActivityFeedPage, type ActivityReference, type ReferenceKind } from "@/lib/schemas/activities";
import type { ActivityQuery, ComplianceClient } from "@/lib/server/compliance/client";
import { ID_PATTERNS } from "@/lib/server/compliance/ids";
import type { Activity } from "@/lib/server/compliance/schemas/activities";
import { AppError } from "@/lib/server/http/errors";
import type { ConsoleRead } from "./console-read";
import { MAX_ACTIVITY_TYPES, type ActivityExportRequest, type ActivityFeedRequest } from "./request-schemas";
import { createdWindow } from "./time-window";

const DEFAULT_LIMIT = 100;

type ActivityFilters = Omit<ActivityExportRequest, "format">;

/** The API query of the feed's filters: families expand to their types, `exclude` turns the list around. */
export function activityFeedQuery(request: ActivityFilters): Omit<ActivityQuery, "afterId" | "beforeId" | "limit"> {
  const types = [...new Set([...(request.families ?? []).flatMap((family) => TYPES_BY_FAMILY[family]), ...(request.types ?? [])])];
  if (types.length > MAX_ACTIVITY_TYPES) {
    throw new AppError(
      "invalid_request",
      `These filters name ${types.length} activity types; the API takes at most ${MAX_ACTIVITY_TYPES}. Choose fewer families, or leave out the ones you do not want instead.`,
    );
  }
  const chosen = types.length === 0 ? {} : request.exclude === "1" ? { excludeActivityTypes: types } : { activityTypes: types };
  return { ...chosen, actorIds: request.actorIds, organizationIds: request.orgIds, createdAt: createdWindow(request) };
}

/** One page of the feed, newest first; `older` and `newer` are the API's after_id and before_id. */
export async function listActivities(client: ComplianceClient, request: ActivityFeedRequest): Promise<ConsoleRead<ActivityFeedPage>> {
  const { data, raw, requestId } = await client.activities.list({
    ...activityFeedQuery(request),
    afterId: request.older,
    beforeId: request.newer,
    limit: request.limit ?? DEFAULT_LIMIT,
  });
  return {
    dto: { activities: toActivityEntries(data.data, raw), firstId: data.first_id, lastId: data.last_id, hasMore: data.has_more },
    upstreamRequestIds: requestId ? [requestId] : [],
  };
}

/** Entries with each activity exactly as sent (from the unparsed page), next to the fields Docket reads. */
export function toActivityEntries(activities: readonly Activity[], rawPage: unknown): ActivityEntry[] {
  const rawItems = rawActivities(rawPage);
  return activities.map((activity, index) => {
    const raw = rawItems[index] ?? { ...activity };
    return {
      id: activity.id,
      createdAt: activity.created_at,
      type: activity.type,
      organizationUuid: activity.organization_uuid,
      actor: activity.actor,
      raw,
      references: referencesIn(raw),
    };
  });
}

export function rawActivities(rawPage: unknown): Array<Record<string, unknown>> {
  if (typeof rawPage !== "object" || rawPage === null) return [];
  const data = (rawPage as { data?: unknown }).data;
  return Array.isArray(data) ? data.filter((item): item is Record<string, unknown> => typeof item === "object" && item !== null) : [];
}

/** Checked in this order; the patterns are exclusive (a project document id is not a project id). */
const LINKABLE: ReadonlyArray<readonly [ReferenceKind, RegExp]> = [
  ["chat", ID_PATTERNS.chat],
  ["file", ID_PATTERNS.file],
  ["project", ID_PATTERNS.project],
  ["projectDocument", ID_PATTERNS.projectDocument],
  ["localSession", ID_PATTERNS.localSession],
  ["remoteSession", ID_PATTERNS.remoteSession],
  ["user", ID_PATTERNS.user],
];

/**
 * The ids an activity names that Docket can open, found by their documented formats in its own
 * top-level fields, whatever the type: 467 types name their objects in too many fields to list.
 */
export function referencesIn(raw: Record<string, unknown>): ActivityReference[] {
  const references: ActivityReference[] = [];
  for (const [field, value] of Object.entries(raw)) {
    if (COMMON_ACTIVITY_FIELDS.has(field) || typeof value !== "string") continue;
    const kind = LINKABLE.find(([, pattern]) => pattern.test(value))?.[0];
    if (kind) references.push({ field, kind, id: value });
  }
  return references;
}
