// A real PostgreSQL for a test file, its databases laid out as in production (an owner that migrated
// them, triggers and grants included, and the app's least-privileged login, which `db` and `url` use),
// and queries as its superuser: what an attacker or an operator could run, which the application
// itself never does.
//
// The integration suites share one server (tests/support/shared-postgres.ts), and each file's databases
// are copies of its migrated database under names of their own. A file that stops its server takes a
// server of its own.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createDocketDatabase, docketDatabaseUrls, OWNER_ROLE, RUNTIME_ROLE, type DocketDatabase } from "@/lib/devtools/docket-database";
import { startPostgres } from "@/lib/devtools/postgres";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createDb } from "@/lib/server/db";

export interface TestDatabase {
  postgres: {
    /** The superuser's URL of the server's "postgres" database. */
    url: string;
    /** Stops the server under its connected clients: only a server of the file's own (`ownServer`). */
    stop(): Promise<void>;
  };
  /** A fresh, migrated database; `url` and `db` are the app's. */
  createDatabase(name: string): Promise<TestDocketDatabase>;
  /** A copy of database `template` (which must have no open connection), so each scenario starts alike. */
  cloneDatabase(template: string, name: string): Promise<TestDocketDatabase>;
  stop(): Promise<void>;
}

export type TestDocketDatabase = DocketDatabase & {
  /** The database's name on the server: the name asked for, made unique on a shared server. */
  name: string;
  db: PrismaClient;
};

export interface TestDatabaseOptions {
  /** A server of the file's own, for a test that stops it. */
  ownServer?: boolean;
}

export async function startTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const shared = options.ownServer ? undefined : inject("sharedPostgres");
  return shared ? onSharedServer(shared.url, shared.migratedTemplate) : onOwnServer();
}

async function onOwnServer(): Promise<TestDatabase> {
  const postgres = await startPostgres();
  const clients: PrismaClient[] = [];
  const open = (database: DocketDatabase, name: string): TestDocketDatabase => {
    const db = createDb(database.url);
    clients.push(db);
    return { ...database, name, db };
  };
  return {
    postgres,
    async createDatabase(name) {
      return open(await createDocketDatabase(postgres, name), name);
    },
    async cloneDatabase(template, name) {
      await superuserQuery(postgres.url, `CREATE DATABASE "${name}" TEMPLATE "${template}" OWNER ${OWNER_ROLE}`);
      return open(docketDatabaseUrls(postgres, name), name);
    },
    async stop() {
      await Promise.all(clients.map((client) => client.$disconnect()));
      await postgres.stop();
    },
  };
}

async function onSharedServer(serverUrl: string, migratedTemplate: string): Promise<TestDatabase> {
  // Another file, or this one's earlier run, may use the same names on the server.
  const suffix = randomBytes(4).toString("hex");
  const namesOnServer = new Map<string, string>();
  const clients: PrismaClient[] = [];
  const copy = async (template: string, name: string): Promise<TestDocketDatabase> => {
    const nameOnServer = `${name.slice(0, 54)}_${suffix}`;
    await superuserQuery(serverUrl, `CREATE DATABASE "${nameOnServer}" TEMPLATE "${template}" OWNER ${OWNER_ROLE}`);
    // A copy keeps what is inside the database, not the grants on the database itself.
    await superuserQuery(serverUrl, `GRANT CONNECT ON DATABASE "${nameOnServer}" TO ${RUNTIME_ROLE}`);
    namesOnServer.set(name, nameOnServer);
    const database = docketDatabaseUrls({ url: serverUrl }, nameOnServer);
    const db = createDb(database.url);
    clients.push(db);
    return { ...database, name: nameOnServer, db };
  };
  return {
    postgres: {
      url: serverUrl,
      stop: () => Promise.reject(new Error("The integration suites share this PostgreSQL: a test that stops it needs startTestDatabase({ ownServer: true }).")),
    },
    createDatabase: (name) => copy(migratedTemplate, name),
    cloneDatabase(template, name) {
      const templateOnServer = namesOnServer.get(template);
      if (!templateOnServer) throw new Error(`No database ${template} was made by this test file.`);
      return copy(templateOnServer, name);
    },
    async stop() {
      await Promise.all(clients.map((client) => client.$disconnect()));
      for (const name of namesOnServer.values()) await superuserQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
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
