// The auditor's view of the log: filters, keyset pages, and exports that are safe to open in a
// spreadsheet (CSV) or exact enough to re-verify line by line (JSON Lines).
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AuditEventFilter, AuditEventListQuery } from "@/lib/schemas/audit-event";
import { AUDIT_EXPORT_CONTENT_TYPES, exportAuditEvents } from "@/lib/server/audit/export-audit-events";
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";
import { recordAuditEvent, type AuditEventInput } from "@/lib/server/audit/record-audit-event";
import { startTestDatabase, superuserQuery, type TestDatabase } from "@/tests/support/database";

const BASE = Date.parse("2026-05-01T10:00:00.000Z");
const minutes = (count: number) => new Date(BASE + count * 60_000).toISOString();
const ACTIONS = ["chat.view", "file.download", "audit.export"] as const;
// Cells a spreadsheet would run as formulas, and cells that need RFC 4180 quoting.
const AWKWARD_TARGETS = ['=HYPERLINK("http://evil.test","x")', "+1", "-2", "@SUM(A1)", "\tTab", "\rCR", 'a,b "c"\nd', "plain"];

let server: TestDatabase;
let db: PrismaClient;
const events: AuditEventInput[] = [];

beforeAll(async () => {
  server = await startTestDatabase();
  ({ db } = await server.createDatabase("audit_list_export"));
  for (let index = 0; index < 25; index += 1) {
    const event: AuditEventInput = {
      actor: index === 24 ? null : { issuer: "https://idp.docket.test", subject: `u-${index % 3}`, email: `User${index % 3}@Docket.test`, roles: ["auditor"] },
      action: ACTIONS[index % 3]!,
      target: { type: index % 2 ? "file" : "chat", id: AWKWARD_TARGETS[index % AWKWARD_TARGETS.length]! },
      organizationId: index % 2 ? "org_2" : "org_1",
      params: { index, query: '名前=値, "quoted"' },
      outcome: "success",
      userAgent: index === 0 ? null : `agent/${index}`,
    };
    events.push(event);
    await recordAuditEvent(db, event, { checkpoints: null, now: () => new Date(minutes(index)) });
  }
});

afterAll(async () => {
  await server?.stop();
});

/** seq n is events[n - 1]. */
const seqsWhere = (predicate: (event: AuditEventInput, index: number) => boolean) =>
  events.flatMap((event, index) => (predicate(event, index) ? [String(index + 1)] : [])).reverse();

async function allPages(query: AuditEventListQuery): Promise<{ seqs: string[]; pages: number }> {
  const seqs: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await listAuditEvents(db, { ...query, cursor });
    pages += 1;
    seqs.push(...page.items.map((item) => item.seq));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { seqs, pages };
}

describe("listAuditEvents", () => {
  it("pages newest first on seq, with a cursor until the last page", async () => {
    const first = await listAuditEvents(db, { limit: 10 });
    expect(first.items.map((item) => item.seq)).toEqual(["25", "24", "23", "22", "21", "20", "19", "18", "17", "16"]);
    expect(first.nextCursor).toBe("16");
    const second = await listAuditEvents(db, { limit: 10, cursor: first.nextCursor! });
    expect(second.items[0]?.seq).toBe("15");
    const third = await listAuditEvents(db, { limit: 10, cursor: second.nextCursor! });
    expect(third.items.map((item) => item.seq)).toEqual(["5", "4", "3", "2", "1"]);
    expect(third.nextCursor).toBeNull();
  });

  it("ends without an empty extra page when the rows divide evenly", async () => {
    const { seqs, pages } = await allPages({ limit: 5 });
    expect(pages).toBe(5);
    expect(seqs).toEqual(seqsWhere(() => true));
  });

  it("returns DTOs with hex hashes, string seqs and the event's fields", async () => {
    const { items } = await listAuditEvents(db, { limit: 1, cursor: "2" });
    expect(items[0]).toEqual({
      seq: "1",
      occurredAt: minutes(0),
      actor: { issuer: "https://idp.docket.test", subject: "u-0", email: "User0@Docket.test", roles: ["auditor"] },
      action: "chat.view",
      target: { type: "chat", id: AWKWARD_TARGETS[0] },
      organizationId: "org_1",
      params: { index: 0, query: '名前=値, "quoted"' },
      outcome: "success",
      requestId: null,
      upstreamRequestId: null,
      clientIp: null,
      userAgent: null,
      bodySha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      prevHash: "0".repeat(64),
      rowHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((await listAuditEvents(db, { limit: 1 })).items[0]?.actor).toBeNull();
  });

  it.each<[string, AuditEventFilter, (event: AuditEventInput, index: number) => boolean]>([
    ["actor: part of the email, any case", { actor: "user1@docket" }, (event) => event.actor?.subject === "u-1"],
    ["actor: part of the subject", { actor: "U-2" }, (event) => event.actor?.subject === "u-2"],
    ["actor subject, exact", { actorSubject: "u-0" }, (event) => event.actor?.subject === "u-0"],
    ["actions", { actions: ["file.download", "audit.export"] }, (event) => event.action !== "chat.view"],
    ["target type", { targetType: "file" }, (event) => event.target?.type === "file"],
    ["target type and id", { targetType: "file", targetId: "+1" }, (event) => event.target?.type === "file" && event.target.id === "+1"],
    ["organisation", { organizationId: "org_2" }, (event) => event.organizationId === "org_2"],
    ["from (inclusive) and to (exclusive)", { from: minutes(5), to: minutes(9) }, (_event, index) => index >= 5 && index < 9],
    ["a time zone offset", { from: "2026-05-01T12:20:00+02:00" }, (_event, index) => index >= 20],
    [
      "several filters at once",
      { actions: ["chat.view"], organizationId: "org_1", from: minutes(3) },
      (event, index) => event.action === "chat.view" && event.organizationId === "org_1" && index >= 3,
    ],
  ])("filters by %s, across pages", async (_what, filter, predicate) => {
    const expected = seqsWhere(predicate);
    const { seqs } = await allPages({ ...filter, limit: 2 });
    expect(expected.length).toBeGreaterThan(0); // a filter that matches nothing would prove little
    expect(seqs).toEqual(expected);
  });

  it.each(["_", "%", "\\"])("treats %s in the actor filter as a plain character, not a LIKE pattern", async (text) => {
    expect((await listAuditEvents(db, { actor: text })).items).toEqual([]);
    expect((await listAuditEvents(db, { actor: `u${text}1` })).items).toEqual([]);
  });

  it("keeps pages stable while new events arrive", async () => {
    const first = await listAuditEvents(db, { limit: 3, actions: ["audit.export"] });
    await recordAuditEvent(db, { actor: null, action: "audit.export", outcome: "success" }, { checkpoints: null, now: () => new Date(minutes(60)) });
    try {
      const second = await listAuditEvents(db, { limit: 3, actions: ["audit.export"], cursor: first.nextCursor! });
      expect([...first.items, ...second.items].map((item) => item.seq)).toEqual(seqsWhere((event) => event.action === "audit.export").slice(0, 6));
    } finally {
      events.push({ actor: null, action: "audit.export", outcome: "success" }); // keep seq n = events[n - 1]
    }
  });

  it.each<[string, Record<string, unknown>]>([
    ["a zero limit", { limit: 0 }],
    ["a limit over 200", { limit: 201 }],
    ["a cursor that is not a seq", { cursor: "16; DROP TABLE audit_event" }],
    ["an action not written entity.verb", { actions: ["Chat View"] }],
    ["a time that is not ISO 8601", { from: "yesterday" }],
  ])("refuses %s", async (_what, query) => {
    await expect(listAuditEvents(db, query as AuditEventListQuery)).rejects.toThrow(ZodError);
  });
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true }); // keep the BOM: the CSV test checks it
  const chunks: string[] = [];
  const reader = stream.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) chunks.push(decoder.decode(chunk.value, { stream: true }));
  return chunks.join("");
}

describe("exportAuditEvents as JSON Lines", () => {
  it("gives every event in chain order, and each line re-verifies with a JCS of its own", async () => {
    const text = await readAll(exportAuditEvents(db, {}, "jsonl"));
    const lines = text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as ExportedLine);
    expect(lines.map((line) => line.seq)).toEqual(seqsWhere(() => true).reverse());
    let previous = "0".repeat(64);
    for (const line of lines) {
      const bodyDigest = createHash("sha256").update(independentJcs(line.body)).digest();
      expect(bodyDigest.toString("hex"), `body of seq ${line.seq}`).toBe(line.body_sha256);
      const seqBytes = Buffer.alloc(8);
      seqBytes.writeBigUInt64BE(BigInt(line.seq));
      const rowHash = createHash("sha256").update(Buffer.from(line.prev_hash, "hex")).update(seqBytes).update(bodyDigest).digest("hex");
      expect(rowHash, `row_hash of seq ${line.seq}`).toBe(line.row_hash);
      expect(line.prev_hash, `link of seq ${line.seq}`).toBe(previous);
      previous = line.row_hash;
    }
    expect(AUDIT_EXPORT_CONTENT_TYPES.jsonl).toMatch(/^application\/jsonl/);
  });

  it("exports only the filtered events, each still verifiable on its own", async () => {
    const text = await readAll(exportAuditEvents(db, { organizationId: "org_2", actions: ["file.download"] }, "jsonl"));
    const lines = text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as ExportedLine);
    expect(lines.map((line) => line.seq)).toEqual(seqsWhere((event) => event.organizationId === "org_2" && event.action === "file.download").reverse());
    for (const line of lines) {
      expect(createHash("sha256").update(independentJcs(line.body)).digest("hex")).toBe(line.body_sha256);
      expect(line.body).toMatchObject({ v: 1, organization_id: "org_2", action: "file.download" });
    }
  });

  it("streams in batches and stops at the head that existed when it started", async () => {
    const stream = exportAuditEvents(db, {}, "jsonl", { batchSize: 4 });
    const reader = stream.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value).trimEnd().split("\n")).toHaveLength(4);
    const appended = await recordAuditEvent(db, { actor: null, action: "audit.view", outcome: "success" }, { checkpoints: null });
    events.push({ actor: null, action: "audit.view", outcome: "success" });
    const rest: string[] = [];
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest.push(new TextDecoder().decode(chunk.value));
    const seqs = rest
      .join("")
      .trimEnd()
      .split("\n")
      .map((line) => (JSON.parse(line) as ExportedLine).seq);
    expect(seqs.at(-1)).toBe(String(appended.seq - 1n));
    expect(rest.length).toBe(Math.ceil((Number(appended.seq) - 1 - 4) / 4));
  });

  it("can be cancelled part way", async () => {
    const reader = exportAuditEvents(db, {}, "jsonl", { batchSize: 2 }).getReader();
    await reader.read();
    await expect(reader.cancel()).resolves.toBeUndefined();
  });

  it("errors the stream, rather than ending it as if complete, when the database goes away mid-way", async () => {
    const { db: doomed, name } = await server.createDatabase("audit_export_outage");
    for (let index = 0; index < 6; index += 1) await recordAuditEvent(doomed, { actor: null, action: "audit.view", outcome: "success" }, { checkpoints: null });
    const reader = exportAuditEvents(doomed, {}, "jsonl", { batchSize: 2 }).getReader();
    expect((await reader.read()).done).toBe(false);
    await superuserQuery(
      server.postgres.url,
      `ALTER DATABASE "${name}" ALLOW_CONNECTIONS false;
       SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`,
    );
    const drain = async () => {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read());
    };
    await expect(drain()).rejects.toThrow();
  });
});

describe("exportAuditEvents as CSV", () => {
  it("has a UTF-8 byte-order mark, a header and one RFC 4180 record per event", async () => {
    const text = await readAll(exportAuditEvents(db, {}, "csv"));
    expect(text.startsWith("\uFEFFseq,occurred_at,actor_issuer,")).toBe(true);
    const [header, ...records] = parseCsv(text.slice(1));
    expect(header).toEqual([
      "seq",
      "occurred_at",
      "actor_issuer",
      "actor_subject",
      "actor_email",
      "actor_roles",
      "action",
      "target_type",
      "target_id",
      "organization_id",
      "params",
      "outcome",
      "request_id",
      "upstream_request_id",
      "client_ip",
      "user_agent",
      "body_sha256",
      "prev_hash",
      "row_hash",
    ]);
    expect(records).toHaveLength(events.length);
    const first = Object.fromEntries(header!.map((name, column) => [name, records[0]![column]]));
    expect(first).toMatchObject({
      seq: "1",
      occurred_at: minutes(0),
      actor_roles: '["auditor"]',
      params: '{"index":0,"query":"名前=値, \\"quoted\\""}',
      user_agent: "",
    });
    expect(AUDIT_EXPORT_CONTENT_TYPES.csv).toMatch(/^text\/csv/);
  });

  it("defuses cells a spreadsheet would run as formulas, and quotes what needs quoting", async () => {
    const text = await readAll(exportAuditEvents(db, { actions: ACTIONS.slice() }, "csv"));
    const [header, ...records] = parseCsv(text.slice(1));
    const column = header!.indexOf("target_id");
    const exported = new Set(records.map((record) => record[column]));
    expect(exported).toEqual(new Set(['\'=HYPERLINK("http://evil.test","x")', "'+1", "'-2", "'@SUM(A1)", "'\tTab", "'\rCR", 'a,b "c"\nd', "plain", ""]));
    // The raw text shows the quoting itself: doubled quotes inside a quoted cell.
    expect(text).toContain('"\'=HYPERLINK(""http://evil.test"",""x"")"');
    expect(text).toContain('"a,b ""c""\nd"');
  });
});

interface ExportedLine {
  seq: string;
  prev_hash: string;
  row_hash: string;
  body_sha256: string;
  body: Record<string, unknown>;
}

/** JCS for what the audit body holds (strings, safe integers, booleans, null): an auditor's own. */
function independentJcs(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(independentJcs).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${independentJcs(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** A strict RFC 4180 reader: quoted fields may hold commas, doubled quotes, CR and LF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '"' && field === "") {
      index += 1;
      for (;;) {
        const next = text[index]!;
        if (next === '"' && text[index + 1] === '"') {
          field += '"';
          index += 2;
        } else if (next === '"') {
          index += 1;
          break;
        } else {
          field += next;
          index += 1;
        }
      }
    } else if (char === ",") {
      record.push(field);
      field = "";
      index += 1;
    } else if (char === "\r" && text[index + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      index += 2;
    } else {
      if (char === '"' || char === "\r" || char === "\n") throw new Error(`unquoted ${JSON.stringify(char)} at ${index}`);
      field += char;
      index += 1;
    }
  }
  if (field !== "" || record.length > 0) throw new Error("the last record does not end with CRLF");
  return records;
}
