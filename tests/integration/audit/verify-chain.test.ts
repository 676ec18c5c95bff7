// The verifier reads each batch as one JSON text that PostgreSQL builds: every value must come back
// exactly as stored (times to the millisecond at both ends of their range, any text), and a break
// must be named at its own seq wherever it falls in a batch or across two.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toHex } from "@/lib/server/audit/audit-chain";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/server/audit/verify-chain";
import { startTestDatabase, superuserQuery, type TestDatabase } from "@/tests/support/database";
import { sampleEvent, tamper } from "./audit-fixtures";

const ROWS = 40;
const BATCH = 16; // rows 1-16, 17-32, 33-40

let server: TestDatabase;
let scenarios = 0;

beforeAll(async () => {
  server = await startTestDatabase();
  const { db } = await server.createDatabase("verify_seed");
  for (let index = 0; index < ROWS; index += 1) await recordAuditEvent(db, sampleEvent(index), { checkpoints: null });
  await db.$disconnect(); // a template database must have no connection
});

afterAll(async () => {
  await server?.stop();
});

const scenario = () => server.cloneDatabase("verify_seed", `verify_scenario_${++scenarios}`);

const rowHashAt = async (url: string, seq: number) =>
  toHex((await superuserQuery<{ row_hash: Buffer }>(url, "SELECT row_hash FROM audit_event WHERE seq = $1", [seq]))[0]!.row_hash);

describe("values read back as stored", () => {
  it.each([
    ["the epoch's last millisecond before 1970", "1969-12-31T23:59:59.999Z"],
    ["the first millisecond of year 1", "0001-01-01T00:00:00.000Z"],
    ["the last millisecond of year 9999", "9999-12-31T23:59:59.999Z"],
    ["a leap day", "2028-02-29T12:34:56.789Z"],
  ])("a time at %s verifies", async (_what, time) => {
    const { db } = await scenario();
    await recordAuditEvent(db, sampleEvent(ROWS), { checkpoints: null, now: () => new Date(time) });
    expect(await verifyAuditChain(db, { batchSize: BATCH })).toMatchObject({ ok: true, rowsChecked: ROWS + 1 });
  });

  it("text that JSON must escape, and the rest of Unicode, verifies; one character changed does not", async () => {
    const { superuserUrl, db } = await scenario();
    const awkward = 'quote " backslash \\ tab \t newline \n bell \u0007 line separator \u2028 é 日本 😀 \u{10FFFF}';
    const { seq } = await recordAuditEvent(
      db,
      sampleEvent(ROWS, {
        params: { [awkward]: awkward, list: [awkward, null, 9_007_199_254_740_991] },
        userAgent: awkward,
        actor: { issuer: awkward, subject: awkward, email: null, roles: [awkward] },
      }),
      { checkpoints: null },
    );
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rowsChecked: ROWS + 1 });

    await tamper(superuserUrl, `UPDATE audit_event SET user_agent = replace(user_agent, E'\\u2028', E'\\u2029') WHERE seq = ${seq}`);
    expect((await verifyAuditChain(db)).firstBreak).toMatchObject({ seq: String(seq), kind: "body" });
  });
});

describe("breaks inside and between batches", () => {
  it("a row changed in the middle of a batch is named at its seq, and every row is still checked", async () => {
    const { superuserUrl, db } = await scenario();
    await tamper(superuserUrl, "UPDATE audit_event SET action = 'chat.list' WHERE seq = 27");
    const report = await verifyAuditChain(db, { batchSize: BATCH });
    expect(report).toMatchObject({ ok: false, rowsChecked: ROWS, firstBreak: { seq: "27", kind: "body" } });
    expect(report.firstBreak).toEqual((await verifyAuditChain(db)).firstBreak);
  });

  it("only the first of several breaks is reported, whichever batches they are in", async () => {
    const { superuserUrl, db } = await scenario();
    await tamper(superuserUrl, "UPDATE audit_event SET action = 'chat.list' WHERE seq IN (12, 20, 38)");
    expect((await verifyAuditChain(db, { batchSize: BATCH })).firstBreak).toMatchObject({ seq: "12", kind: "body" });
  });

  it("the first row of a batch that does not link to the last row of the batch before is a prev_hash break", async () => {
    const { superuserUrl, db } = await scenario();
    const linked = await rowHashAt(superuserUrl, 16);
    await tamper(superuserUrl, "UPDATE audit_event SET prev_hash = sha256('elsewhere') WHERE seq = 17");
    const report = await verifyAuditChain(db, { batchSize: BATCH });
    expect(report.firstBreak).toMatchObject({ seq: "17", kind: "prev_hash", expected: linked });
  });

  it("rows deleted across a batch boundary are one gap, named where the first is missing", async () => {
    const { superuserUrl, db } = await scenario();
    await tamper(superuserUrl, "DELETE FROM audit_event WHERE seq BETWEEN 15 AND 18");
    const report = await verifyAuditChain(db, { batchSize: BATCH });
    expect(report).toMatchObject({
      ok: false,
      rowsChecked: ROWS - 4,
      firstBreak: { seq: "15", kind: "gap", expected: "seq 15", found: "seq 19 (4 row(s) missing)" },
    });
  });

  it("a whole batch deleted is one gap too", async () => {
    const { superuserUrl, db } = await scenario();
    await tamper(superuserUrl, "DELETE FROM audit_event WHERE seq BETWEEN 17 AND 32");
    const report = await verifyAuditChain(db, { batchSize: BATCH });
    expect(report).toMatchObject({ rowsChecked: ROWS - 16, firstBreak: { seq: "17", kind: "gap", found: "seq 33 (16 row(s) missing)" } });
  });

  it("a time that is no instant (infinity) is a body break at its row, not a failure to verify", async () => {
    const { superuserUrl, db } = await scenario();
    await tamper(superuserUrl, "UPDATE audit_event SET occurred_at = 'infinity' WHERE seq = 30");
    const report = await verifyAuditChain(db, { batchSize: BATCH });
    expect(report).toMatchObject({ ok: false, rowsChecked: ROWS, firstBreak: { seq: "30", kind: "body" } });
    expect(report.firstBreak?.found).toMatch(/^no hash: /);
  });
});
