import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { SETTLED_DELETION_STATUSES, type DeletionOutcome, type DeletionStatus } from "@/lib/schemas/deletions";
import type { Queryable } from "@/lib/server/audit/audit-chain";
import type { AuditAction, AuditOutcome } from "@/lib/server/audit/audit-actions";
import { recordAuditEvent, type RecordOptions } from "@/lib/server/audit/record-audit-event";
import { auditActorOf, type Actor } from "@/lib/server/auth/session-store";
import type { RequestMetadata } from "@/lib/server/http/request-metadata";

type Tx = Prisma.TransactionClient;

/** Who caused a step: a person (with the request that carried it) or Docket itself (reconciler, expiry). */
export type Cause = { actor: Actor; metadata: RequestMetadata } | { actor: null; metadata: null };

export const SYSTEM: Cause = { actor: null, metadata: null };

export interface DeletionEvent {
  action: AuditAction;
  outcome: AuditOutcome;
  params?: Record<string, unknown>;
  upstreamRequestId?: string | null;
}

/**
 * One step of a deletion's life in the audit log, targeted at the object (so an auditor filtering by
 * the object sees every request for it), with the request's id in `deletionId`.
 */
export async function recordDeletionEvent(
  db: Queryable,
  /** `id` null: refused before any request existed. */
  request: { id: string | null; targetKind: string; targetId: string; organizationUuid: string | null },
  cause: Cause,
  event: DeletionEvent,
  checkpoints?: RecordOptions["checkpoints"],
): Promise<void> {
  await recordAuditEvent(
    db,
    {
      actor: cause.actor ? auditActorOf(cause.actor) : null,
      action: event.action,
      target: { type: request.targetKind, id: request.targetId },
      organizationId: request.organizationUuid,
      params: { ...(request.id === null ? {} : { deletionId: request.id }), ...event.params },
      outcome: event.outcome,
      upstreamRequestId: event.upstreamRequestId ?? null,
      ...(cause.metadata ?? {}),
    },
    { checkpoints },
  );
}

/** Settled statuses release the object for a new request (open_target, CHECKed in the migration). */
export function openTargetFor(status: DeletionStatus, request: { targetKind: string; targetId: string }): string | null {
  return SETTLED_DELETION_STATUSES.includes(status) ? null : `${request.targetKind}:${request.targetId}`;
}

/**
 * Moves a request from one of `from` to `to` if, and only if, it is still in one of them: the
 * conditional UPDATE is what makes two approvers, two clicks or two processes race safely. Returns
 * false when another change got there first (the caller decides what that means).
 */
export async function transition(
  tx: Tx,
  request: { id: string; targetKind: string; targetId: string },
  from: readonly DeletionStatus[],
  to: DeletionStatus,
  data: Omit<Prisma.DeletionRequestUncheckedUpdateManyInput, "status" | "openTarget" | "outcome"> & { outcome?: DeletionOutcome },
  extraWhere: Prisma.DeletionRequestWhereInput = {},
): Promise<boolean> {
  const { outcome, ...rest } = data;
  const settles = SETTLED_DELETION_STATUSES.includes(to);
  const { count } = await tx.deletionRequest.updateMany({
    where: { id: request.id, status: { in: [...from] }, ...extraWhere },
    data: {
      ...rest,
      ...(outcome === undefined ? {} : { outcome }),
      status: to,
      openTarget: openTargetFor(to, request),
      ...(settles && rest.completedAt === undefined ? { completedAt: new Date() } : {}),
    },
  });
  return count === 1;
}
