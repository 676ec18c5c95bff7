// The worker's share of deletions: it alone holds the delete key (COMPLIANCE_API_DELETE_KEY). It
// learns what that key may do and reports it for the web app, executes approved requests the web app
// queued, and runs the deletion maintenance (expiry, reconciliation, requests queued again).
import type PgBoss from "pg-boss";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { APP_CHECKPOINT_MIN_INTERVAL_MS, CheckpointScheduler, checkpointSettingsFrom } from "@/lib/server/audit/checkpoint";
import { createBackgroundComplianceClient, createDeleteComplianceClient } from "@/lib/server/compliance";
import { createSharedBudget } from "@/lib/server/compliance/shared-budget";
import type { ApiCallLog } from "@/lib/server/compliance/transport";
import { createDeleteKeyCapability, REPORT_INTERVAL_MS } from "@/lib/server/deletion/delete-key";
import type { ExecutionDeps } from "@/lib/server/deletion/execute-deletion";
import { runQueuedDeletion } from "@/lib/server/deletion/run-queued-deletion";
import { startDeletionMaintenance } from "@/lib/server/deletion/scheduler";
import type { WorkerEnv } from "@/lib/server/env";
import { DELETION_EXECUTION_QUEUE, queueDeletionExecution, type DeletionExecutionJob } from "@/lib/server/jobs/deletion-queue";

export interface DeletionWorkContext {
  env: WorkerEnv;
  db: PrismaClient;
  boss: PgBoss;
  workerId: string;
  callLog: ApiCallLog;
}

/** Starts the deletion work once the key has been learnt and reported; returns how to stop it. */
export async function startDeletionWork({ env, db, boss, workerId, callLog }: DeletionWorkContext): Promise<() => Promise<void>> {
  // A person approved the deletion and watches for its outcome: its calls are counted as people's, not
  // queued behind a collection's share of the budget.
  const budget = createSharedBudget(db, { kind: "interactive", interactiveReserve: env.DOCKET_INTERACTIVE_RESERVE });
  const reader = createBackgroundComplianceClient(env, budget, callLog);
  const deleting = createDeleteComplianceClient(env, budget, callLog);
  const deleter = deleting?.client ?? null;
  const checkpoints = new CheckpointScheduler({ db: () => db, settings: checkpointSettingsFrom(env), minIntervalMs: APP_CHECKPOINT_MIN_INTERVAL_MS });
  const capability = createDeleteKeyCapability(db, { reader, deleter, deleterKind: deleting?.kind ?? "compliance" }, workerId, { checkpoints });
  const deps: ExecutionDeps = {
    db,
    client: reader,
    deleter,
    capability,
    snapshotDir: env.DOCKET_DELETE_SNAPSHOT_DIR ?? null,
    now: () => new Date(),
    checkpoints,
  };

  const learnt = await capability.refresh().catch((error: unknown) => {
    console.error(`[deletion] the delete key's scopes were not reported: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  });
  if (learnt) console.log(`[deletion] delete key: ${learnt.reason}${learnt.keyId ? ` (${learnt.keyId})` : ""}`);
  const relearn = setInterval(() => void capability.refresh().catch(() => undefined), REPORT_INTERVAL_MS);
  relearn.unref();

  await boss.work<DeletionExecutionJob>(DELETION_EXECUTION_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return;
    const outcome = await runQueuedDeletion(deps, job.data.deletionId);
    console.info(`[deletion ${job.data.deletionId}] ${outcome}`);
  });
  const stopMaintenance = startDeletionMaintenance(deps, {
    requeue: async (ids) => {
      for (const id of ids) await queueDeletionExecution(boss, id);
    },
  });

  return async () => {
    clearInterval(relearn);
    stopMaintenance();
    await Promise.all([reader.close(), deleter?.close()]);
  };
}
