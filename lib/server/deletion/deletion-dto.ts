import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  DeletionOutcome,
  DeletionReconciliation,
  DeletionSummary,
  type DeletionAction,
  type DeletionReasonCode,
  type DeletionRequestDto,
  type DeletionStatus,
  type DeletionTargetKind,
  type DeletionUpstream,
} from "@/lib/schemas/deletions";
import type { Actor } from "@/lib/server/auth/session-store";

/** What a request's DTO is made from. */
export const DELETION_INCLUDE = {
  requester: { select: { email: true, name: true } },
  decider: { select: { email: true, name: true } },
  snapshot: { select: { takenAt: true, sha256: true, messageCount: true, fileCount: true, storedFileCount: true } },
} satisfies Prisma.DeletionRequestInclude;

export type DeletionRow = Prisma.DeletionRequestGetPayload<{ include: typeof DELETION_INCLUDE }>;

type Viewer = Pick<Actor, "userId" | "permissions">;

/** May this person approve, reject or run the request? Never its requester, unless approvals are off. */
export function mayDecide(row: Pick<DeletionRow, "requesterId">, viewer: Viewer): boolean {
  return viewer.permissions.has("deletion.approve") && viewer.userId !== row.requesterId;
}

export function mayExecute(row: Pick<DeletionRow, "requesterId" | "approvalsRequired">, viewer: Viewer): boolean {
  return mayDecide(row, viewer) || (!row.approvalsRequired && viewer.userId === row.requesterId && viewer.permissions.has("deletion.request"));
}

function allowedActions(row: DeletionRow, viewer: Viewer): DeletionAction[] {
  const actions: DeletionAction[] = [];
  if (row.status === "requested" && mayDecide(row, viewer)) actions.push("approve", "reject");
  if (row.status === "requested" && viewer.userId === row.requesterId) actions.push("cancel");
  // Only once the worker has given up on it (the key could not delete): until then it is queued.
  if (row.status === "approved" && row.executionQueuedAt === null && mayExecute(row, viewer)) actions.push("execute");
  return actions;
}

function upstreamOf(row: DeletionRow): DeletionUpstream | null {
  if (row.upstreamRequestId === null && row.upstreamStatus === null && row.upstreamBody === null) return null;
  const body = (row.upstreamBody ?? {}) as { type?: unknown; message?: unknown; error?: { type?: unknown; message?: unknown } };
  const type = body.error?.type ?? body.type;
  const message = body.error?.message ?? body.message;
  return {
    requestId: row.upstreamRequestId,
    httpStatus: row.upstreamStatus,
    type: typeof type === "string" ? type : null,
    message: typeof message === "string" ? message : null,
  };
}

export function toDeletionDto(row: DeletionRow, viewer: Viewer): DeletionRequestDto {
  return {
    id: row.id,
    status: row.status as DeletionStatus,
    target: {
      kind: row.targetKind as DeletionTargetKind,
      id: row.targetId,
      name: row.targetName,
      projectId: row.targetProjectId,
      organizationUuid: row.organizationUuid,
      createdAt: row.targetCreatedAt,
    },
    summary: DeletionSummary.parse(row.summary),
    reason: { code: row.reasonCode as DeletionReasonCode, text: row.reasonText },
    reference: row.reference,
    requestedBy: { email: row.requester.email, name: row.requester.name },
    requestedAt: row.createdAt.toISOString(),
    approvalsRequired: row.approvalsRequired,
    decidedBy: row.decider ? { email: row.decider.email, name: row.decider.name } : null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionComment: row.decisionComment,
    expiresAt: row.expiresAt.toISOString(),
    executionQueuedAt: row.executionQueuedAt?.toISOString() ?? null,
    executionError: row.executionError,
    executionStartedAt: row.executionStartedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    attempts: row.attempts,
    upstream: upstreamOf(row),
    outcome: row.outcome === null ? null : DeletionOutcome.parse(row.outcome),
    reconciliation: row.reconciliation === null ? null : DeletionReconciliation.parse(row.reconciliation),
    snapshot: row.snapshot
      ? {
          takenAt: row.snapshot.takenAt.toISOString(),
          sha256: row.snapshot.sha256,
          messageCount: row.snapshot.messageCount,
          fileCount: row.snapshot.fileCount,
          storedFileCount: row.snapshot.storedFileCount,
        }
      : null,
    allowedActions: allowedActions(row, viewer),
  };
}
