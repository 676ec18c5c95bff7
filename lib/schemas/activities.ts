import { z } from "zod";
import { ACTIVITY_FAMILIES, CUSTODIAN_ACTIVITY_KINDS } from "@/lib/activity/activity-families";

/** The Activity Feed as Docket's routes return it. Client-safe. */

/** The fields every activity has; the others are its type's own. */
export const COMMON_ACTIVITY_FIELDS: ReadonlySet<string> = new Set(["id", "created_at", "type", "organization_id", "organization_uuid", "actor"]);

/** What an id found in an activity names, so the page can link to Docket's view of it. */
export const ReferenceKind = z.enum(["chat", "file", "project", "projectDocument", "localSession", "remoteSession", "user"]);
export type ReferenceKind = z.infer<typeof ReferenceKind>;

export const ActivityReference = z.object({ field: z.string(), kind: ReferenceKind, id: z.string() });
export type ActivityReference = z.infer<typeof ActivityReference>;

export const ActivityEntry = z.object({
  id: z.string(),
  createdAt: z.string(),
  type: z.string(),
  organizationUuid: z.string().nullable(),
  actor: z.record(z.string(), z.unknown()).nullable(),
  /** The activity exactly as the API sent it, unknown fields included. */
  raw: z.record(z.string(), z.unknown()),
  references: z.array(ActivityReference),
});
export type ActivityEntry = z.infer<typeof ActivityEntry>;

export const ActivityFeedPage = z.object({
  activities: z.array(ActivityEntry),
  /** Pass as `newer` for the page before this one (newer activities). */
  firstId: z.string().nullable(),
  /** Pass as `older` for the page after this one (older activities). */
  lastId: z.string().nullable(),
  /** Whether more activities lie beyond this page in the direction it was read. */
  hasMore: z.boolean(),
});
export type ActivityFeedPage = z.infer<typeof ActivityFeedPage>;

export const ActivityGrouping = z.enum(["family", "custodian"]);
export type ActivityGrouping = z.infer<typeof ActivityGrouping>;

export const HistogramBucketSize = z.enum(["hour", "day", "week"]);
export type HistogramBucketSize = z.infer<typeof HistogramBucketSize>;

export const ActivityHistogram = z.object({
  grouping: ActivityGrouping,
  /** The groups in drawing order: families, or the custodian kinds. */
  groups: z.array(z.union([z.enum(ACTIVITY_FAMILIES), z.enum(CUSTODIAN_ACTIVITY_KINDS)])),
  bucketSize: HistogramBucketSize,
  /** Bucket starts (RFC 3339, UTC), oldest first, with one count per group in `groups` order. */
  buckets: z.array(z.object({ start: z.string(), counts: z.array(z.number().int().nonnegative()) })),
  from: z.string(),
  before: z.string(),
  counted: z.number().int().nonnegative(),
  /**
   * Null when every activity in the range was counted; otherwise the time of the oldest one counted:
   * Docket stopped reading there to spare the shared budget, and the chart says so.
   */
  countedSince: z.string().nullable(),
});
export type ActivityHistogram = z.infer<typeof ActivityHistogram>;
