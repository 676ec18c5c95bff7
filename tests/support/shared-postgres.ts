// Vitest's global setup for the integration suites: one PostgreSQL for the whole run, with one migrated
// database that every test file's databases are copied from. initdb, a server start and Prisma's
// migrate deploy cost seconds of CPU each; a copy of a database costs a fraction of one.
import type { TestProject } from "vitest/node";
import { createDocketDatabase } from "@/lib/devtools/docket-database";
import { startPostgres } from "@/lib/devtools/postgres";

export interface SharedPostgres {
  /** The superuser's URL of the server's "postgres" database. */
  url: string;
  /** A migrated database with no open connection, for `CREATE DATABASE ... TEMPLATE`. */
  migratedTemplate: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    sharedPostgres: SharedPostgres;
  }
}

const MIGRATED_TEMPLATE = "docket_migrated";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = await startPostgres();
  try {
    await createDocketDatabase(postgres, MIGRATED_TEMPLATE);
  } catch (error) {
    await postgres.stop();
    throw error;
  }
  project.provide("sharedPostgres", { url: postgres.url, migratedTemplate: MIGRATED_TEMPLATE });
  return () => postgres.stop();
}
