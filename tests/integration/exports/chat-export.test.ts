import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AuditWriteError, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { ComplianceApiError } from "@/lib/server/compliance/errors";
import { respondWithChatExport, type ChatExportRequest } from "@/lib/server/exports/respond-with-chat-export";
import { startTestDatabase, type TestDatabase } from "@/tests/support/database";
import { FULL_KEY, setUpSimulatorWithClient, type RunningSimulator } from "@/tests/support/simulator";
import { ABSENT } from "@/tests/support/simulator-ids";
import { memoryRecorder, readBody, REQUEST_METADATA, reviewer } from "../files/file-fixtures";

let simulator: RunningSimulator;
let client: ComplianceClient;
setUpSimulatorWithClient({ rateLimitPerMinute: 100_000 }, (started) => ({ simulator, client } = started));
let postgres: TestDatabase;
let db: PrismaClient;
let evidenceDir: string;
beforeAll(async () => {
  postgres = await startTestDatabase();
  ({ db } = await postgres.createDatabase("chat_exports"));
  evidenceDir = await mkdtemp(path.join(tmpdir(), "docket-chat-export-"));
});
afterAll(async () => {
  await postgres?.stop();
  await rm(evidenceDir, { recursive: true, force: true });
});
beforeEach(() => simulator.reset());

const exportRequest = (chatId: string, format: ChatExportRequest["format"], overrides: Partial<ChatExportRequest> = {}): ChatExportRequest => ({
  actor: reviewer(),
  metadata: REQUEST_METADATA,
  signal: new AbortController().signal,
  chatId,
  format,
  includeMetadata: true,
  evidenceDir,
  ...overrides,
});
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const spoolsLeft = async () => readdir(path.join(evidenceDir, "spool")).catch(() => []);

/** The chat as the API gives it, walked page by page with plain HTTP, independently of Docket's client. */
async function walkTheApi(chatId: string): Promise<{ top: Record<string, unknown>; messages: unknown[]; lastId: string | null }> {
  const messages: unknown[] = [];
  let top: Record<string, unknown> | null = null;
  let after: string | null = null;
  for (;;) {
    const url = new URL(`/v1/compliance/apps/chats/${chatId}/messages`, simulator.url);
    url.searchParams.set("limit", "1000");
    url.searchParams.set("tool_result_max_chars", "-1");
    url.searchParams.set("tool_use_input_max_chars", "-1");
    if (after) url.searchParams.set("after_id", after);
    const response = await fetch(url, { headers: { "x-api-key": FULL_KEY, "anthropic-version": "2023-06-01" } });
    expect(response.status).toBe(200);
    const page = (await response.json()) as Record<string, unknown> & { chat_messages: unknown[]; has_more: boolean; last_id: string | null };
    top ??= page;
    messages.push(...page.chat_messages);
    if (!page.has_more) return { top, messages, lastId: page.last_id };
    after = page.last_id;
  }
}

describe("respondWithChatExport", () => {
  test("JSON: the API's own responses, every page merged, every field kept; hashed in the headers and the audit log", async () => {
    const { id, messageCount } = simulator.fixtures.longChat;
    const { rows, record } = memoryRecorder();
    const response = await respondWithChatExport(client, record, exportRequest(id, "json"));
    expect(rows.map((row) => row.outcome)).toEqual(["intent"]);
    const { bytes, error } = await readBody(response);
    expect(error).toBeNull();

    const exported = JSON.parse(bytes.toString("utf8")) as Record<string, unknown> & { chat_messages: Array<{ id: string }> };
    const api = await walkTheApi(id);
    expect(exported.chat_messages).toHaveLength(messageCount);
    expect(exported.chat_messages).toEqual(api.messages);
    const { chat_messages: _apiMessages, has_more: _more, last_id: _last, ...apiChat } = api.top;
    // The chat's fields, and the first page's first cursor, as the API sent them.
    expect(exported).toMatchObject(apiChat);
    // A field Docket's schema does not declare is kept all the same.
    expect(Object.keys(exported)).toContain("organization_id");
    expect(exported.has_more).toBe(false);
    expect(exported.last_id).toBe(api.lastId);

    const digest = sha256(bytes);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${id}.json"; filename*=UTF-8''${id}.json`,
      "content-length": String(bytes.length),
      "x-docket-sha256": digest,
      "repr-digest": `sha-256=:${createHash("sha256").update(bytes).digest("base64")}:`,
      "x-docket-message-count": String(messageCount),
      "x-content-type-options": "nosniff",
    });
    expect(rows).toEqual([
      expect.objectContaining({
        action: "chat.export",
        target: { type: "chat", id },
        outcome: "intent",
        params: expect.objectContaining({ format: "json", sha256: digest, bytes: bytes.length, messages: messageCount }),
        upstreamRequestId: expect.stringMatching(/^req_/),
      }),
      expect.objectContaining({ action: "chat.export", outcome: "success", params: expect.objectContaining({ sha256: digest, bytesSent: bytes.length }) }),
    ]);
    expect(await spoolsLeft()).toEqual([]);
  });

  test("Markdown: every message in order with its tool calls paired, and the same hash in header and log", async () => {
    const chatId = simulator.fixtures.toolsChat;
    const { rows, record } = memoryRecorder();
    const response = await respondWithChatExport(client, record, exportRequest(chatId, "markdown"));
    const { bytes } = await readBody(response);
    const markdown = bytes.toString("utf8");
    const api = await walkTheApi(chatId);
    const headings = markdown.split("\n").filter((line) => /^## \d+\. /.test(line));
    expect(headings).toHaveLength(api.messages.length);
    for (const [index, message] of (api.messages as Array<{ id: string }>).entries()) {
      expect(markdown).toContain(`Message id: \`${message.id}\``);
      expect(headings[index]).toMatch(new RegExp(`^## ${index + 1}\\. `));
    }
    const calls = (api.messages as Array<{ content: Array<{ type: string; id?: string }> }>).flatMap((message) =>
      message.content.filter((block) => block.type === "tool_use"),
    );
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) if (call.id) expect(markdown).toContain(`call id \`${call.id}\``);
    expect(markdown).not.toContain("Tool result without its call");
    expect(response.headers.get("x-docket-sha256")).toBe(sha256(bytes));
    expect(rows.at(-1)).toMatchObject({ outcome: "success", params: { format: "markdown", includeMetadata: true, sha256: sha256(bytes) } });
  });

  test("Markdown without metadata leaves ids out; a soft-deleted chat says its content is gone", async () => {
    const response = await respondWithChatExport(
      client,
      memoryRecorder().record,
      exportRequest(simulator.fixtures.softDeletedChat, "markdown", { includeMetadata: false }),
    );
    const markdown = (await readBody(response)).bytes.toString("utf8");
    expect(markdown).not.toContain("Message id:");
    expect(markdown).not.toContain("| Chat id |");
    expect(markdown).toContain("This chat was deleted by its user in claude.ai");
    expect(markdown).toContain("*(No content: the chat was deleted in claude.ai.)*");
  });

  test("a chat the API does not have: its error, a failure row, nothing sent and no spool left", async () => {
    const { rows, record } = memoryRecorder();
    const failure = await respondWithChatExport(client, record, exportRequest(ABSENT.chat, "markdown")).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ComplianceApiError);
    expect((failure as ComplianceApiError).status).toBe(404);
    expect(rows).toEqual([expect.objectContaining({ action: "chat.export", outcome: "failure", params: expect.objectContaining({ sent: "nothing" }) })]);
    expect(await spoolsLeft()).toEqual([]);
  });

  test("a page that fails and is retried still gives every message once", async () => {
    const { id, messageCount } = simulator.fixtures.longChat;
    simulator.setFaults([{ match: { path: `/v1/compliance/apps/chats/${id}/messages` }, times: 3, fault: { type: "status", status: 503 } }]);
    const response = await respondWithChatExport(client, memoryRecorder().record, exportRequest(id, "json"));
    const exported = JSON.parse((await readBody(response)).bytes.toString("utf8")) as { chat_messages: Array<{ id: string }> };
    const ids = exported.chat_messages.map((message) => message.id);
    expect(new Set(ids).size).toBe(messageCount);
    expect(ids).toHaveLength(messageCount);
  });

  test("when the intent row cannot be written, nothing is sent and the spool is removed", async () => {
    const refuse = async () => {
      throw new AuditWriteError("database", "the database is down");
    };
    await expect(respondWithChatExport(client, refuse, exportRequest(simulator.fixtures.toolsChat, "json"))).rejects.toBeInstanceOf(AuditWriteError);
    expect(await spoolsLeft()).toEqual([]);
  });

  test("a reviewer who goes away mid-download leaves a failure row with the bytes sent, and no spool", async () => {
    const { rows, record } = memoryRecorder();
    const response = await respondWithChatExport(client, record, exportRequest(simulator.fixtures.longChat.id, "json"));
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    await reader.cancel();
    expect(rows.at(-1)).toMatchObject({ outcome: "failure", params: { bytesSent: first.value!.length } });
    expect(rows.at(-1)!.params!.bytesSent).toBeLessThan(rows.at(-1)!.params!.bytes as number);
    expect(await spoolsLeft()).toEqual([]);
  });

  test("rows written to the real audit log carry the export's SHA-256", async () => {
    const record = (event: Parameters<typeof recordAuditEvent>[1]) => recordAuditEvent(db, event, { checkpoints: null });
    const response = await respondWithChatExport(client, record, exportRequest(simulator.fixtures.filesChat, "markdown"));
    const { bytes } = await readBody(response);
    const stored = await db.$queryRaw<Array<{ outcome: string; sha256: string }>>`
      SELECT outcome, params->>'sha256' AS sha256 FROM audit_event WHERE action = 'chat.export' ORDER BY seq`;
    expect(stored).toEqual([
      { outcome: "intent", sha256: sha256(bytes) },
      { outcome: "success", sha256: sha256(bytes) },
    ]);
  });
});
