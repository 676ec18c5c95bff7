// A real PostgreSQL of the test file's own, its databases migrated with the repository's migrations
// (triggers included), and queries as its superuser: what an attacker or an operator could run, which
// the application itself never does.
import pg from "pg";
import { migrateDeploy } from "@/lib/devtools/migrate";
import { startPostgres, type RunningPostgres } from "@/lib/devtools/postgres";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createDb } from "@/lib/server/db";

export interface TestDatabase {
  postgres: RunningPostgres;
  /** A fresh, migrated database on that server. */
  createDatabase(name: string): Promise<{ url: string; db: PrismaClient }>;
  /** A copy of database `template` (which must have no open connection), so each scenario starts alike. */
  cloneDatabase(template: string, name: string): Promise<{ url: string; db: PrismaClient }>;
  stop(): Promise<void>;
}

export async function startTestDatabase(): Promise<TestDatabase> {
  const postgres = await startPostgres();
  const clients: PrismaClient[] = [];
  return {
    postgres,
    async createDatabase(name) {
      const url = await postgres.createDatabase(name);
      await migrateDeploy(url);
      const db = createDb(url);
      clients.push(db);
      return { url, db };
    },
    async cloneDatabase(template, name) {
      await superuserQuery(postgres.url, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      const url = postgres.url.replace(/\/postgres$/, `/${name}`);
      const db = createDb(url);
      clients.push(db);
      return { url, db };
    },
    async stop() {
      await Promise.all(clients.map((client) => client.$disconnect()));
      await postgres.stop();
    },
  };
}

/** Runs `sql` as the superuser the server was created with. */
export async function superuserQuery<Row extends pg.QueryResultRow = pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}
