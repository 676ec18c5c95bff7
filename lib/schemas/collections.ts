import { z } from "zod";

/**
 * Collections: a reviewer asks Docket to gather a matter's content (custodians, organisations or
 * projects, over a period) and the worker (`npm run worker`) gathers it in the background into the
 * evidence store, from which it is downloaded as one signed package. Client-safe: the pages parse the
 * answers with these schemas.
 *
 * Routes (content.export; the names are fixed by design.md):
 *   POST /api/collections                       CreateCollectionBody -> 201 { id }
 *   GET  /api/collections                       CollectionList (newest first)
 *   GET  /api/collections/[id]                  CollectionDto
 *   POST /api/collections/[id]/pause|resume|cancel   CollectionDto
 *   GET  /api/collections/[id]/package          the evidence package (ZIP), once succeeded
 */

export const COLLECTION_INCLUDES = ["chats", "files", "generated_files", "artifacts", "project_documents", "sessions"] as const;
export type CollectionInclude = (typeof COLLECTION_INCLUDES)[number];

export const COLLECTION_STATES = ["queued", "running", "paused", "succeeded", "failed", "cancelled"] as const;
export type CollectionState = (typeof COLLECTION_STATES)[number];

export const MAX_COLLECTION_TEXT = 200;
/** Every id of the scope is checked against the API when the collection is created. */
export const MAX_SCOPE_IDS = 500;

/** The Compliance API's id formats (`user_…`, an organisation UUID, `claude_proj_…`). */
const TAGGED_BODY = "[A-Za-z0-9]{1,128}";
const ids = (pattern: RegExp, what: string) =>
  z
    .array(z.string().trim().regex(pattern, `must be ${what}`))
    .max(MAX_SCOPE_IDS, `accepts at most ${MAX_SCOPE_IDS} ids`)
    .default([])
    .transform((values) => [...new Set(values)]);

export const CollectionScope = z.object({
  userIds: ids(new RegExp(`^user_${TAGGED_BODY}$`), "a user_… id"),
  organizationIds: ids(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, "an organisation UUID"),
  projectIds: ids(new RegExp(`^claude_proj_${TAGGED_BODY}$`), "a claude_proj_… id"),
});
export type CollectionScope = z.infer<typeof CollectionScope>;

/** RFC 3339 with an offset, as the API takes it. */
const Instant = z.iso.datetime({ offset: true, error: "must be an RFC 3339 time such as 2026-01-01T00:00:00Z" });

/** A half-open range [gte, lt): consecutive ranges tile without gap or overlap, as the API's guide advises. */
export const TimeRange = z
  .object({ gte: Instant.optional(), lt: Instant.optional() })
  .strict()
  .refine((range) => range.gte === undefined || range.lt === undefined || Date.parse(range.gte) < Date.parse(range.lt), {
    message: "its start (gte) must be before its end (lt)",
  });
export type TimeRange = z.infer<typeof TimeRange>;

export const CreateCollectionBody = z
  .object({
    matter: z.string().trim().min(1, "must name the matter").max(MAX_COLLECTION_TEXT),
    reference: z.string().trim().min(1, "must give the matter's reference (a case or ticket number)").max(MAX_COLLECTION_TEXT),
    scope: CollectionScope,
    createdAt: TimeRange.optional(),
    updatedAt: TimeRange.optional(),
    include: z
      .array(z.enum(COLLECTION_INCLUDES, { error: `must be one of ${COLLECTION_INCLUDES.join(", ")}` }))
      .min(1, "must list at least one kind of content")
      .transform((values) => [...new Set(values)]),
  })
  .strict()
  .refine((body) => body.scope.userIds.length + body.scope.organizationIds.length + body.scope.projectIds.length > 0, {
    path: ["scope"],
    message: "must name at least one custodian, organisation or project",
  });
export type CreateCollectionBody = z.infer<typeof CreateCollectionBody>;

export const CollectionProgress = z.object({
  itemsDone: z.number().int(),
  itemsKnown: z.number().int(),
  bytes: z.number(),
  requests: z.number().int(),
  errors: z.number().int(),
  /** Whether every list has been walked: until then, itemsKnown still grows. */
  listsWalked: z.boolean(),
  /** From the requests still needed and the budget background work may use; null when unknown. */
  secondsLeft: z.number().nullable(),
});
export type CollectionProgress = z.infer<typeof CollectionProgress>;

export const CollectionDto = z.object({
  id: z.string(),
  matter: z.string(),
  reference: z.string(),
  scope: CollectionScope,
  createdAt: z.string(),
  createdRange: TimeRange.nullable(),
  updatedRange: TimeRange.nullable(),
  include: z.array(z.enum(COLLECTION_INCLUDES)),
  state: z.enum(COLLECTION_STATES),
  createdBy: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  failureReason: z.string().nullable(),
  progress: CollectionProgress,
});
export type CollectionDto = z.infer<typeof CollectionDto>;

export const CollectionList = z.object({ collections: z.array(CollectionDto) });
export type CollectionList = z.infer<typeof CollectionList>;

export const CollectionCreated = z.object({ id: z.string() });
