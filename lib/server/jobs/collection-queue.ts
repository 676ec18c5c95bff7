import "server-only";
import type PgBoss from "pg-boss";
import { COLLECTION_STEP_QUEUE } from "@/lib/jobs/queue-definitions";
import { getJobQueue } from "./job-queue";

export { COLLECTION_STEP_QUEUE };
/** Lanes per collection: how many steps of one collection may run at once, across every worker. */
export const COLLECTION_LANES = 3;
/** A step gives its lane back after this long, so pauses, cancels and other collections get their turn. */
export const STEP_MS = 15_000;

export type CollectionStepJob = { collectionId: string; lane: number };

/** Queues a step of one lane of a collection, after `delaySeconds`; dropped if that lane already has one waiting. */
export async function queueCollectionStep(boss: PgBoss, job: CollectionStepJob, delaySeconds = 0): Promise<void> {
  await boss.send(COLLECTION_STEP_QUEUE, job, { singletonKey: `${job.collectionId}:${job.lane}`, startAfter: delaySeconds > 0 ? delaySeconds : undefined });
}

/** Wakes every lane of a collection. */
export async function queueCollection(boss: PgBoss, collectionId: string): Promise<void> {
  for (let lane = 0; lane < COLLECTION_LANES; lane++) await queueCollectionStep(boss, { collectionId, lane });
}

/** The web app's way to wake a collection (a new one, or one resumed). */
export async function queueCollectionFromApp(databaseUrl: string, collectionId: string): Promise<void> {
  await queueCollection(await getJobQueue(databaseUrl), collectionId);
}
