// The database itself refuses to change or remove audit rows, whoever asks (the superuser
// included, as long as it does not switch the trigger off), and refuses rows that skip the chain.
// The app's own role cannot even try: it may only add rows and read them, and it owns nothing, so it
// cannot switch the trigger off, alter the table or drop it.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { chainRowHash } from "@/lib/server/audit/audit-chain";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/server/audit/verify-chain";
import { startTestDatabase, superuserQuery, type TestDatabase } from "@/tests/support/database";
import { sampleEvent } from "./audit-fixtures";

let server: TestDatabase;
let superuserUrl: string;
let appUrl: string;
let db: PrismaClient;

beforeAll(async () => {
  server = await startTestDatabase();
  ({ url: appUrl, superuserUrl, db } = await server.createDatabase("audit_append_only"));
  for (let index = 0; index < 3; index += 1) await recordAuditEvent(db, sampleEvent(index), { checkpoints: null });
});

afterAll(async () => {
  await server?.stop();
});

const rowCount = async () => Number((await superuserQuery<{ count: string }>(superuserUrl, "SELECT count(*) FROM audit_event"))[0]?.count);

describe("audit_event is append-only", () => {
  it.each([
    ["UPDATE", "UPDATE audit_event SET target_id = 'changed' WHERE seq = 2"],
    ["UPDATE", "UPDATE audit_event SET target_id = 'changed' WHERE false"],
    ["DELETE", "DELETE FROM audit_event WHERE seq = 3"],
    ["DELETE", "DELETE FROM audit_event WHERE false"],
    ["TRUNCATE", "TRUNCATE audit_event"],
    ["UPDATE", "INSERT INTO audit_event SELECT * FROM audit_event WHERE seq = 1 ON CONFLICT (seq) DO UPDATE SET action = 'chat.list'"],
  ])("refuses %s: %s", async (operation, sql) => {
    const before = await superuserQuery(superuserUrl, "SELECT seq, target_id, action FROM audit_event ORDER BY seq");
    await expect(superuserQuery(superuserUrl, sql)).rejects.toThrow(`audit_event is append-only: ${operation} refused`);
    expect(await superuserQuery(superuserUrl, "SELECT seq, target_id, action FROM audit_event ORDER BY seq")).toEqual(before);
  });

  it("assigns seq and both hashes itself, whatever the writer sends", async () => {
    const [forged] = await superuserQuery<{ seq: string; prev_hash: Buffer; row_hash: Buffer }>(
      superuserUrl,
      `INSERT INTO audit_event (seq, action, outcome, body_sha256, prev_hash, row_hash)
       VALUES (1000, 'chat.view', 'success', sha256('body'), sha256('forged prev'), sha256('forged row'))
       RETURNING seq, prev_hash, row_hash`,
    );
    const [previous] = await superuserQuery<{ row_hash: Buffer }>(superuserUrl, "SELECT row_hash FROM audit_event WHERE seq = 3");
    expect(forged?.seq).toBe("4");
    expect(forged?.prev_hash).toEqual(previous?.row_hash);
    const bodyDigest = createHash("sha256").update("body").digest();
    expect(forged?.row_hash).toEqual(chainRowHash(previous!.row_hash, 4n, bodyDigest));
    // The chain links; only the body (not computed by Docket) does not match its columns.
    expect((await verifyAuditChain(db)).firstBreak).toMatchObject({ seq: "4", kind: "body" });
  });

  it("refuses a row that skips the chain trigger (session_replication_role = replica)", async () => {
    await expect(
      superuserQuery(
        superuserUrl,
        `SET session_replication_role = replica;
         INSERT INTO audit_event (seq, action, outcome, body_sha256, prev_hash, row_hash)
         VALUES (5000, 'chat.view', 'success', sha256('x'), ''::bytea, ''::bytea)`,
      ),
    ).rejects.toThrow(/violates check constraint "audit_event_(prev|row)_hash_length"/);
  });

  it.each([
    ["an action not written entity.verb", "'Chat View'", "'success'", /audit_event_action_entity_verb/],
    ["an unknown outcome", "'chat.view'", "'maybe'", /audit_event_outcome_known/],
  ])("refuses %s", async (_what, action, outcome, constraint) => {
    await expect(
      superuserQuery(superuserUrl, `INSERT INTO audit_event (action, outcome, body_sha256) VALUES (${action}, ${outcome}, sha256('x'))`),
    ).rejects.toThrow(constraint);
  });
});

describe("the app's role, which the app and the worker connect as", () => {
  it.each([
    ["UPDATE audit_event SET target_id = 'changed' WHERE seq = 2", /permission denied for table audit_event/],
    ["DELETE FROM audit_event WHERE seq = 3", /permission denied for table audit_event/],
    ["TRUNCATE audit_event", /permission denied for table audit_event/],
    ["ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only", /must be owner of table audit_event/],
    ["ALTER TABLE audit_event DISABLE TRIGGER ALL", /must be owner of table audit_event/],
    ["ALTER TABLE audit_event ADD COLUMN note text", /must be owner of table audit_event/],
    ["DROP TRIGGER audit_event_chain ON audit_event", /must be owner of (table|relation) audit_event/],
    ["DROP TABLE audit_event", /must be owner of table audit_event/],
    ["SET session_replication_role = replica", /permission denied to set parameter "session_replication_role"/],
    ["CREATE TABLE audit_event_copy (seq bigint)", /permission denied for schema public/],
  ])("is refused %s", async (sql, refusal) => {
    const before = await superuserQuery(superuserUrl, "SELECT * FROM audit_event ORDER BY seq");
    await expect(superuserQuery(appUrl, sql)).rejects.toThrow(refusal);
    expect(await superuserQuery(superuserUrl, "SELECT * FROM audit_event ORDER BY seq")).toEqual(before);
    expect(await superuserQuery(superuserUrl, "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_event'::regclass AND tgenabled = 'D'")).toEqual([]);
  });

  it("is refused through Prisma too, and still appends and reads", async () => {
    await expect(db.auditEvent.update({ where: { seq: 1n }, data: { targetId: "changed" } })).rejects.toThrow(/permission denied/);
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow(/permission denied/);
    const before = await rowCount();
    await recordAuditEvent(db, sampleEvent(99), { checkpoints: null });
    expect(await db.auditEvent.count()).toBe(before + 1);
  });

  it("owns no table, may not create roles and is not a superuser", async () => {
    const [role] = await superuserQuery<{ rolsuper: boolean; rolcreaterole: boolean; rolcreatedb: boolean; owned: string }>(
      appUrl,
      `SELECT rolsuper, rolcreaterole, rolcreatedb,
              (SELECT count(*) FROM pg_class WHERE pg_has_role(current_user, relowner, 'USAGE') AND relnamespace IN ('public'::regnamespace, 'pgboss'::regnamespace)) AS owned
       FROM pg_roles WHERE rolname = current_user`,
    );
    expect(role).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, owned: "0" });
  });
});
