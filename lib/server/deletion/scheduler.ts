import "server-only";
import type { ExecutionDeps } from "./execute-deletion";
import { expireDueDeletions } from "./expire-deletions";
import { reconcileDeletions } from "./reconciler";
import { dueQueuedDeletions } from "./run-queued-deletion";

const INTERVAL_MS = 60_000;

export type MaintenanceDeps = Pick<ExecutionDeps, "db" | "client" | "now" | "checkpoints">;

export interface MaintenanceHooks {
  /** Approved requests still waiting for execution (a lost wake-up, or a failure before any DELETE). */
  requeue: (deletionIds: string[]) => Promise<void>;
}

/**
 * One round: expires overdue requests, settles unknown outcomes by reading back, and queues again the
 * approved requests still waiting. Safe beside other workers doing the same: every settlement is a
 * conditional update, and a request has at most one job waiting.
 */
export async function runDeletionMaintenance(deps: MaintenanceDeps, hooks: MaintenanceHooks): Promise<void> {
  const expired = await expireDueDeletions(deps);
  const report = await reconcileDeletions(deps);
  const due = await dueQueuedDeletions(deps);
  if (due.length > 0) await hooks.requeue(due);
  if (expired > 0 || report.settled.length > 0 || due.length > 0) {
    console.info(
      `[deletion] maintenance: ${expired} expired, ${report.settled.length} settled by reading back, ${report.deferred.length} deferred, ${due.length} queued again`,
    );
  }
}

/**
 * Runs a maintenance round now and every minute in this process (the worker). A failing round (the
 * database or the API down) is logged and the next one tries again. Returns a stop function.
 */
export function startDeletionMaintenance(deps: MaintenanceDeps, hooks: MaintenanceHooks): () => void {
  let running = false;
  const round = async () => {
    if (running) return;
    running = true;
    try {
      await runDeletionMaintenance(deps, hooks);
    } catch (error) {
      console.error(`[deletion] maintenance round failed; the next one tries again: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void round(), INTERVAL_MS);
  timer.unref();
  void round();
  return () => clearInterval(timer);
}
