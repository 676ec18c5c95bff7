// A session's transcript exported whole, checked against the simulator's own answers read with plain
// HTTP: the JSON is the API's, every page merged; the Markdown has every message and what the API
// says of it. The audit rows carry the file's SHA-256.
import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { SessionKind } from "@/lib/schemas/sessions";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { respondWithSessionExport, type SessionExportRequest } from "@/lib/server/exports/respond-with-session-export";
import { describeNotice } from "@/lib/thread/message-notice";
import { FULL_KEY, setUpSimulatorWithClient, type RunningSimulator } from "@/tests/support/simulator";
import { memoryRecorder, readBody, REQUEST_METADATA, reviewer } from "../files/file-fixtures";

let simulator: RunningSimulator;
let client: ComplianceClient;
setUpSimulatorWithClient({ rateLimitPerMinute: 100_000 }, (started) => ({ simulator, client } = started));
let evidenceDir: string;
beforeAll(async () => {
  evidenceDir = await mkdtemp(path.join(tmpdir(), "docket-session-export-"));
});
afterAll(async () => {
  await rm(evidenceDir, { recursive: true, force: true });
});

const exportRequest = (kind: SessionKind, sessionId: string, format: SessionExportRequest["format"]): SessionExportRequest => ({
  actor: reviewer(),
  metadata: REQUEST_METADATA,
  signal: new AbortController().signal,
  kind,
  sessionId,
  format,
  includeMetadata: true,
  evidenceDir,
});

/** The transcript as the API gives it, page by page with plain HTTP, independently of Docket's client. */
async function walkTheApi(kind: SessionKind, sessionId: string): Promise<{ top: Record<string, unknown>; messages: Array<Record<string, unknown>> }> {
  const messages: Array<Record<string, unknown>> = [];
  let top: Record<string, unknown> | null = null;
  let page: string | null = null;
  for (;;) {
    const url = new URL(`/v1/compliance/apps/sessions/${kind}/${sessionId}/messages`, simulator.url);
    url.searchParams.set("limit", "7");
    url.searchParams.set("tool_result_max_bytes", "-1");
    url.searchParams.set("tool_use_input_max_bytes", "-1");
    if (page) url.searchParams.set("page", page);
    const response = await fetch(url, { headers: { "x-api-key": FULL_KEY } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown> & { data: Array<Record<string, unknown>>; next_page: string | null };
    top ??= body;
    messages.push(...body.data);
    if (!body.next_page) return { top, messages };
    page = body.next_page;
  }
}

const sessions = () =>
  [
    ["local", simulator.fixtures.localSession],
    ["local", simulator.fixtures.localSessionNotCaptured],
    ["remote", simulator.fixtures.remoteSessionActive],
  ] as Array<[SessionKind, string]>;

describe("respondWithSessionExport", () => {
  test("JSON: the API's own transcript, every page merged, every field kept; hashed in the headers and the audit log", async () => {
    for (const [kind, sessionId] of sessions()) {
      const { rows, record } = memoryRecorder();
      const response = await respondWithSessionExport(client, record, exportRequest(kind, sessionId, "json"));
      const { bytes, error } = await readBody(response);
      expect(error).toBeNull();
      const exported = JSON.parse(bytes.toString("utf8")) as Record<string, unknown>;
      const api = await walkTheApi(kind, sessionId);
      const { data: _data, next_page: _next, ...apiTop } = api.top;
      expect(exported).toEqual({ ...apiTop, data: api.messages, next_page: null });
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      expect(response.headers.get("x-docket-sha256")).toBe(sha256);
      expect(response.headers.get("x-docket-message-count")).toBe(String(api.messages.length));
      expect(rows.map((row) => [row.action, row.outcome, row.target])).toEqual([
        ["session_transcript.export", "intent", { type: `${kind}_session`, id: sessionId }],
        ["session_transcript.export", "success", { type: `${kind}_session`, id: sessionId }],
      ]);
      expect(rows[0]!.params).toMatchObject({ format: "json", sha256, messages: api.messages.length });
    }
  });

  test("Markdown: a header with the session's facts, every message in order, and what the API says of a message without content", async () => {
    for (const [kind, sessionId] of sessions()) {
      const { record } = memoryRecorder();
      const response = await respondWithSessionExport(client, record, exportRequest(kind, sessionId, "markdown"));
      const { bytes } = await readBody(response);
      const markdown = bytes.toString("utf8");
      const api = await walkTheApi(kind, sessionId);
      expect(markdown).toMatch(/^# Session transcript: /);
      expect(markdown).toContain(`| Session id | \`${sessionId}\` |`);
      expect(markdown.match(/^## \d+\. /gm)).toHaveLength(api.messages.length);
      for (const message of api.messages) expect(markdown).toContain(`Message id: \`${String(message.id)}\``);
      expect(markdown).toContain(`*End of transcript: ${api.messages.length} ${api.messages.length === 1 ? "message" : "messages"}.*`);
    }
  });

  test("a session whose content was not captured says so on each message, as the page does", async () => {
    const sessionId = simulator.fixtures.localSessionNotCaptured;
    const { record } = memoryRecorder();
    const markdown = (await readBody(await respondWithSessionExport(client, record, exportRequest("local", sessionId, "markdown")))).bytes.toString("utf8");
    const api = await walkTheApi("local", sessionId);
    const withNotice = api.messages.filter((message) => message.provenance);
    expect(withNotice.length).toBeGreaterThan(0);
    for (const message of withNotice) {
      const provenance = message.provenance as { type: string; reason: string | null };
      const { title } = describeNotice({ kind: provenance.type, reason: provenance.reason });
      expect(markdown).toContain(`> **${title}**`);
    }
  });

  test("a session the API does not have: its error, a failure row, nothing sent", async () => {
    const { rows, record } = memoryRecorder();
    await expect(respondWithSessionExport(client, record, exportRequest("remote", "cse_01AAAAAAAAAAAAAAAAAAAAAA", "markdown"))).rejects.toMatchObject({
      status: 404,
    });
    expect(rows.map((row) => [row.outcome, row.params])).toEqual([["failure", expect.objectContaining({ sent: "nothing" })]]);
  });
});
