import "server-only";
import { z } from "zod";
import { ACTIVITY_FAMILIES } from "@/lib/activity/activity-families";
import { ActivityGrouping } from "@/lib/schemas/activities";
import { ID_DESCRIPTIONS, ID_PATTERNS, isOrganizationReference, type IdKind } from "@/lib/server/compliance/ids";
import { isRfc3339 } from "@/lib/server/compliance/query-params";

/**
 * What the console's route handlers accept. Every value is checked here, before any request is
 * built; lists arrive comma-separated (`userIds=a,b`) so a link reproduces the view. Unknown
 * parameters are refused rather than ignored.
 */

/** Filters are recorded in the audit row, which holds at most 16 KiB of parameters. */
export const MAX_FILTER_IDS = 100;

const idOf = (kind: IdKind) => z.string().regex(ID_PATTERNS[kind], `must be ${ID_DESCRIPTIONS[kind]}`);
const organizationReference = z.string().refine(isOrganizationReference, "must be an organisation UUID or an org_… id");
const commaList = <T extends string>(item: z.ZodType<T, string>, max: number) =>
  z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1, "must list at least one id").max(max, `accepts at most ${max} ids`));
const timestamp = z.string().refine(isRfc3339, "must be an RFC 3339 timestamp such as 2024-03-01T00:00:00Z");
/** Opaque cursors and page tokens: passed back unchanged, but bounded and free of URL syntax. */
const cursor = z.string().regex(/^[A-Za-z0-9_\-=+/.]{1,4096}$/, "is not a cursor Docket issued");
const limit = (max: number) => z.coerce.number().int().min(1).max(max);

export const OrganizationPath = z.object({ orgUuid: idOf("organization") });
export const ChatPath = z.object({ chatId: idOf("chat") });
export const ChatMessagePath = z.object({ chatId: idOf("chat"), messageId: idOf("chatMessage") });
export const ProjectPath = z.object({ projectId: idOf("project") });

export const CustodianListRequest = z.object({ page: cursor.optional(), limit: limit(1000).optional() }).strict();
export type CustodianListRequest = z.output<typeof CustodianListRequest>;

export const ChatListRequest = z
  .object({
    userIds: commaList(idOf("user"), MAX_FILTER_IDS).optional(),
    orgIds: commaList(organizationReference, MAX_FILTER_IDS).optional(),
    projectIds: commaList(idOf("project"), MAX_FILTER_IDS).optional(),
    orderBy: z.enum(["created_at", "updated_at"]).optional(),
    /** Inclusive bounds (created_at.gte / .lte and updated_at.gte / .lte). */
    createdFrom: timestamp.optional(),
    createdTo: timestamp.optional(),
    updatedFrom: timestamp.optional(),
    updatedTo: timestamp.optional(),
    after: cursor.optional(),
    before: cursor.optional(),
    limit: limit(200).optional(),
  })
  .strict();
export type ChatListRequest = z.output<typeof ChatListRequest>;

export const ChatMessagesRequest = z
  .object({
    after: cursor.optional(),
    before: cursor.optional(),
    limit: limit(1000).optional(),
    order: z.enum(["asc", "desc"]).optional(),
    /** Messages created at or after this time (created_at.gte): where a deep link to a message opens. */
    from: timestamp.optional(),
    /** `1` asks for tool inputs and results in full (the API truncates them by default). */
    untruncated: z.literal("1").optional(),
  })
  .strict();
export type ChatMessagesRequest = z.output<typeof ChatMessagesRequest>;

/**
 * One message as the API sent it. The API has no per-message read, so Docket asks for the messages
 * created at the message's own time (`at`, as the thread received it) and picks it out by id.
 */
export const RawChatMessageRequest = z
  .object({
    at: timestamp,
    /** `1` when the thread shows the message untruncated, so the JSON is the one behind what is shown. */
    untruncated: z.literal("1").optional(),
  })
  .strict();
export type RawChatMessageRequest = z.output<typeof RawChatMessageRequest>;

export const CodeArtifactListRequest = z
  .object({
    orgIds: commaList(organizationReference, MAX_FILTER_IDS).optional(),
    /** The artifacts' owners (the API takes at most 200). */
    userIds: commaList(idOf("user"), MAX_FILTER_IDS).optional(),
    updatedFrom: timestamp.optional(),
    updatedTo: timestamp.optional(),
    page: cursor.optional(),
    limit: limit(100).optional(),
  })
  .strict();
export type CodeArtifactListRequest = z.output<typeof CodeArtifactListRequest>;

export const CodeArtifactPath = z.object({ artifactId: idOf("codeArtifact") });
export const CodeArtifactVersionPath = z.object({ artifactId: idOf("codeArtifact"), versionId: idOf("codeArtifactVersion") });

export const ProjectListRequest = z
  .object({
    page: cursor.optional(),
    limit: limit(100).optional(),
    orgIds: commaList(organizationReference, MAX_FILTER_IDS).optional(),
    /** The projects' creators. */
    userIds: commaList(idOf("user"), MAX_FILTER_IDS).optional(),
    createdFrom: timestamp.optional(),
    createdTo: timestamp.optional(),
    updatedFrom: timestamp.optional(),
    updatedTo: timestamp.optional(),
  })
  .strict();
export type ProjectListRequest = z.output<typeof ProjectListRequest>;

export const ProjectChatsRequest = z.object({ after: cursor.optional(), limit: limit(200).optional() }).strict();
export type ProjectChatsRequest = z.output<typeof ProjectChatsRequest>;

export const LocalSessionPath = z.object({ sessionId: idOf("localSession") });
export const RemoteSessionPath = z.object({ sessionId: idOf("remoteSession") });

/** `from` is inclusive and `before` exclusive: the only bounds the local session list accepts. */
const sessionFilters = {
  from: timestamp.optional(),
  before: timestamp.optional(),
  page: cursor.optional(),
  limit: limit(500).optional(),
};

export const LocalSessionListRequest = z.object(sessionFilters).strict();
export type LocalSessionListRequest = z.output<typeof LocalSessionListRequest>;

export const RemoteSessionListRequest = z
  .object({
    ...sessionFilters,
    orgIds: commaList(organizationReference, MAX_FILTER_IDS).optional(),
    /** The API matches at most 10 owners at once. */
    userIds: commaList(idOf("user"), 10).optional(),
  })
  .strict();
export type RemoteSessionListRequest = z.output<typeof RemoteSessionListRequest>;

export const SessionMessagesRequest = z
  .object({
    page: cursor.optional(),
    limit: limit(1000).optional(),
    /** `1` asks for tool inputs and results in full (the API cuts them at 10,000 bytes by default). */
    untruncated: z.literal("1").optional(),
  })
  .strict();
export type SessionMessagesRequest = z.output<typeof SessionMessagesRequest>;

export const UserPath = z.object({ userId: idOf("user") });

export const CustodianTimelineRequest = z.object({ from: timestamp.optional(), before: timestamp.optional() }).strict();
export type CustodianTimelineRequest = z.output<typeof CustodianTimelineRequest>;

/** The API accepts at most 500 type names per request. */
export const MAX_ACTIVITY_TYPES = 500;
const activityType = z.string().regex(/^[a-z][a-z0-9_]{0,99}$/, "must be an activity type name such as claude_chat_created");

const activityFilters = {
  /** Families expand to their documented types; `types` adds single ones (at most 100, for the audit row). */
  families: commaList(z.enum(ACTIVITY_FAMILIES), ACTIVITY_FAMILIES.length).optional(),
  types: commaList(activityType, MAX_FILTER_IDS).optional(),
  /** `1` leaves the chosen families and types out instead of keeping only them. */
  exclude: z.literal("1").optional(),
  /** The API matches actors by user id (`actor_ids[]`, of which `user_ids[]` is an alias). */
  actorIds: commaList(idOf("user"), MAX_FILTER_IDS).optional(),
  orgIds: commaList(organizationReference, MAX_FILTER_IDS).optional(),
  from: timestamp.optional(),
  before: timestamp.optional(),
};

const exclusionNeedsTypes = (request: { exclude?: string; families?: unknown; types?: unknown }) =>
  request.exclude === undefined || request.families !== undefined || request.types !== undefined;
const EXCLUSION_MESSAGE = { message: "exclude=1 needs families or types to leave out", path: ["exclude"] };

export const ActivityFeedRequest = z
  .object({
    ...activityFilters,
    /** The last id of a page: the activities after it in the feed's order, which are older. */
    older: cursor.optional(),
    /** The first id of a page: the activities before it, which are newer. */
    newer: cursor.optional(),
    limit: limit(1000).optional(),
  })
  .strict()
  .refine(exclusionNeedsTypes, EXCLUSION_MESSAGE)
  .refine((request) => request.older === undefined || request.newer === undefined, { message: "give older or newer, not both", path: ["newer"] });
export type ActivityFeedRequest = z.output<typeof ActivityFeedRequest>;

export const ActivityExportRequest = z
  .object({ ...activityFilters, format: z.enum(["csv", "jsonl"]) })
  .strict()
  .refine(exclusionNeedsTypes, EXCLUSION_MESSAGE);
export type ActivityExportRequest = z.output<typeof ActivityExportRequest>;

export const ActivityHistogramRequest = z
  .object({ ...activityFilters, grouping: ActivityGrouping.optional() })
  .strict()
  .refine(exclusionNeedsTypes, EXCLUSION_MESSAGE);
export type ActivityHistogramRequest = z.output<typeof ActivityHistogramRequest>;

export const RolePath = z.object({ orgUuid: idOf("organization"), roleId: idOf("role") });
export const GroupPath = z.object({ groupId: idOf("group") });
/** The directory's lists: one page of 1,000, and the token of the next when there are more. */
export const DirectoryPageRequest = z.object({ page: cursor.optional() }).strict();
export const NoQuery = z.object({}).strict();
