// A real PostgreSQL of the test file's own, its databases laid out as in production (an owner that
// migrated them, triggers and grants included, and the app's least-privileged login, which `db` and
// `url` use), and queries as its superuser: what an attacker or an operator could run, which the
// application itself never does.
import pg from "pg";
import { createDocketDatabase, docketDatabaseUrls, OWNER_ROLE, type DocketDatabase } from "@/lib/devtools/docket-database";
import { startPostgres, type RunningPostgres } from "@/lib/devtools/postgres";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createDb } from "@/lib/server/db";

export interface TestDatabase {
  postgres: RunningPostgres;
  /** A fresh, migrated database on that server; `url` and `db` are the app's. */
  createDatabase(name: string): Promise<TestDocketDatabase>;
  /** A copy of database `template` (which must have no open connection), so each scenario starts alike. */
  cloneDatabase(template: string, name: string): Promise<TestDocketDatabase>;
  stop(): Promise<void>;
}

export type TestDocketDatabase = DocketDatabase & { db: PrismaClient };

export async function startTestDatabase(): Promise<TestDatabase> {
  const postgres = await startPostgres();
  const clients: PrismaClient[] = [];
  return {
    postgres,
    async createDatabase(name) {
      const database = await createDocketDatabase(postgres, name);
      const db = createDb(database.url);
      clients.push(db);
      return { ...database, db };
    },
    async cloneDatabase(template, name) {
      await superuserQuery(postgres.url, `CREATE DATABASE "${name}" TEMPLATE "${template}" OWNER ${OWNER_ROLE}`);
      const database = docketDatabaseUrls(postgres, name);
      const db = createDb(database.url);
      clients.push(db);
      return { ...database, db };
    },
    async stop() {
      await Promise.all(clients.map((client) => client.$disconnect()));
      await postgres.stop();
    },
  };
}

/** Runs `sql` on a connection of its own to `url`: a database's `superuserUrl` for what the app may not do. */
export async function superuserQuery<Row extends pg.QueryResultRow = pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}
