// `npm run worker`: the background process. It takes collection steps, approved deletions and
// reconciliations of Docket's API calls with the feed from PostgreSQL through pg-boss and runs them;
// the web app only queues them. It is the only process given the delete key. Any number of workers may
// run against one database.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { createDatabaseCallLog } from "@/lib/server/api-usage/call-log";
import { createBackgroundComplianceClient } from "@/lib/server/compliance";
import { createSharedBudget } from "@/lib/server/compliance/shared-budget";
import { runCollectionStep } from "@/lib/server/collections/run-step";
import { createDb } from "@/lib/server/db";
import { getWorkerEnv, InvalidEnvironmentError } from "@/lib/server/env";
import {
  COLLECTION_LANES,
  COLLECTION_STEP_QUEUE,
  queueCollection,
  queueCollectionStep,
  STEP_MS,
  type CollectionStepJob,
} from "@/lib/server/jobs/collection-queue";
import { JobQueueNotInstalledError, startJobQueue } from "@/lib/server/jobs/job-queue";
import { startApiUsageWork } from "./api-usage-work";
import { startDeletionWork } from "./deletion-work";

/** How often a worker wakes the collections that should be moving: those a dead worker left, or whose queueing failed. */
const SWEEP_MS = 15_000;
/** A lane with nothing it can claim now (others hold the rest, or it is backing off) looks again after this long. */
const WAITING_DELAY_SECONDS = 2;

function readEnv() {
  try {
    return getWorkerEnv();
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

const env = readEnv();
const db = createDb(env.DATABASE_URL);
const budget = createSharedBudget(db, { kind: "background", interactiveReserve: env.DOCKET_INTERACTIVE_RESERVE });
const calls = createDatabaseCallLog(db, "worker");
const boss = await startJobQueue(env.DATABASE_URL, { supervise: true }).catch((error: unknown) => {
  if (!(error instanceof JobQueueNotInstalledError)) throw error;
  console.error(error.message);
  process.exit(1);
});
const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
const stopping = new AbortController();

async function runStep(job: CollectionStepJob): Promise<void> {
  const client = createBackgroundComplianceClient(env, budget, calls.log);
  try {
    const result = await runCollectionStep(
      { db, client, evidenceDir: env.DOCKET_EVIDENCE_DIR, workerId, leaseMs: env.DOCKET_WORKER_LEASE_SECONDS * 1000, signal: stopping.signal },
      job.collectionId,
      Date.now() + STEP_MS,
    );
    if (result === "more") await queueCollectionStep(boss, job);
    else if (result === "waiting") await queueCollectionStep(boss, job, WAITING_DELAY_SECONDS);
  } finally {
    await client.close();
  }
}

/** Wakes every lane of the collections that are queued or running; lanes that already wait are left as they are. */
async function sweep(): Promise<void> {
  const collections = await db.$queryRaw<Array<{ id: string }>>`SELECT id::text FROM collection WHERE state IN ('queued', 'running')`;
  for (const { id } of collections) await queueCollection(boss, id);
}

for (let lane = 0; lane < env.DOCKET_WORKER_CONCURRENCY; lane++) {
  await boss.work<CollectionStepJob>(COLLECTION_STEP_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (job) await runStep(job.data);
  });
}
await sweep();
const stopDeletionWork = await startDeletionWork({ env, db, boss, workerId, callLog: calls.log });
const stopApiUsageWork = await startApiUsageWork({ env, db, boss, workerId, budget, callLog: calls.log });
const sweeper = setInterval(() => void sweep().catch((error: unknown) => console.error("[worker] sweep failed:", error)), SWEEP_MS);
console.log(`Docket worker ${workerId} running ${env.DOCKET_WORKER_CONCURRENCY} steps at once (${COLLECTION_LANES} lanes per collection)`);

async function shutdown(signal: string): Promise<void> {
  console.log(`Docket worker ${workerId}: ${signal}, finishing the steps in hand`);
  clearInterval(sweeper);
  stopping.abort();
  await boss.stop({ graceful: true, timeout: 10_000, wait: true });
  await stopDeletionWork();
  await stopApiUsageWork();
  await calls.flush();
  await db.$disconnect();
  process.exit(0);
}
process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));
