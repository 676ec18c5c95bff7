// recordAuditEvent: what is stored is exactly what was hashed, whatever the input's characters, and
// the call rejects whenever the row is not written, so callers can fail closed.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AUDIT_EVENT_COLUMNS, type AuditEventRow } from "@/lib/server/audit/audit-chain";
import { AUDIT_ACTIONS } from "@/lib/server/audit/audit-actions";
import { toAuditString } from "@/lib/server/audit/canonical-json";
import { AuditWriteError, recordAuditEvent, type AuditEventInput } from "@/lib/server/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/server/audit/verify-chain";
import { createDb } from "@/lib/server/db";
import { closedPort } from "@/tests/support/closed-port";
import { startTestDatabase, type TestDatabase } from "@/tests/support/database";
import { sampleEvent } from "./audit-fixtures";

let server: TestDatabase;
let db: PrismaClient;

beforeAll(async () => {
  // Its last test stops the server under a connected client.
  server = await startTestDatabase({ ownServer: true });
  ({ db } = await server.createDatabase("audit_record"));
});

afterAll(async () => {
  await server?.stop();
});

const rowAt = async (seq: bigint) => (await db.$queryRaw<AuditEventRow[]>`SELECT ${AUDIT_EVENT_COLUMNS} FROM audit_event WHERE seq = ${seq}`)[0]!;
const count = async () => db.auditEvent.count();

describe("recordAuditEvent", () => {
  it("stores every field in its column, with the time given to the millisecond", async () => {
    const at = new Date("2026-03-04T05:06:07.089Z");
    const { seq, rowHash } = await recordAuditEvent(
      db,
      {
        actor: { issuer: "https://idp.docket.test", subject: "u-1", email: "ana@docket.test", roles: ["reviewer", "auditor", "reviewer"] },
        action: "file.download",
        target: { type: "file", id: "file_1" },
        organizationId: "org_1",
        params: { chatId: "chat_1", limit: 50, nested: { ok: true, none: null } },
        outcome: "success",
        requestId: "dkt_1",
        upstreamRequestId: "req_1",
        clientIp: "203.0.113.9",
        userAgent: "Mozilla/5.0",
      },
      { checkpoints: null, now: () => at },
    );
    const row = await rowAt(seq);
    expect(row).toMatchObject({
      occurred_at: at,
      actor_issuer: "https://idp.docket.test",
      actor_subject: "u-1",
      actor_email: "ana@docket.test",
      actor_roles: ["auditor", "reviewer"], // a set: sorted, once each
      action: "file.download",
      target_type: "file",
      target_id: "file_1",
      organization_id: "org_1",
      params: { chatId: "chat_1", limit: 50, nested: { ok: true, none: null } },
      outcome: "success",
      request_id: "dkt_1",
      upstream_request_id: "req_1",
      client_ip: "203.0.113.9",
      user_agent: "Mozilla/5.0",
    });
    expect(Buffer.from(row.row_hash).toString("hex")).toBe(rowHash);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("stores an event without actor, target or parameters with nulls and empty sets", async () => {
    const { seq } = await recordAuditEvent(db, { actor: null, action: "deletion.expired", outcome: "success", requestId: "" }, { checkpoints: null });
    expect(await rowAt(seq)).toMatchObject({ actor_issuer: null, actor_subject: null, actor_roles: [], target_type: null, params: {}, request_id: null });
  });

  it("stores what it hashed whatever the characters: the chain verifies for arbitrary text", async () => {
    // Any UTF-16 code units, NUL and lone surrogates included, with those two made frequent.
    const codeUnit = fc.oneof(
      fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
      fc.constantFrom("\u0000", "\uD83D", "\uDE00"),
    );
    const text = fc.string({ unit: codeUnit, maxLength: 30 });
    const params = fc.dictionary(text, fc.oneof(text, fc.maxSafeInteger(), fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 3 })), { maxKeys: 5 });
    await fc.assert(
      fc.asyncProperty(
        text,
        fc.array(fc.string({ minLength: 1, maxLength: 10 }), { maxLength: 3 }),
        text,
        params,
        async (subject, roles, targetId, eventParams) => {
          const attempt = recordAuditEvent(
            db,
            {
              actor: { issuer: "https://idp.docket.test", subject, email: subject, roles },
              action: "chat.view",
              target: { type: "chat", id: targetId },
              params: eventParams,
              outcome: "success",
              userAgent: subject,
            },
            { checkpoints: null },
          );
          // The one refusal allowed: two keys that differ only by what normalising removes or repairs.
          const keys = Object.keys(eventParams);
          if (new Set(keys.map(toAuditString)).size < keys.length) await expect(attempt).rejects.toThrow(/two keys become/);
          else await attempt;
        },
      ),
      { numRuns: 100 },
    );
    const report = await verifyAuditChain(db);
    expect(report.firstBreak).toBeNull();
  });

  it("removes U+0000 and repairs lone surrogates before hashing, so the database accepts the row", async () => {
    const { seq } = await recordAuditEvent(db, sampleEvent(1, { target: { type: "chat", id: "a\u0000b\uD800" }, params: { "k\u0000": "v\u0000" } }), {
      checkpoints: null,
    });
    expect(await rowAt(seq)).toMatchObject({ target_id: "ab\uFFFD", params: { k: "v" } });
  });

  it("cuts over-long header values (user agent, client IP) instead of refusing the request", async () => {
    const { seq } = await recordAuditEvent(db, sampleEvent(2, { userAgent: `${"x".repeat(511)}😀tail`, clientIp: "1".repeat(600) }), { checkpoints: null });
    const row = await rowAt(seq);
    expect(row.user_agent).toBe(`${"x".repeat(511)}\uFFFD`); // the cut fell inside the emoji's surrogate pair
    expect(row.client_ip).toHaveLength(512);
  });

  it.each<[string, Partial<AuditEventInput> & Record<string, unknown>, RegExp]>([
    ["an unknown action", { action: "chat.read" as never }, /action/],
    ["an unknown outcome", { outcome: "maybe" as never }, /outcome/],
    ["a float parameter", { params: { ratio: 0.5 } }, /params: \$\.ratio: only safe integers/],
    ["a parameter that is not JSON", { params: { when: new Date() } }, /a Date has no JSON representation/],
    ["oversized parameters", { params: { blob: "x".repeat(20_000) } }, /at most 16384 bytes/],
    ["an unexpected field", { content: "the message text" }, /Unrecognized key/i],
    ["an over-long target id", { target: { type: "chat", id: "x".repeat(2000) } }, /target\.id: must be at most 1024/],
  ])("refuses %s, writing nothing", async (_what, override, message) => {
    const before = await count();
    const attempt = recordAuditEvent(db, sampleEvent(3, override as Partial<AuditEventInput>), { checkpoints: null });
    await expect(attempt).rejects.toThrow(AuditWriteError);
    await expect(attempt).rejects.toMatchObject({ reason: "invalid", message });
    expect(await count()).toBe(before);
  });

  it("knows every action of the typed list, and the database accepts each", async () => {
    for (const action of AUDIT_ACTIONS) await recordAuditEvent(db, sampleEvent(4, { action }), { checkpoints: null });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("asks the checkpoint scheduler for a checkpoint after each append, without waiting for it", async () => {
    let scheduled = 0;
    const { seq } = await recordAuditEvent(db, sampleEvent(5), { checkpoints: { schedule: () => void (scheduled += 1) } });
    expect(scheduled).toBe(1);
    expect(seq).toBeGreaterThan(0n);
  });
});

describe("fail closed", () => {
  it("rejects when the database cannot be reached", async () => {
    const unreachable = createDb(`postgresql://postgres:postgres@127.0.0.1:${await closedPort()}/docket`);
    try {
      const attempt = recordAuditEvent(unreachable, sampleEvent(6), { checkpoints: null });
      await expect(attempt).rejects.toThrow(AuditWriteError);
      await expect(attempt).rejects.toMatchObject({ reason: "database" });
    } finally {
      await unreachable.$disconnect();
    }
  });

  it("rejects, and schedules no checkpoint, when the database goes away under a connected client", async () => {
    await recordAuditEvent(db, sampleEvent(7), { checkpoints: null }); // the pool holds a live connection
    await server.postgres.stop();
    let scheduled = 0;
    const attempt = recordAuditEvent(db, sampleEvent(8), { checkpoints: { schedule: () => void (scheduled += 1) } });
    await expect(attempt).rejects.toMatchObject({ name: "AuditWriteError", reason: "database" });
    expect(scheduled).toBe(0);
  });
});
