import "server-only";
import type PgBoss from "pg-boss";
import { DELETION_EXECUTION_QUEUE } from "@/lib/jobs/queue-definitions";
import { getJobQueue } from "./job-queue";

export { DELETION_EXECUTION_QUEUE };

export type DeletionExecutionJob = { deletionId: string };

/** Wakes a worker for one approved request; dropped if that request already has a job waiting. */
export async function queueDeletionExecution(boss: PgBoss, deletionId: string): Promise<void> {
  await boss.send(DELETION_EXECUTION_QUEUE, { deletionId } satisfies DeletionExecutionJob, { singletonKey: deletionId });
}

/** The web app's way to hand an approved request to the worker. */
export async function queueDeletionExecutionFromApp(databaseUrl: string, deletionId: string): Promise<void> {
  await queueDeletionExecution(await getJobQueue(databaseUrl), deletionId);
}
