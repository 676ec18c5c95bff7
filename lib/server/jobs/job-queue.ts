import "server-only";
import PgBoss from "pg-boss";
import { JOB_QUEUES, JOB_SCHEMA } from "@/lib/jobs/queue-definitions";
import { DocketError } from "@/lib/server/docket-error";

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

const globalForQueue = globalThis as typeof globalThis & { docketJobQueue?: Promise<PgBoss> };

/** The web app's sender, started on first use and shared by the process's module graphs. */
export function getJobQueue(databaseUrl: string): Promise<PgBoss> {
  globalForQueue.docketJobQueue ??= startJobQueue(databaseUrl, { supervise: false }).catch((error: unknown) => {
    globalForQueue.docketJobQueue = undefined;
    throw error;
  });
  return globalForQueue.docketJobQueue;
}
