// The database itself refuses to change or remove audit rows, whoever asks (the superuser
// included, as long as it does not switch the trigger off), and refuses rows that skip the chain.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { chainRowHash } from "@/lib/server/audit/audit-chain";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/server/audit/verify-chain";
import { startTestDatabase, superuserQuery, type TestDatabase } from "@/tests/support/database";
import { sampleEvent } from "./audit-fixtures";

let server: TestDatabase;
let url: string;
let db: PrismaClient;

beforeAll(async () => {
  server = await startTestDatabase();
  ({ url, db } = await server.createDatabase("audit_append_only"));
  for (let index = 0; index < 3; index += 1) await recordAuditEvent(db, sampleEvent(index), { checkpoints: null });
});

afterAll(async () => {
  await server?.stop();
});

const rowCount = async () => Number((await superuserQuery<{ count: string }>(url, "SELECT count(*) FROM audit_event"))[0]?.count);

describe("audit_event is append-only", () => {
  it.each([
    ["UPDATE", "UPDATE audit_event SET target_id = 'changed' WHERE seq = 2"],
    ["UPDATE", "UPDATE audit_event SET target_id = 'changed' WHERE false"],
    ["DELETE", "DELETE FROM audit_event WHERE seq = 3"],
    ["DELETE", "DELETE FROM audit_event WHERE false"],
    ["TRUNCATE", "TRUNCATE audit_event"],
    ["UPDATE", "INSERT INTO audit_event SELECT * FROM audit_event WHERE seq = 1 ON CONFLICT (seq) DO UPDATE SET action = 'chat.list'"],
  ])("refuses %s: %s", async (operation, sql) => {
    const before = await superuserQuery(url, "SELECT seq, target_id, action FROM audit_event ORDER BY seq");
    await expect(superuserQuery(url, sql)).rejects.toThrow(`audit_event is append-only: ${operation} refused`);
    expect(await superuserQuery(url, "SELECT seq, target_id, action FROM audit_event ORDER BY seq")).toEqual(before);
  });

  it("refuses changes made through Prisma too", async () => {
    await expect(db.auditEvent.update({ where: { seq: 1n }, data: { targetId: "changed" } })).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow(/append-only: DELETE refused/);
    expect(await rowCount()).toBe(3);
  });

  it("assigns seq and both hashes itself, whatever the writer sends", async () => {
    const [forged] = await superuserQuery<{ seq: string; prev_hash: Buffer; row_hash: Buffer }>(
      url,
      `INSERT INTO audit_event (seq, action, outcome, body_sha256, prev_hash, row_hash)
       VALUES (1000, 'chat.view', 'success', sha256('body'), sha256('forged prev'), sha256('forged row'))
       RETURNING seq, prev_hash, row_hash`,
    );
    const [previous] = await superuserQuery<{ row_hash: Buffer }>(url, "SELECT row_hash FROM audit_event WHERE seq = 3");
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
        url,
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
    await expect(superuserQuery(url, `INSERT INTO audit_event (action, outcome, body_sha256) VALUES (${action}, ${outcome}, sha256('x'))`)).rejects.toThrow(
      constraint,
    );
  });
});
