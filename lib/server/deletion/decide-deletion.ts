import "server-only";
import type { CancelDeletionBody, DeletionDecisionBody } from "@/lib/schemas/deletions";
import type { Actor } from "@/lib/server/auth/session-store";
import { AppError } from "@/lib/server/http/errors";
import type { RequestMetadata } from "@/lib/server/http/request-metadata";
import type { DeletionDeps } from "./deletion-deps";
import { mayDecide, mayExecute, type DeletionRow } from "./deletion-dto";
import { recordDeletionEvent, transition, type Cause } from "./deletion-events";
import { loadDeletion } from "./execute-deletion";
import { expireIfDue } from "./expire-deletions";
import { requireDeleteCapability } from "./require-capability";

function notRequested(row: DeletionRow): AppError {
  return new AppError("deletion_state", `This request is ${row.status}: only a requested one can be decided or cancelled.`);
}

/**
 * Approves a requested deletion (never by its requester, unless approvals are off and this is the
 * requester's own confirmation) and hands it to the worker, the only process holding the delete key.
 * Two approvers at once: one approval wins the conditional update, the other is told the request
 * changed. Returns the request as approved and queued; the worker settles it.
 */
export async function approveDeletion(
  deps: DeletionDeps,
  actor: Actor,
  deletionId: string,
  body: DeletionDecisionBody,
  metadata: RequestMetadata,
  { selfApproval = false }: { selfApproval?: boolean } = {},
): Promise<DeletionRow> {
  const cause: Cause = { actor, metadata };
  const row = await loadDeletion(deps, deletionId);
  const allowed = selfApproval ? !row.approvalsRequired && row.requesterId === actor.userId : mayDecide(row, actor);
  if (!allowed) {
    await recordDeletionEvent(
      deps.db,
      row,
      cause,
      { action: "deletion.approved", outcome: "denied", params: { reason: row.requesterId === actor.userId ? "own_request" : "not_approver" } },
      deps.checkpoints,
    );
    throw new AppError(row.requesterId === actor.userId ? "own_request" : "forbidden");
  }
  if (await expireIfDue(deps, row, cause)) throw new AppError("deletion_expired");
  if (row.status !== "requested") throw notRequested(row);
  await requireDeleteCapability(deps);
  await deps.db.$transaction(async (tx) => {
    const now = deps.now();
    const moved = await transition(
      tx,
      row,
      ["requested"],
      "approved",
      { deciderId: actor.userId, decidedAt: now, decisionComment: body.comment, executionQueuedAt: now, updatedAt: now },
      { expiresAt: { gt: now } },
    );
    if (!moved) throw new AppError("deletion_state", "This request was decided meanwhile by someone else, or has expired.");
    await recordDeletionEvent(
      tx,
      row,
      cause,
      { action: "deletion.approved", outcome: "success", params: { comment: body.comment, automatic: selfApproval } },
      deps.checkpoints,
    );
  });
  await wakeWorker(deps, deletionId);
  return loadDeletion(deps, deletionId);
}

/** The request is queued in its row already: a lost wake-up only delays it until the worker's next sweep. */
async function wakeWorker(deps: DeletionDeps, deletionId: string): Promise<void> {
  await deps
    .queueExecution(deletionId)
    .catch((error: unknown) =>
      console.error(
        `[deletion ${deletionId}] the worker was not woken; its sweep will find the request: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
}

/** Rejects a requested deletion, with the approver's comment. */
export async function rejectDeletion(
  deps: DeletionDeps,
  actor: Actor,
  deletionId: string,
  body: DeletionDecisionBody,
  metadata: RequestMetadata,
): Promise<DeletionRow> {
  const cause: Cause = { actor, metadata };
  const row = await loadDeletion(deps, deletionId);
  if (!mayDecide(row, actor)) {
    await recordDeletionEvent(
      deps.db,
      row,
      cause,
      { action: "deletion.rejected", outcome: "denied", params: { reason: row.requesterId === actor.userId ? "own_request" : "not_approver" } },
      deps.checkpoints,
    );
    throw new AppError(row.requesterId === actor.userId ? "own_request" : "forbidden");
  }
  if (await expireIfDue(deps, row, cause)) throw new AppError("deletion_expired");
  if (row.status !== "requested") throw notRequested(row);
  await deps.db.$transaction(async (tx) => {
    const now = deps.now();
    const moved = await transition(tx, row, ["requested"], "rejected", {
      deciderId: actor.userId,
      decidedAt: now,
      decisionComment: body.comment,
      updatedAt: now,
    });
    if (!moved) throw new AppError("deletion_state", "This request was decided meanwhile by someone else.");
    await recordDeletionEvent(tx, row, cause, { action: "deletion.rejected", outcome: "success", params: { comment: body.comment } }, deps.checkpoints);
  });
  return loadDeletion(deps, deletionId);
}

/** The requester withdraws a request nobody has decided yet. */
export async function cancelDeletion(
  deps: DeletionDeps,
  actor: Actor,
  deletionId: string,
  body: CancelDeletionBody,
  metadata: RequestMetadata,
): Promise<DeletionRow> {
  const cause: Cause = { actor, metadata };
  const row = await loadDeletion(deps, deletionId);
  if (row.requesterId !== actor.userId) throw new AppError("not_requester");
  if (row.status !== "requested") throw notRequested(row);
  await deps.db.$transaction(async (tx) => {
    const now = deps.now();
    if (!(await transition(tx, row, ["requested"], "cancelled", { updatedAt: now })))
      throw new AppError("deletion_state", "This request was decided meanwhile.");
    await recordDeletionEvent(
      tx,
      row,
      cause,
      { action: "deletion.cancelled", outcome: "success", params: { comment: body.comment ?? null } },
      deps.checkpoints,
    );
  });
  return loadDeletion(deps, deletionId);
}

/**
 * Asks the worker again to execute an approved request it gave up on (the delete key could not
 * delete then, say). Whoever could have approved it may. A request the worker still has queued is
 * left as it is.
 */
export async function runApprovedDeletion(deps: DeletionDeps, actor: Actor, deletionId: string, metadata: RequestMetadata): Promise<DeletionRow> {
  const cause: Cause = { actor, metadata };
  const row = await loadDeletion(deps, deletionId);
  if (!mayExecute(row, actor)) throw new AppError(row.requesterId === actor.userId ? "own_request" : "forbidden");
  if (await expireIfDue(deps, row, cause)) throw new AppError("deletion_expired");
  if (row.status !== "approved") throw new AppError("deletion_state", `This request is ${row.status}: only an approved request is executed.`);
  if (row.executionQueuedAt !== null) return row;
  const queued = await deps.db.$transaction(async (tx) => {
    const now = deps.now();
    const moved = await transition(
      tx,
      row,
      ["approved"],
      "approved",
      { executionQueuedAt: now, executionError: null, updatedAt: now },
      { executionQueuedAt: null },
    );
    if (!moved) return false;
    await recordDeletionEvent(tx, row, cause, { action: "deletion.queued", outcome: "success", params: { again: true } }, deps.checkpoints);
    return true;
  });
  if (queued) await wakeWorker(deps, deletionId);
  return loadDeletion(deps, deletionId);
}
