// The worker's share of reconciling Docket's Compliance API calls with the Activity Feed: every few
// minutes it asks for a run (pg-boss keeps one waiting at most, whatever the number of workers) and
// runs the one it takes, within the background share of the budget.
import type PgBoss from "pg-boss";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { reconcileApiCalls } from "@/lib/server/api-usage/reconcile-api-calls";
import { createBackgroundComplianceClient } from "@/lib/server/compliance";
import type { RequestBudget, ApiCallLog } from "@/lib/server/compliance/transport";
import type { WorkerEnv } from "@/lib/server/env";
import { API_RECONCILIATION_QUEUE, queueApiReconciliation } from "@/lib/server/jobs/api-reconciliation-queue";

const INTERVAL_MS = 2 * 60_000;

export interface ApiUsageWorkContext {
  env: WorkerEnv;
  db: PrismaClient;
  boss: PgBoss;
  workerId: string;
  budget: RequestBudget;
  callLog: ApiCallLog;
}

export async function startApiUsageWork({ env, db, boss, workerId, budget, callLog }: ApiUsageWorkContext): Promise<() => Promise<void>> {
  const client = createBackgroundComplianceClient(env, budget, callLog);
  const ask = () => void queueApiReconciliation(boss).catch((error: unknown) => console.error("[api-usage] could not queue a run:", error));
  await boss.work(API_RECONCILIATION_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, async () => {
    try {
      const run = await reconcileApiCalls({ db, client, holder: workerId, visibilityLagMs: env.DOCKET_FEED_LAG_SECONDS * 1000 });
      if (run.ran && run.activitiesRead > 0)
        console.info(`[api-usage] read ${run.activitiesRead} calls from the feed, through ${run.readThrough?.toISOString()}`);
      if (run.more) ask();
    } catch (error) {
      console.error(`[api-usage] reconciliation failed; the next run tries again: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  const timer = setInterval(ask, INTERVAL_MS);
  timer.unref();
  ask();
  return async () => {
    clearInterval(timer);
    await client.close();
  };
}
