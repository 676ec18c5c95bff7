// What the app's role may do to each table, read back from PostgreSQL's catalogue: a migration that adds
// a table without granting it, or grants more than its rows need, shows up here by name.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_STATEMENT_TIMEOUT, RUNTIME_ROLE } from "@/lib/devtools/docket-database";
import { startTestDatabase, superuserQuery, type TestDatabase, type TestDocketDatabase } from "@/tests/support/database";

const APPEND_ONLY = ["INSERT", "SELECT"];
const KEPT = ["INSERT", "SELECT", "UPDATE"];
const DISPOSABLE = ["DELETE", "INSERT", "SELECT", "UPDATE"];

/** Docket's tables and what the runtime role holds on each (the migrations' own table it may only read, for the health check). */
const EXPECTED: Record<string, string[]> = {
  "public.audit_event": APPEND_ONLY,
  "public.deletion_snapshot": APPEND_ONLY,
  "public.legal_hold_scope": APPEND_ONLY,
  "public.evidence_object": APPEND_ONLY,
  "public.compliance_api_call": APPEND_ONLY,
  "public.compliance_api_activity": APPEND_ONLY,
  "public.api_reconciliation": ["SELECT", "UPDATE"],
  "public.app_user": KEPT,
  "public.deletion_request": KEPT,
  "public.legal_hold": KEPT,
  "public.collection": KEPT,
  "public.collection_walk": KEPT,
  "public.collection_item": KEPT,
  "public.api_budget": KEPT,
  "public.delete_key_report": KEPT,
  "public.reviewer_preference": DISPOSABLE,
  "public.auth_session": DISPOSABLE,
  "public.reviewer_usage": DISPOSABLE,
  "public._prisma_migrations": ["SELECT"],
};

let server: TestDatabase;
let database: TestDocketDatabase;

beforeAll(async () => {
  server = await startTestDatabase();
  database = await server.createDatabase("database_roles");
});

afterAll(async () => {
  await server?.stop();
});

describe("the runtime role's privileges", () => {
  it("are exactly what each of Docket's tables needs", async () => {
    const rows = await superuserQuery<{ name: string; privileges: string[] }>(
      database.superuserUrl,
      `SELECT format('%s.%s', n.nspname, c.relname) AS name,
              ARRAY(SELECT p FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) AS p
                    WHERE has_table_privilege($1, c.oid, p) ORDER BY p) AS privileges
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
       ORDER BY 1`,
      [RUNTIME_ROLE],
    );
    expect(Object.fromEntries(rows.map((row) => [row.name, row.privileges]))).toEqual(EXPECTED);
  });

  it("cover the job queue's rows but not its definition", async () => {
    const [jobs] = await superuserQuery<{ owned: string; writable: boolean; creatable: boolean }>(
      database.superuserUrl,
      `SELECT (SELECT count(*) FROM pg_class WHERE relnamespace = 'pgboss'::regnamespace AND pg_has_role($1, relowner, 'USAGE')) AS owned,
              has_table_privilege($1, 'pgboss.job', 'INSERT, UPDATE, DELETE') AS writable,
              has_schema_privilege($1, 'pgboss', 'CREATE') AS creatable`,
      [RUNTIME_ROLE],
    );
    expect(jobs).toEqual({ owned: "0", writable: true, creatable: false });
  });

  it("are what the app's login holds, and its statements are cut off after a time", async () => {
    const [login] = await superuserQuery<{ member: boolean; timeout: string }>(
      database.url,
      "SELECT pg_has_role(current_user, $1, 'USAGE') AS member, current_setting('statement_timeout') AS timeout",
      [RUNTIME_ROLE],
    );
    expect(login).toEqual({ member: true, timeout: APP_STATEMENT_TIMEOUT });
  });
});
