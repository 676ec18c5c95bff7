import "server-only";
import PgBoss from "pg-boss";
import { COLLECTION_STEP_QUEUE, JOB_QUEUES, JOB_SCHEMA } from "@/lib/jobs/queue-definitions";
import { DocketError } from "@/lib/server/docket-error";

export { COLLECTION_STEP_QUEUE };
/** Lanes per collection: how many steps of one collection may run at once, across every worker. */
export const COLLECTION_LANES = 3;
/** A step gives its lane back after this long, so pauses, cancels and other collections get their turn. */
export const STEP_MS = 15_000;

export type CollectionStepJob = { collectionId: string; lane: number };

export class JobQueueNotInstalledError extends DocketError {
  static override readonly brand: string = "JobQueueNotInstalledError";
  constructor(missing: string) {
    super(`The job queue ${missing} is not in the database: run the migrations (npm run db:migrate, as the owner role) before starting Docket.`);
    this.name = "JobQueueNotInstalledError";
  }
}

/**
 * pg-boss on Docket's database, in its own schema, which the migrations created (this process's role
 * may not create tables): it only checks that schema and its queues are there. The web app only sends
 * (no maintenance); workers also supervise.
 */
export async function startJobQueue(databaseUrl: string, { supervise }: { supervise: boolean }): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: JOB_SCHEMA, migrate: false, supervise, schedule: false, max: 4 });
  boss.on("error", (error) => console.error("[jobs]", error));
  try {
    await boss.start();
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    if (error instanceof Error && /not installed|requires migrations/.test(error.message)) throw new JobQueueNotInstalledError(`schema ${JOB_SCHEMA}`);
    throw error;
  }
  for (const queue of JOB_QUEUES) {
    if (!(await boss.getQueue(queue.name))) {
      await boss.stop({ graceful: false, wait: true });
      throw new JobQueueNotInstalledError(queue.name);
    }
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
