import "server-only";
import { appCheckpointScheduler } from "@/lib/server/audit/checkpoint";
import { getComplianceClient } from "@/lib/server/compliance";
import { getDb } from "@/lib/server/db";
import type { DeletionDeps } from "./deletion-deps";
import { expireDueDeletions } from "./expire-deletions";
import { reconcileDeletions } from "./reconciler";

const INTERVAL_MS = 60_000;

type MaintenanceDeps = Pick<DeletionDeps, "db" | "client" | "now" | "checkpoints">;

/** The process's own database client, API client (and so its view of the budget) and checkpoint writer. */
function maintenanceDeps(): MaintenanceDeps {
  return { db: getDb(), client: getComplianceClient(), now: () => new Date(), checkpoints: appCheckpointScheduler() };
}

const globalForScheduler = globalThis as typeof globalThis & { docketDeletionMaintenance?: NodeJS.Timeout };

/**
 * Expires overdue requests and settles unknown outcomes, now and every minute, in this process. Started
 * once per process (instrumentation.ts); safe beside other processes doing the same, since every
 * settlement is a conditional update. A failing round (the database or the API down) is logged and
 * the next one tries again.
 */
export function startDeletionMaintenance(deps: () => MaintenanceDeps = maintenanceDeps): void {
  if (globalForScheduler.docketDeletionMaintenance) return;
  let current: MaintenanceDeps | null = null;
  let running = false;
  const round = async () => {
    if (running) return;
    running = true;
    try {
      current ??= deps();
      const expired = await expireDueDeletions(current);
      const report = await reconcileDeletions(current);
      if (expired > 0 || report.settled.length > 0) {
        console.info(`[deletion] maintenance: ${expired} expired, ${report.settled.length} settled by reading back, ${report.deferred.length} deferred`);
      }
    } catch (error) {
      console.error(`[deletion] maintenance round failed; the next one tries again: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  globalForScheduler.docketDeletionMaintenance = setInterval(() => void round(), INTERVAL_MS);
  globalForScheduler.docketDeletionMaintenance.unref();
  void round();
}
