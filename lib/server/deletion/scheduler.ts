import "server-only";
import { appCheckpointSettings, CheckpointScheduler } from "@/lib/server/audit/checkpoint";
import { createAppComplianceClient } from "@/lib/server/compliance";
import { createDb } from "@/lib/server/db";
import { getServerEnv } from "@/lib/server/env";
import type { DeletionDeps } from "./deletion-deps";
import { expireDueDeletions } from "./expire-deletions";
import { reconcileDeletions } from "./reconciler";

const INTERVAL_MS = 60_000;

type MaintenanceDeps = Pick<DeletionDeps, "db" | "client" | "now" | "checkpoints">;

/**
 * Its own database client, API client and checkpoint scheduler. instrumentation.ts loads this in a
 * module graph of its own: the request handlers' shared instances (on globalThis) must never be made
 * from this graph's copies of their classes, or the handlers' `instanceof` checks on their errors fail.
 */
function maintenanceDeps(): MaintenanceDeps {
  const db = createDb(getServerEnv().DATABASE_URL);
  return {
    db,
    client: createAppComplianceClient(),
    now: () => new Date(),
    checkpoints: new CheckpointScheduler({ db: () => db, settings: appCheckpointSettings }),
  };
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
