// A superuser who switches the trigger off can change the table, but the verifier
// names the first row that no longer fits, and the signed checkpoint outside the table reveals a
// cut tail or a chain rebuilt to look consistent.
import { createHash, generateKeyPairSync, type KeyObject } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { SignedCheckpoint } from "@/lib/schemas/audit-event";
import { AUDIT_EVENT_COLUMNS, auditBodyFromRow, bodySha256, chainRowHash, toHex, type AuditEventRow } from "@/lib/server/audit/audit-chain";
import {
  advanceCheckpoint,
  CheckpointScheduler,
  InvalidCheckpointFileError,
  readCheckpoint,
  signCheckpoint,
  type CheckpointSettings,
} from "@/lib/server/audit/checkpoint";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/server/audit/verify-chain";
import { startTestDatabase, type TestDatabase } from "@/tests/support/database";
import { sampleEvent, tamper } from "./audit-fixtures";

const ROWS = 30;

let server: TestDatabase;
let directory: string;
let settings: CheckpointSettings;
let publicKey: KeyObject;
let checkpoint: SignedCheckpoint;
let scenarios = 0;

beforeAll(async () => {
  server = await startTestDatabase();
  directory = await mkdtemp(path.join(tmpdir(), "docket-audit-checkpoint-"));
  const keys = generateKeyPairSync("ed25519");
  settings = { file: path.join(directory, "checkpoint.json"), signingKey: keys.privateKey };
  publicKey = keys.publicKey;

  const { db } = await server.createDatabase("audit_seed");
  const scheduler = new CheckpointScheduler({
    db: () => db,
    settings: async () => settings,
    onError: (error) => {
      throw error;
    },
  });
  for (let index = 0; index < ROWS; index += 1) await recordAuditEvent(db, sampleEvent(index), { checkpoints: scheduler });
  await scheduler.whenIdle();
  await db.$disconnect(); // a template database must have no connection
  checkpoint = (await readCheckpoint(settings.file))!;
});

afterAll(async () => {
  await server?.stop();
  if (directory) await rm(directory, { recursive: true, force: true });
});

/** A copy of the 30-row chain that the checkpoint signed. */
const scenario = () => server.cloneDatabase("audit_seed", `audit_scenario_${++scenarios}`);

const storedRow = async (db: PrismaClient, seq: number) =>
  (await db.$queryRaw<AuditEventRow[]>`SELECT ${AUDIT_EVENT_COLUMNS} FROM audit_event WHERE seq = ${seq}`)[0]!;

describe("the signed checkpoint", () => {
  it("was written for the head after the appends, atomically, and verifies", async () => {
    expect(checkpoint).toMatchObject({ v: 1, seq: String(ROWS) });
    expect(await readdir(directory)).toEqual(["checkpoint.json"]); // no temporary file left behind
    const { db } = await scenario();
    const report = await verifyAuditChain(db, { checkpoint, publicKey });
    expect(report).toMatchObject({ ok: true, rowsChecked: ROWS, firstBreak: null, checkpoint: { status: "matches", seq: String(ROWS) } });
    expect(report.head).toEqual({ seq: String(ROWS), rowHash: checkpoint.rowHash });
    expect(toHex((await storedRow(db, ROWS)).row_hash)).toBe(checkpoint.rowHash);
  });

  it("gives the same report whatever the batch size", async () => {
    const { db } = await scenario();
    const whole = await verifyAuditChain(db, { checkpoint, publicKey });
    const small = await verifyAuditChain(db, { checkpoint, publicKey, batchSize: 7 });
    expect({ ...small, durationMs: 0 }).toEqual({ ...whole, durationMs: 0 });
  });
});

describe("tampering with rows", () => {
  it("a changed column is reported at exactly its row, as a body break", async () => {
    const { superuserUrl, db } = await scenario();
    const before = await storedRow(db, 17);
    await tamper(superuserUrl, "UPDATE audit_event SET target_id = 'chat_innocent' WHERE seq = 17");

    const report = await verifyAuditChain(db, { checkpoint, publicKey });
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({ seq: "17", kind: "body", expected: toHex(before.body_sha256) });
    expect(report.firstBreak?.found).toMatch(/^[0-9a-f]{64}$/);
    expect(report.firstBreak?.found).not.toBe(report.firstBreak?.expected);
    expect(report.rowsChecked).toBe(ROWS); // the walk goes on to the head and the checkpoint
    expect(report.checkpoint?.status).toBe("matches");

    // Putting the value back makes the chain whole again: the verifier reads the content itself.
    await tamper(superuserUrl, `UPDATE audit_event SET target_id = '${before.target_id}' WHERE seq = 17`);
    expect((await verifyAuditChain(db, { checkpoint, publicKey })).ok).toBe(true);
  });

  it.each([
    ["actor_roles", "actor_roles = ARRAY['admin']"],
    ["params", `params = '{"index": 4, "extra": 1}'`],
    ["occurred_at", "occurred_at = occurred_at + interval '1 millisecond'"],
    ["actor_email (to NULL)", "actor_email = NULL"],
  ])("a change to %s is a body break too", async (_column, assignment) => {
    const { superuserUrl, db } = await scenario();
    await tamper(superuserUrl, `UPDATE audit_event SET ${assignment} WHERE seq = 4`);
    expect((await verifyAuditChain(db)).firstBreak).toMatchObject({ seq: "4", kind: "body" });
  });

  it("a changed row_hash is reported at its row", async () => {
    const { superuserUrl, db } = await scenario();
    const original = toHex((await storedRow(db, 11)).row_hash);
    await tamper(superuserUrl, "UPDATE audit_event SET row_hash = sha256('forged') WHERE seq = 11");
    const report = await verifyAuditChain(db);
    expect(report.firstBreak).toEqual({ seq: "11", kind: "row_hash", expected: original, found: createHash("sha256").update("forged").digest("hex") });
  });

  it("a changed prev_hash is reported as a broken link", async () => {
    const { superuserUrl, db } = await scenario();
    const linked = toHex((await storedRow(db, 5)).row_hash);
    await tamper(superuserUrl, "UPDATE audit_event SET prev_hash = sha256('elsewhere') WHERE seq = 6");
    expect((await verifyAuditChain(db)).firstBreak).toMatchObject({ seq: "6", kind: "prev_hash", expected: linked });
  });

  it("a deleted row is reported as a gap where it was", async () => {
    const { superuserUrl, db } = await scenario();
    await tamper(superuserUrl, "DELETE FROM audit_event WHERE seq = 8");
    const report = await verifyAuditChain(db, { checkpoint, publicKey });
    expect(report.firstBreak).toMatchObject({ seq: "8", kind: "gap", expected: "seq 8" });
    expect(report.firstBreak?.found).toMatch(/^seq 9 /);
    expect(report.rowsChecked).toBe(ROWS - 1);
  });

  it("rows deleted across several batches, and a row moved to a seq near 2^63, are each one gap, found without reading the empty ranges", async () => {
    const { superuserUrl, db } = await scenario();
    await tamper(superuserUrl, "DELETE FROM audit_event WHERE seq BETWEEN 3 AND 12", "UPDATE audit_event SET seq = 9223372036854775000 WHERE seq = 25");
    const report = await verifyAuditChain(db, { batchSize: 2 });
    expect(report.firstBreak).toMatchObject({ seq: "3", kind: "gap", expected: "seq 3" });
    expect(report.firstBreak?.found).toMatch(/^seq 13 \(10 row\(s\) missing\)$/);
    expect(report.rowsChecked).toBe(ROWS - 10);
    expect(report.head?.seq).toBe("9223372036854775000");
  });

  it("a chain rebuilt to look consistent passes the row checks but not the checkpoint", async () => {
    const { superuserUrl, db } = await scenario();
    // The attacker changes row 20, then recomputes every hash from there to the head.
    const rows = await db.$queryRaw<AuditEventRow[]>`SELECT ${AUDIT_EVENT_COLUMNS} FROM audit_event WHERE seq >= 20 ORDER BY seq`;
    const statements: string[] = [];
    let previous = (await storedRow(db, 19)).row_hash;
    for (const row of rows) {
      const forged = row.seq === 20n ? { ...row, target_id: "chat_innocent" } : row;
      const body = bodySha256(auditBodyFromRow(forged));
      const rowHash = chainRowHash(previous, row.seq, body);
      // Hashes are unique: move each row's hashes aside first so the rewrite never collides.
      statements.push(
        `UPDATE audit_event SET prev_hash = sha256(prev_hash), row_hash = sha256(row_hash) WHERE seq = ${row.seq}`,
        `UPDATE audit_event SET target_id = '${forged.target_id}', body_sha256 = '\\x${body.toString("hex")}',
           prev_hash = '\\x${toHex(previous)}', row_hash = '\\x${rowHash.toString("hex")}' WHERE seq = ${row.seq}`,
      );
      previous = rowHash;
    }
    await tamper(superuserUrl, ...statements);

    const chainOnly = await verifyAuditChain(db);
    expect(chainOnly).toMatchObject({ ok: true, rowsChecked: ROWS });
    const withCheckpoint = await verifyAuditChain(db, { checkpoint, publicKey });
    expect(withCheckpoint.ok).toBe(false);
    expect(withCheckpoint.firstBreak).toEqual({ seq: String(ROWS), kind: "rewritten", expected: checkpoint.rowHash, found: toHex(previous) });
    expect(withCheckpoint.checkpoint?.status).toBe("rewritten");
  });
});

describe("cutting the tail", () => {
  it("goes unseen by the row checks, and the checkpoint names the head that was expected and the one found", async () => {
    const { superuserUrl, db } = await scenario();
    await tamper(superuserUrl, "DELETE FROM audit_event WHERE seq > 25");
    const newHead = toHex((await storedRow(db, 25)).row_hash);

    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rowsChecked: 25 });

    const report = await verifyAuditChain(db, { checkpoint, publicKey });
    expect(report.ok).toBe(false);
    expect(report.head).toEqual({ seq: "25", rowHash: newHead });
    expect(report.checkpoint).toMatchObject({ status: "truncated", seq: String(ROWS), rowHash: checkpoint.rowHash });
    expect(report.firstBreak).toMatchObject({ seq: "26", kind: "truncated" });
    expect(report.firstBreak?.expected).toContain(`head seq ${ROWS} row_hash ${checkpoint.rowHash}`);
    expect(report.firstBreak?.found).toBe(`head seq 25 row_hash ${newHead}`);
  });

  it("is still caught once new appends have overtaken the checkpoint, which is not overwritten meanwhile", async () => {
    const { superuserUrl, db } = await scenario();
    await tamper(superuserUrl, "DELETE FROM audit_event WHERE seq > 25");
    const own = { ...settings, file: path.join(directory, "overtaken", "checkpoint.json") };
    await writeCheckpointCopy(own.file);
    const errors: unknown[] = [];
    const scheduler = new CheckpointScheduler({ db: () => db, settings: async () => own, onError: (error) => errors.push(error) });

    await recordAuditEvent(db, sampleEvent(100), { checkpoints: scheduler });
    await scheduler.whenIdle();
    expect(String(errors[0])).toMatch(/chain head \(seq 26\) is behind the checkpoint \(seq 30\)/);

    for (let index = 101; index < 110; index += 1) await recordAuditEvent(db, sampleEvent(index), { checkpoints: scheduler });
    await scheduler.whenIdle();
    expect(String(errors.at(-1))).toMatch(/row 30 no longer has the checkpointed hash/);
    expect(await readCheckpoint(own.file)).toEqual(checkpoint);

    const report = await verifyAuditChain(db, { checkpoint, publicKey });
    expect(report.firstBreak).toMatchObject({ seq: String(ROWS), kind: "rewritten", expected: checkpoint.rowHash });
  });

  it("an emptied table is reported against the checkpoint as well", async () => {
    const { superuserUrl, db } = await scenario();
    await tamper(superuserUrl, "DELETE FROM audit_event");
    const report = await verifyAuditChain(db, { checkpoint, publicKey });
    expect(report).toMatchObject({ ok: false, rowsChecked: 0, head: null, firstBreak: { seq: "1", kind: "truncated", found: "no rows" } });
  });
});

describe("a tampered checkpoint", () => {
  it.each([
    ["an earlier seq", (cp: SignedCheckpoint) => ({ ...cp, seq: "25" })],
    ["another row hash", (cp: SignedCheckpoint) => ({ ...cp, rowHash: "0".repeat(64) })],
    ["another signing time", (cp: SignedCheckpoint) => ({ ...cp, signedAt: new Date(0).toISOString() })],
    [
      "a signature by another key",
      (cp: SignedCheckpoint) => signCheckpoint({ seq: BigInt(cp.seq), rowHash: cp.rowHash }, generateKeyPairSync("ed25519").privateKey),
    ],
  ])("with %s is reported as bad_signature", async (_change, change) => {
    const { db } = await scenario();
    const forged = change(checkpoint);
    const report = await verifyAuditChain(db, { checkpoint: forged, publicKey });
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({ seq: forged.seq, kind: "bad_signature" });
    expect(report.checkpoint?.status).toBe("bad_signature");
  });

  it("read from a file that was edited by hand, is reported as bad_signature and not overwritten", async () => {
    const { db } = await scenario();
    const file = path.join(directory, "edited", "checkpoint.json");
    await writeCheckpointCopy(file, (text) => text.replace(`"seq": "${ROWS}"`, '"seq": "29"'));
    const edited = await readCheckpoint(file);
    expect(edited?.seq).toBe("29");
    expect((await verifyAuditChain(db, { checkpoint: edited, publicKey })).firstBreak?.kind).toBe("bad_signature");
    await expect(advanceCheckpoint(db, { ...settings, file })).rejects.toThrow(/does not verify with the current signing key/);
    expect(await readCheckpoint(file)).toEqual(edited);
  });

  it("that is not a checkpoint at all is refused when read", async () => {
    const file = path.join(directory, "garbage.json");
    await writeFile(file, '{"v": 1, "seq": "x"}');
    await expect(readCheckpoint(file)).rejects.toThrow(InvalidCheckpointFileError);
    await writeFile(file, "not json");
    await expect(readCheckpoint(file)).rejects.toThrow(/not JSON/);
    expect(await readCheckpoint(path.join(directory, "absent.json"))).toBeNull();
  });

  it("cannot be checked without the public key", async () => {
    const { db } = await scenario();
    await expect(verifyAuditChain(db, { checkpoint })).rejects.toThrow(/needs the public key/);
  });
});

async function writeCheckpointCopy(file: string, edit: (text: string) => string = (text) => text): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, edit(await readFile(settings.file, "utf8")));
}
