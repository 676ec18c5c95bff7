import "server-only";
import PgBoss from "pg-boss";

/** The queue of collection steps: each job runs one collection for a while, then queues its own continuation. */
export const COLLECTION_STEP_QUEUE = "collection-step";
/** Lanes per collection: how many steps of one collection may run at once, across every worker. */
export const COLLECTION_LANES = 3;
/** A step gives its lane back after this long, so pauses, cancels and other collections get their turn. */
export const STEP_MS = 15_000;
/** A step still active this long after it started belonged to a worker that died; its lane is taken over by the next sweep anyway. */
const STEP_EXPIRY_SECONDS = 300;

export type CollectionStepJob = { collectionId: string; lane: number };

/**
 * pg-boss on Docket's database, in its own schema. The web app only sends (no maintenance); workers
 * also supervise. Steps are queued with the "short" policy and a key per lane: at most one waits per
 * lane, however many times a lane is woken (a new collection, a resume, a worker's sweep after a
 * restart), so wake-ups never pile up, while a step killed with its worker is simply replaced.
 */
export async function startJobQueue(databaseUrl: string, { supervise }: { supervise: boolean }): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: "pgboss", supervise, schedule: false, max: 4 });
  boss.on("error", (error) => console.error("[jobs]", error));
  await boss.start();
  if (!(await boss.getQueue(COLLECTION_STEP_QUEUE))) {
    await boss
      .createQueue(COLLECTION_STEP_QUEUE, { name: COLLECTION_STEP_QUEUE, policy: "short", retryLimit: 0, expireInSeconds: STEP_EXPIRY_SECONDS })
      .catch(async (error: unknown) => {
        // Another process created it between the check and here.
        if (!(await boss.getQueue(COLLECTION_STEP_QUEUE))) throw error;
      });
  }
  return boss;
}

/** Queues a step of one lane of a collection, after `delaySeconds`; dropped if that lane already has one waiting. */
export async function queueCollectionStep(boss: PgBoss, job: CollectionStepJob, delaySeconds = 0): Promise<void> {
  await boss.send(COLLECTION_STEP_QUEUE, job, { singletonKey: `${job.collectionId}:${job.lane}`, startAfter: delaySeconds > 0 ? delaySeconds : undefined });
}

/** Wakes every lane of a collection. */
export async function queueCollection(boss: PgBoss, collectionId: string): Promise<void> {
  for (let lane = 0; lane < COLLECTION_LANES; lane++) await queueCollectionStep(boss, { collectionId, lane });
}

const globalForQueue = globalThis as typeof globalThis & { docketJobQueue?: Promise<PgBoss> };

/** The web app's sender, started on first use and shared by the process's module graphs. */
export function getJobQueue(databaseUrl: string): Promise<PgBoss> {
  globalForQueue.docketJobQueue ??= startJobQueue(databaseUrl, { supervise: false }).catch((error: unknown) => {
    globalForQueue.docketJobQueue = undefined;
    throw error;
  });
  return globalForQueue.docketJobQueue;
}

/** The web app's way to wake a collection (a new one, or one resumed). */
export async function queueCollectionFromApp(databaseUrl: string, collectionId: string): Promise<void> {
  await queueCollection(await getJobQueue(databaseUrl), collectionId);
}
