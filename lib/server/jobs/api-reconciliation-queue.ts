import "server-only";
import type PgBoss from "pg-boss";
import { API_RECONCILIATION_QUEUE } from "@/lib/jobs/queue-definitions";
import { getJobQueue } from "./job-queue";

export { API_RECONCILIATION_QUEUE };

/** Asks a worker for a reconciliation run; dropped when one already waits. */
export async function queueApiReconciliation(boss: PgBoss): Promise<void> {
  await boss.send(API_RECONCILIATION_QUEUE, {});
}

/** The web app's way to ask for a run now (an auditor's "Read the feed now"). */
export async function queueApiReconciliationFromApp(databaseUrl: string): Promise<void> {
  await queueApiReconciliation(await getJobQueue(databaseUrl));
}
