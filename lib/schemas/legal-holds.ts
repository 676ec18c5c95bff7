import { z } from "zod";

/**
 * Legal holds: Docket's own registry (the Compliance API has no hold endpoint). While a hold is
 * active, deleting anything it covers is refused when requested and again when executed:
 *   - a user (custodian): that user's chats and the files in them;
 *   - a project: the project, its documents and files, and the chats in it;
 *   - a chat: the chat and its files.
 * A hold is in force from its creation until it is released, explicitly and with a reason.
 * Client-safe: the admin page parses the answers with these schemas.
 *
 * Routes (all need holds.manage):
 *   GET  /api/legal-holds?status=        LegalHoldListQuery -> LegalHoldList (newest first)
 *   POST /api/legal-holds                CreateLegalHoldBody -> LegalHoldDto (201)
 *   GET  /api/legal-holds/[id]           LegalHoldDto
 *   POST /api/legal-holds/[id]/release   ReleaseLegalHoldBody -> LegalHoldDto
 * Releasing a hold already released answers 409 "hold_released"; a start date after today, 400.
 * A deletion refused for a hold answers 409 with `error.code` "legal_hold" and `details.holds`: HoldRef[].
 */

const Timestamp = z.iso.datetime({ offset: true });

export const HOLD_SCOPE_KINDS = ["user", "project", "chat"] as const;
export const HoldScopeKind = z.enum(HOLD_SCOPE_KINDS);
export type HoldScopeKind = z.infer<typeof HoldScopeKind>;

/** The id formats of the Compliance API (`user_…`, `claude_proj_…`, `claude_chat_…`). */
const TAGGED_BODY = "[A-Za-z0-9]{1,128}";
export const HOLD_SCOPE_ID_PATTERNS: Record<HoldScopeKind, RegExp> = {
  user: new RegExp(`^user_${TAGGED_BODY}$`),
  project: new RegExp(`^claude_proj_${TAGGED_BODY}$`),
  chat: new RegExp(`^claude_chat_${TAGGED_BODY}$`),
};

const scopeIds = (kind: HoldScopeKind, what: string) =>
  z
    .array(z.string().trim().regex(HOLD_SCOPE_ID_PATTERNS[kind], `must be ${what}`))
    .max(500)
    .default([])
    .transform((ids) => [...new Set(ids)]);

export const HoldScope = z.object({
  userIds: scopeIds("user", "a user_… id"),
  projectIds: scopeIds("project", "a claude_proj_… id"),
  chatIds: scopeIds("chat", "a claude_chat_… id"),
});
export type HoldScope = z.infer<typeof HoldScope>;

export const MAX_MATTER_NAME = 200;
export const MAX_HOLD_REASON = 2000;

/** `startsOn`: the day the duty to preserve arose (today or earlier). */
export const CreateLegalHoldBody = z
  .object({
    matterName: z.string().trim().min(1, "is required").max(MAX_MATTER_NAME),
    reason: z.string().trim().min(1, "is required").max(MAX_HOLD_REASON),
    startsOn: z.iso.date(),
    scope: HoldScope,
  })
  .strict()
  .refine((body) => body.scope.userIds.length + body.scope.projectIds.length + body.scope.chatIds.length > 0, {
    message: "must name at least one user, project or chat",
    path: ["scope"],
  });
export type CreateLegalHoldBody = z.input<typeof CreateLegalHoldBody>;

export const ReleaseLegalHoldBody = z.object({ reason: z.string().trim().min(1, "is required").max(MAX_HOLD_REASON) }).strict();
export type ReleaseLegalHoldBody = z.infer<typeof ReleaseLegalHoldBody>;

export const LEGAL_HOLD_STATUSES = ["active", "released"] as const;
export const LegalHoldStatus = z.enum(LEGAL_HOLD_STATUSES);
export type LegalHoldStatus = z.infer<typeof LegalHoldStatus>;

export const HoldPerson = z.object({ email: z.string().nullable(), name: z.string().nullable() });

export const LegalHoldDto = z.object({
  id: z.uuid(),
  matterName: z.string(),
  reason: z.string(),
  /** YYYY-MM-DD. */
  startsOn: z.iso.date(),
  status: LegalHoldStatus,
  scope: z.object({ userIds: z.array(z.string()), projectIds: z.array(z.string()), chatIds: z.array(z.string()) }),
  createdBy: HoldPerson,
  createdAt: Timestamp,
  releasedBy: HoldPerson.nullable(),
  releasedAt: Timestamp.nullable(),
  releaseReason: z.string().nullable(),
});
export type LegalHoldDto = z.infer<typeof LegalHoldDto>;

export const LegalHoldListQuery = z.object({ status: LegalHoldStatus.optional() });
export type LegalHoldListQuery = z.infer<typeof LegalHoldListQuery>;

export const LegalHoldList = z.object({ holds: z.array(LegalHoldDto) });
export type LegalHoldList = z.infer<typeof LegalHoldList>;

/** What a refusal for a hold names (in the error's `details`, and in a request's outcome). */
export const HoldRef = z.object({ id: z.uuid(), matterName: z.string() });
export type HoldRef = z.infer<typeof HoldRef>;
