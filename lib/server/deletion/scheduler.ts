import "server-only";
import { appDeletionDeps, type DeletionDeps } from "./deletion-deps";
import { expireDueDeletions } from "./expire-deletions";
import { reconcileDeletions } from "./reconciler";

const INTERVAL_MS = 60_000;

const globalForScheduler = globalThis as typeof globalThis & { docketDeletionMaintenance?: NodeJS.Timeout };

/**
 * Expires overdue requests and settles unknown outcomes, now and every minute, in this process. Started
 * once per process (instrumentation.ts); safe beside other processes doing the same, since every
 * settlement is a conditional update. A failing round (the database or the API down) is logged and
 * the next one tries again.
 */
export function startDeletionMaintenance(deps: () => DeletionDeps = appDeletionDeps): void {
  if (globalForScheduler.docketDeletionMaintenance) return;
  let running = false;
  const round = async () => {
    if (running) return;
    running = true;
    try {
      const current = deps();
      const expired = await expireDueDeletions(current);
      const report = await reconcileDeletions(current);
      if (expired > 0 || report.settled.length > 0) {
        console.info(`[deletion] maintenance: ${expired} expired, ${report.settled.length} settled by reading back, ${report.deferred.length} deferred`);
      }
    } catch (error) {
      console.error("[deletion] maintenance round failed; the next one tries again", error);
    } finally {
      running = false;
    }
  };
  globalForScheduler.docketDeletionMaintenance = setInterval(() => void round(), INTERVAL_MS);
  globalForScheduler.docketDeletionMaintenance.unref();
  void round();
}
