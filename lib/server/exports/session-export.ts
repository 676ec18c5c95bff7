import "server-only";
import type { ChatMessage } from "@/lib/schemas/console";
import type { SessionKind, SessionSummary } from "@/lib/schemas/sessions";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { ComplianceResponseError } from "@/lib/server/compliance/errors";
import { UNTRUNCATED } from "@/lib/server/console/get-chat-messages";
import { toLocalTranscriptMessage, toRemoteTranscriptMessage } from "@/lib/server/console/get-session-transcript";
import { toLocalSessionSummary, toRemoteSessionSummary } from "@/lib/server/console/list-sessions";
import { sessionSubject, sessionTranscriptHeader, transcriptFooter, transcriptMessage, type TranscriptOptions } from "@/lib/thread/markdown-transcript";
import { ToolCallPairer } from "@/lib/thread/pair-tool-blocks";
import type { ChatExportFormat, ExportSink } from "./chat-export";

/** Messages per request: the API's largest page (tool output can make one a few MiB). */
const MESSAGES_PER_PAGE = 200;
/** How many later messages a tool call waits for its result before the transcript gives up on pairing it. */
const PAIRING_WINDOW = 50;
/** The API's paging fields: the export merges every page, so they describe the whole transcript instead. */
const PAGE_FIELDS = new Set(["data", "next_page"]);

export interface SessionExportSummary {
  session: SessionSummary;
  messages: number;
  pages: number;
  upstreamRequestIds: string[];
}

interface TranscriptPage {
  summary: SessionSummary;
  messages: ChatMessage[];
  raw: Record<string, unknown>;
  nextPage: string | null;
  requestId: string | null;
}

/** One form the transcript is written in, and where to. */
export interface SessionExportTarget {
  format: ChatExportFormat;
  sink: ExportSink;
}

/**
 * Writes one session's whole transcript, every page read once, oldest first, with tool output
 * untruncated, in each of the chosen forms at once: Markdown (through the chat transcript's own
 * writer) or the API's own JSON with every page merged. A local session's owner email is read from
 * the session itself (its transcript leaves it out).
 */
export async function writeSessionExport(
  client: ComplianceClient,
  kind: SessionKind,
  sessionId: string,
  targets: readonly SessionExportTarget[],
  transcript: TranscriptOptions,
  signal: AbortSignal,
): Promise<SessionExportSummary> {
  const upstreamRequestIds: string[] = [];
  let session: SessionSummary | null = null;
  if (kind === "local") {
    const read = await client.sessions.getLocal(sessionId, { signal });
    if (read.requestId) upstreamRequestIds.push(read.requestId);
    session = toLocalSessionSummary(read.data);
  }
  const writers = targets.map(({ format, sink }) => (format === "json" ? jsonWriter(sink) : markdownWriter(sink, transcript)));
  let messages = 0;
  let page: string | undefined;
  for (let first = true; ; first = false) {
    const read = await readPage(client, kind, sessionId, page, signal);
    if (read.requestId) upstreamRequestIds.push(read.requestId);
    session ??= read.summary;
    for (const writer of writers) {
      if (first) await writer.start(session, read);
      await writer.page(session, read);
    }
    messages += read.messages.length;
    if (read.nextPage === null) break;
    if (read.nextPage === page)
      throw new ComplianceResponseError("The Compliance API gave the same page token twice for a session transcript.", read.requestId);
    page = read.nextPage;
  }
  for (const writer of writers) await writer.end(session!, messages);
  return { session: session!, messages, pages: upstreamRequestIds.length, upstreamRequestIds };
}

interface FormatWriter {
  start(session: SessionSummary, page: TranscriptPage): Promise<void>;
  page(session: SessionSummary, page: TranscriptPage): Promise<void>;
  end(session: SessionSummary, messages: number): Promise<void>;
}

/** The API's own transcript, every page merged: the first page's fields, then every message as sent. */
function jsonWriter(sink: ExportSink): FormatWriter {
  let wroteMessage = false;
  return {
    async start(_session, page) {
      const fields = Object.entries(page.raw).filter(([name]) => !PAGE_FIELDS.has(name));
      await sink.write(`{\n${fields.map(([name, value]) => `  ${JSON.stringify(name)}: ${JSON.stringify(value)},\n`).join("")}  "data": [`);
    },
    async page(_session, page) {
      for (const message of rawMessagesOf(page.raw)) {
        await sink.write(`${wroteMessage ? "," : ""}\n    ${JSON.stringify(message)}`);
        wroteMessage = true;
      }
    },
    async end() {
      await sink.write(`${wroteMessage ? "\n  " : ""}],\n  "next_page": null\n}\n`);
    },
  };
}

function markdownWriter(sink: ExportSink, options: TranscriptOptions): FormatWriter {
  const pairer = new ToolCallPairer(PAIRING_WINDOW);
  let position = 0;
  const writeReleased = async (session: SessionSummary, released: ReturnType<ToolCallPairer["push"]>) => {
    for (const paired of released) await sink.write(`${transcriptMessage(sessionSubject(session), paired, ++position, options)}\n`);
  };
  return {
    async start(session) {
      await sink.write(`${sessionTranscriptHeader(session, options)}\n`);
    },
    async page(session, page) {
      for (const message of page.messages) await writeReleased(session, pairer.push(message));
    },
    async end(session, messages) {
      await writeReleased(session, pairer.finish());
      await sink.write(transcriptFooter(messages));
    },
  };
}

async function readPage(
  client: ComplianceClient,
  kind: SessionKind,
  sessionId: string,
  page: string | undefined,
  signal: AbortSignal,
): Promise<TranscriptPage> {
  const query = { page, limit: MESSAGES_PER_PAGE, order: "asc" as const, toolResultMaxBytes: UNTRUNCATED, toolUseInputMaxBytes: UNTRUNCATED };
  return kind === "local"
    ? toTranscriptPage(await client.sessions.listLocalMessages(sessionId, query, { signal }), toLocalSessionSummary, toLocalTranscriptMessage)
    : toTranscriptPage(await client.sessions.listRemoteMessages(sessionId, query, { signal }), toRemoteSessionSummary, toRemoteTranscriptMessage);
}

function toTranscriptPage<S, M>(
  { data, raw, requestId }: { data: { session: S; data: M[]; next_page: string | null }; raw: unknown; requestId: string | null },
  toSummary: (session: S) => SessionSummary,
  toMessage: (message: M, raw: unknown) => ChatMessage,
): TranscriptPage {
  const rawPage = rawObject(raw, requestId);
  const rawMessages = rawMessagesOf(rawPage);
  return {
    summary: toSummary(data.session),
    messages: data.data.map((message, index) => toMessage(message, rawMessages[index])),
    raw: rawPage,
    nextPage: data.next_page,
    requestId,
  };
}

function rawMessagesOf(rawPage: Record<string, unknown>): unknown[] {
  return Array.isArray(rawPage.data) ? rawPage.data : [];
}

function rawObject(raw: unknown, requestId: string | null): Record<string, unknown> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new ComplianceResponseError("The Compliance API returned a session transcript that is not a JSON object.", requestId);
  }
  return raw as Record<string, unknown>;
}
