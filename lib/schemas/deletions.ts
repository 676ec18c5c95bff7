import { z } from "zod";
import { HoldRef } from "./legal-holds";

/**
 * The deletion routes' contract: request bodies and the DTOs they answer with. Client-safe, so the
 * dialog, the approvals queue and the request view parse answers with the same schemas the server
 * validates bodies with.
 *
 * Routes (errors are `{ error: { code, message, requestId, upstreamRequestId, details? } }`):
 *   GET  /api/deletions/capability       DeletionCapability            deletion.request
 *   POST /api/deletions/prepare          PrepareDeletionBody -> DeletionPreparation        deletion.request
 *   POST /api/deletions                  CreateDeletionBody -> DeletionRequestDto (201 new, 200 replay)
 *   GET  /api/deletions                  DeletionListQuery -> DeletionList (approvers: all; others: own)
 *   GET  /api/deletions/[id]             DeletionRequestDetail (the request and its audited life)
 *   POST /api/deletions/[id]/approve     DeletionDecisionBody -> DeletionRequestDto (executed)  deletion.approve
 *   POST /api/deletions/[id]/reject      DeletionDecisionBody -> DeletionRequestDto             deletion.approve
 *   POST /api/deletions/[id]/cancel      CancelDeletionBody -> DeletionRequestDto (the requester, while requested)
 *   POST /api/deletions/[id]/execute     no body -> DeletionRequestDto: runs an approved request whose
 *                                        execution never started (e.g. the database was down)
 *
 * The life of a deletion (every step is one audit event targeted at the object):
 *   requested -> approved -> executing -> succeeded | failed | unknown (-> settled by the reconciler)
 *   requested -> rejected | cancelled | expired;  approved -> expired | failed (refused before any call)
 */

const Timestamp = z.iso.datetime({ offset: true });
const Uuid = z.uuid();

export const DELETION_TARGET_KINDS = ["chat", "file", "project_document", "project", "code_artifact"] as const;
export const DeletionTargetKind = z.enum(DELETION_TARGET_KINDS);
export type DeletionTargetKind = z.infer<typeof DeletionTargetKind>;

/** What a reviewer would call each kind. */
export const DELETION_TARGET_LABELS: Record<DeletionTargetKind, string> = {
  chat: "chat",
  file: "file",
  project_document: "project document",
  project: "project",
  code_artifact: "code artifact",
};

/**
 * The object to delete. `projectId` names the project a file is attached to: a file that belongs to
 * no chat is a project file, and the project is what a legal hold on it would name (the file's own
 * metadata does not say), so such a file can only be deleted with its project given.
 */
export const DeletionTarget = z
  .object({
    kind: DeletionTargetKind,
    id: z.string().min(1).max(200),
    projectId: z.string().min(1).max(200).optional(),
  })
  .strict();
export type DeletionTarget = z.infer<typeof DeletionTarget>;

export const DELETION_REASON_CODES = ["erasure_request", "retention_policy", "data_leak", "legal_instruction", "other"] as const;
export const DeletionReasonCode = z.enum(DELETION_REASON_CODES);
export type DeletionReasonCode = z.infer<typeof DeletionReasonCode>;

export const DELETION_REASON_LABELS: Record<DeletionReasonCode, string> = {
  erasure_request: "Erasure request (GDPR Art. 17 or similar)",
  retention_policy: "Retention policy",
  data_leak: "Data leak / DLP finding",
  legal_instruction: "Legal instruction",
  other: "Other",
};

export const MAX_REASON_TEXT = 2000;
export const MAX_REFERENCE = 200;
export const MAX_COMMENT = 2000;

/** A reason from the fixed list; "other" must say what. */
export const DeletionReason = z
  .object({
    code: DeletionReasonCode,
    text: z.string().trim().max(MAX_REASON_TEXT).optional(),
  })
  .strict()
  .refine((reason) => reason.code !== "other" || (reason.text ?? "").length > 0, {
    message: 'a reason of "other" must say what it is',
    path: ["text"],
  });
export type DeletionReason = z.infer<typeof DeletionReason>;

export const DELETION_STATUSES = ["requested", "approved", "rejected", "expired", "executing", "succeeded", "failed", "unknown", "cancelled"] as const;
export const DeletionStatus = z.enum(DELETION_STATUSES);
export type DeletionStatus = z.infer<typeof DeletionStatus>;

/** Statuses after which nothing more happens to a request. */
export const SETTLED_DELETION_STATUSES: readonly DeletionStatus[] = ["rejected", "expired", "succeeded", "failed", "cancelled"];

// ---------------------------------------------------------------------------------------------
// What will be destroyed
// ---------------------------------------------------------------------------------------------

export const FileFact = z.object({
  id: z.string(),
  filename: z.string().nullable(),
  mimeType: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  /** Lowercase hex, as recorded by the API. */
  md5: z.string().nullable(),
});
export type FileFact = z.infer<typeof FileFact>;

export const ChatRef = z.object({
  id: z.string(),
  /** Empty for a chat its user deleted in claude.ai. */
  name: z.string(),
  ownerEmail: z.string().nullable(),
});
export type ChatRef = z.infer<typeof ChatRef>;

/** Everything the DELETE takes with it, by kind, as read from the API when the request was prepared. */
export const DeletionSummary = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("chat"),
    messageCount: z.number().int().nonnegative(),
    /** Files uploaded in the chat's messages (deleted with it). */
    files: z.array(FileFact),
    generatedFileCount: z.number().int().nonnegative(),
    artifactCount: z.number().int().nonnegative(),
    projectId: z.string().nullable(),
    /** Its user deleted it in claude.ai: its content is already gone, the record is not. */
    softDeleted: z.boolean(),
    ownerEmail: z.string().nullable(),
  }),
  z.object({
    kind: z.literal("file"),
    file: FileFact,
    /** Chats whose messages carry the file; empty for a project file. */
    chatIds: z.array(z.string()),
    messageCount: z.number().int().nonnegative(),
    projectId: z.string().nullable(),
  }),
  z.object({
    kind: z.literal("project_document"),
    document: FileFact,
    projectId: z.string().nullable(),
  }),
  z.object({
    kind: z.literal("project"),
    documents: z.array(FileFact),
    files: z.array(FileFact),
    /** The API's own count of chats attached; the project cannot be deleted while it is above 0. */
    chatsCount: z.number().int().nonnegative(),
    /** The attached chats Docket could find (listed per member: chats of people who left are not). */
    chats: z.array(ChatRef),
    /** False when `chats` may miss some of `chatsCount`. */
    chatsComplete: z.boolean(),
    /** The API refuses a project with chats (409): delete those first. */
    hasChats: z.boolean(),
  }),
  z.object({
    kind: z.literal("code_artifact"),
    /** Every retained version goes with it (about the latest 20; older ones were already gone). */
    versions: z.array(z.object({ id: z.string(), name: z.string().nullable(), createdAt: z.string().nullable() })),
    /** org | owner | public | users, as the API names it. */
    readMode: z.string().nullable(),
    ownerEmail: z.string().nullable(),
  }),
]);
export type DeletionSummary = z.infer<typeof DeletionSummary>;

/** The object as it was described when the request was prepared. */
export const DeletionTargetFacts = z.object({
  kind: DeletionTargetKind,
  id: z.string(),
  /** The name shown and accepted as a typed confirmation (the id is always accepted too). */
  name: z.string(),
  projectId: z.string().nullable(),
  organizationUuid: z.string().nullable(),
  createdAt: z.string().nullable(),
});
export type DeletionTargetFacts = z.infer<typeof DeletionTargetFacts>;

// ---------------------------------------------------------------------------------------------
// Prepare and commit
// ---------------------------------------------------------------------------------------------

/** The dialog makes the idempotency key (a UUID) when it opens; a double click or a retry reuses it. */
export const PrepareDeletionBody = z.object({ target: DeletionTarget, idempotencyKey: Uuid }).strict();
export type PrepareDeletionBody = z.infer<typeof PrepareDeletionBody>;

export const DeletionPreparation = z.object({
  target: DeletionTargetFacts,
  summary: DeletionSummary,
  /** Type one of these (exactly) to confirm: the name, when it has one, and the id. */
  acceptedConfirmations: z.array(z.string()).min(1),
  /** True: confirming creates a request that another person approves. False: confirming deletes. */
  approvalsRequired: z.boolean(),
  /** Bound to the signed-in person, the target and the idempotency key; good until `tokenExpiresAt`. */
  confirmationToken: z.string(),
  tokenExpiresAt: Timestamp,
  idempotencyKey: Uuid,
});
export type DeletionPreparation = z.infer<typeof DeletionPreparation>;

export const CreateDeletionBody = z
  .object({
    target: DeletionTarget,
    idempotencyKey: Uuid,
    confirmationToken: z.string().min(1).max(4096),
    /** The object's name or id, typed by hand. */
    typedConfirmation: z.string().max(1000),
    reason: DeletionReason,
    /** A ticket, matter or case number. */
    reference: z.string().trim().min(1, "is required (a ticket, matter or case number)").max(MAX_REFERENCE),
  })
  .strict();
export type CreateDeletionBody = z.infer<typeof CreateDeletionBody>;

/** Approve and reject need a comment; it is kept with the decision and in the audit log. */
export const DeletionDecisionBody = z.object({ comment: z.string().trim().min(1, "is required").max(MAX_COMMENT) }).strict();
export type DeletionDecisionBody = z.infer<typeof DeletionDecisionBody>;

export const CancelDeletionBody = z.object({ comment: z.string().trim().max(MAX_COMMENT).optional() }).strict();
export type CancelDeletionBody = z.infer<typeof CancelDeletionBody>;

// ---------------------------------------------------------------------------------------------
// A request, as the queue and the request view show it
// ---------------------------------------------------------------------------------------------

export const DeletionPerson = z.object({ email: z.string().nullable(), name: z.string().nullable() });
export type DeletionPerson = z.infer<typeof DeletionPerson>;

export const DELETION_OUTCOME_KINDS = [
  /** The API confirmed the deletion. */
  "deleted",
  /** Read back after an unknown outcome: the object is gone. */
  "deleted_reconciled",
  /** Read back after an unknown outcome: the object is still there, so it was not deleted. */
  "not_deleted",
  /** The API refused a project that still has chats (409). */
  "project_has_chats",
  /** The object was gone before Docket's DELETE (404). */
  "already_gone",
  /** The key lacks the delete scope (403). */
  "no_delete_scope",
  /** An active legal hold covers the object; nothing was sent. */
  "legal_hold",
  /** The API refused the request for another reason (4xx). */
  "refused",
  /** The API's rate limit refused the request before it ran. */
  "rate_limited",
  /** The request never reached the API (connection refused). */
  "not_sent",
  /** Timeout, broken connection or server error: the reconciler reads the object back. */
  "unknown",
] as const;
export const DeletionOutcomeKind = z.enum(DELETION_OUTCOME_KINDS);
export type DeletionOutcomeKind = z.infer<typeof DeletionOutcomeKind>;

export const DeletionOutcome = z.object({
  kind: DeletionOutcomeKind,
  message: z.string(),
  /** For project_has_chats: the chats to delete first (from the pre-deletion snapshot). */
  attachedChats: z.array(ChatRef).optional(),
  /** For legal_hold: the holds that refused it. */
  holds: z.array(HoldRef).optional(),
});
export type DeletionOutcome = z.infer<typeof DeletionOutcome>;

export const DeletionUpstream = z.object({
  /** The API's request-id of the DELETE; null when no answer came. */
  requestId: z.string().nullable(),
  httpStatus: z.number().int().nullable(),
  /** error.type of a refusal, or the confirmation's type. */
  type: z.string().nullable(),
  message: z.string().nullable(),
});
export type DeletionUpstream = z.infer<typeof DeletionUpstream>;

export const DeletionReconciliation = z.object({
  checkedAt: Timestamp,
  found: z.enum(["gone", "present"]),
  upstreamRequestId: z.string().nullable(),
});
export type DeletionReconciliation = z.infer<typeof DeletionReconciliation>;

/** The pre-deletion evidence kept before the DELETE (its content is not served by these routes). */
export const DeletionSnapshotFacts = z.object({
  takenAt: Timestamp,
  /** SHA-256 (hex) of the snapshot's RFC 8785 JSON; also in the `deletion.snapshot` audit event. */
  sha256: z.string(),
  messageCount: z.number().int().nonnegative(),
  fileCount: z.number().int().nonnegative(),
  /** Files whose bytes were kept too (when the server is configured to keep them). */
  storedFileCount: z.number().int().nonnegative(),
});
export type DeletionSnapshotFacts = z.infer<typeof DeletionSnapshotFacts>;

export const DELETION_ACTIONS = ["approve", "reject", "cancel", "execute"] as const;
export const DeletionAction = z.enum(DELETION_ACTIONS);
export type DeletionAction = z.infer<typeof DeletionAction>;

export const DeletionRequestDto = z.object({
  id: Uuid,
  status: DeletionStatus,
  target: DeletionTargetFacts,
  summary: DeletionSummary,
  reason: z.object({ code: DeletionReasonCode, text: z.string().nullable() }),
  reference: z.string(),
  requestedBy: DeletionPerson,
  requestedAt: Timestamp,
  approvalsRequired: z.boolean(),
  /** Who approved or rejected it (the requester, when approvals are off). */
  decidedBy: DeletionPerson.nullable(),
  decidedAt: Timestamp.nullable(),
  decisionComment: z.string().nullable(),
  /** A request not executed by then expires. */
  expiresAt: Timestamp,
  /** When the worker was last asked to execute it; null: it is not waiting for the worker. */
  executionQueuedAt: Timestamp.nullable(),
  /** Why the worker could not execute it yet; it tries again. */
  executionError: z.string().nullable(),
  executionStartedAt: Timestamp.nullable(),
  completedAt: Timestamp.nullable(),
  attempts: z.number().int().nonnegative(),
  upstream: DeletionUpstream.nullable(),
  outcome: DeletionOutcome.nullable(),
  reconciliation: DeletionReconciliation.nullable(),
  snapshot: DeletionSnapshotFacts.nullable(),
  /** What the person asking may do with it now. */
  allowedActions: z.array(DeletionAction),
});
export type DeletionRequestDto = z.infer<typeof DeletionRequestDto>;

/** One step of a request's life, from the audit log. */
export const DeletionHistoryEntry = z.object({
  seq: z.string(),
  occurredAt: Timestamp,
  action: z.string(),
  outcome: z.string(),
  actorEmail: z.string().nullable(),
  params: z.record(z.string(), z.json()),
  upstreamRequestId: z.string().nullable(),
  rowHash: z.string(),
});
export type DeletionHistoryEntry = z.infer<typeof DeletionHistoryEntry>;

export const DeletionRequestDetail = z.object({ request: DeletionRequestDto, history: z.array(DeletionHistoryEntry) });
export type DeletionRequestDetail = z.infer<typeof DeletionRequestDetail>;

/** The queue: approvers see every request, a reviewer their own. Newest first. */
export const DeletionListQuery = z.object({
  status: DeletionStatus.optional(),
  /** Only the asker's own requests (always so for someone who may not approve). */
  mine: z.enum(["1", "0"]).optional(),
  /** The nextCursor of the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type DeletionListQuery = z.input<typeof DeletionListQuery>;

export const DeletionList = z.object({ requests: z.array(DeletionRequestDto), nextCursor: z.string().nullable() });
export type DeletionList = z.infer<typeof DeletionList>;

// ---------------------------------------------------------------------------------------------
// Whether deleting is possible at all
// ---------------------------------------------------------------------------------------------

export const DeletionCapability = z.object({
  /** False: the UI offers no delete action and says `message`. */
  canDelete: z.boolean(),
  reason: z.enum(["available", "delete_scope_missing", "admin_key", "no_delete_key", "unverified"]),
  message: z.string(),
  /** When a worker last reported on its delete key; null: none has yet. */
  checkedAt: Timestamp.nullable(),
  approvalsRequired: z.boolean(),
  requestTtlHours: z.number().int().positive(),
});
export type DeletionCapability = z.infer<typeof DeletionCapability>;
