// A real PostgreSQL of the test file's own, migrated with the repository's migrations (the audit
// triggers included), and a superuser connection to play the attacker.
import pg from "pg";
import { migrateDeploy } from "@/lib/devtools/migrate";
import { startPostgres, type RunningPostgres } from "@/lib/devtools/postgres";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AuditEventInput } from "@/lib/server/audit/record-audit-event";
import { createDb } from "@/lib/server/db";

export interface AuditDatabase {
  postgres: RunningPostgres;
  /** A fresh, migrated database on that server. */
  createDatabase(name: string): Promise<{ url: string; db: PrismaClient }>;
  /** A copy of database `template` (which must have no open connection), so each scenario starts alike. */
  cloneDatabase(template: string, name: string): Promise<{ url: string; db: PrismaClient }>;
  stop(): Promise<void>;
}

export async function startAuditDatabase(): Promise<AuditDatabase> {
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

/**
 * What an attacker with superuser rights can do: switch the append-only trigger off, change rows,
 * switch it back on. All in one transaction, as a careful attacker would.
 */
export async function tamper(url: string, ...statements: string[]): Promise<void> {
  await superuserQuery(
    url,
    [
      "BEGIN",
      "ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only",
      ...statements,
      "ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only",
      "COMMIT",
    ].join(";\n"),
  );
}

/** A plausible content read, different for each `index`. */
export function sampleEvent(index: number, overrides: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    actor: { issuer: "https://idp.docket.test", subject: `u-${index % 3}`, email: `user${index % 3}@docket.test`, roles: ["reviewer"] },
    action: "chat.view",
    target: { type: "chat", id: `chat_${index}` },
    organizationId: "org_1",
    params: { index },
    outcome: "success",
    requestId: `dkt_${index}`,
    ...overrides,
  };
}
