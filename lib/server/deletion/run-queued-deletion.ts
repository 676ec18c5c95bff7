import "server-only";
import { AppError } from "@/lib/server/http/errors";
import { SYSTEM } from "./deletion-events";
import { executeDeletion, type ExecutionDeps } from "./execute-deletion";

/**
 * What came of a queued request: `settled` (or handed to the reconciler), `blocked` (the key cannot
 * delete: a person must ask again), `retry` (the API or the database failed before any DELETE: the
 * sweep queues it again), `skipped` (not approved and queued any more: executed, expired, gone).
 */
export type QueuedOutcome = "settled" | "blocked" | "retry" | "skipped";

/** How long a queued request waits after its last attempt before the worker's sweep queues it again. */
export const REQUEUE_AFTER_MS = 60_000;

/**
 * The worker's job: executes one approved, queued request with the write-ahead rules of
 * executeDeletion. Its audit events are Docket's own (the person who approved it is in the approval's).
 */
export async function runQueuedDeletion(deps: ExecutionDeps, deletionId: string): Promise<QueuedOutcome> {
  const row = await deps.db.deletionRequest.findUnique({ where: { id: deletionId }, select: { status: true, executionQueuedAt: true } });
  if (!row || row.status !== "approved" || row.executionQueuedAt === null) return "skipped";
  try {
    await executeDeletion(deps, SYSTEM, deletionId);
    return "settled";
  } catch (error) {
    if (error instanceof AppError) {
      if (error.code === "delete_unavailable") {
        await note(deps, deletionId, error.message, { giveUp: true });
        return "blocked";
      }
      if (error.code === "outcome_unrecorded") return "settled";
      if (error.code === "deletion_expired" || error.code === "deletion_state" || error.code === "not_found") return "skipped";
    }
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[deletion ${deletionId}] not executed yet, tried again within ${REQUEUE_AFTER_MS / 1000} s: ${message}`);
    await note(deps, deletionId, `The worker could not execute it yet and tries again every minute: ${message}`, { giveUp: false }).catch(() => undefined);
    return "retry";
  }
}

/** Tells reviewers why it has not run; giving up clears the queue mark, so only a person starts it again. */
async function note(deps: ExecutionDeps, deletionId: string, message: string, { giveUp }: { giveUp: boolean }): Promise<void> {
  await deps.db.deletionRequest.updateMany({
    where: { id: deletionId, status: "approved" },
    data: { executionError: message.slice(0, 2000), ...(giveUp ? { executionQueuedAt: null } : { executionQueuedAt: deps.now() }) },
  });
}

/** Approved requests still queued a while after their last attempt: their wake-up was lost, or they failed and wait to try again. */
export async function dueQueuedDeletions(deps: Pick<ExecutionDeps, "db" | "now">): Promise<string[]> {
  const rows = await deps.db.deletionRequest.findMany({
    where: { status: "approved", executionQueuedAt: { lte: new Date(deps.now().getTime() - REQUEUE_AFTER_MS) } },
    select: { id: true },
    orderBy: { executionQueuedAt: "asc" },
    take: 100,
  });
  return rows.map((row) => row.id);
}
