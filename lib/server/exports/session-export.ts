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

/**
 * Writes one session's whole transcript, every page read oldest first with tool output untruncated,
 * as Markdown (through the chat transcript's own writer) or as the API's own JSON with every page
 * merged. A local session's owner email is read from the session itself (its transcript leaves it out).
 */
export async function writeSessionExport(
  client: ComplianceClient,
  kind: SessionKind,
  sessionId: string,
  format: ChatExportFormat,
  sink: ExportSink,
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
  const pairer = new ToolCallPairer(PAIRING_WINDOW);
  let position = 0;
  let messages = 0;
  let wroteMessage = false;
  let page: string | undefined;
  for (let first = true; ; first = false) {
    const read = await readPage(client, kind, sessionId, page, signal);
    if (read.requestId) upstreamRequestIds.push(read.requestId);
    session ??= read.summary;
    if (first) {
      if (format === "markdown") await sink.write(`${sessionTranscriptHeader(session, transcript)}\n`);
      else {
        const fields = Object.entries(read.raw).filter(([name]) => !PAGE_FIELDS.has(name));
        await sink.write(`{\n${fields.map(([name, value]) => `  ${JSON.stringify(name)}: ${JSON.stringify(value)},\n`).join("")}  "data": [`);
      }
    }
    if (format === "markdown") {
      for (const message of read.messages) {
        for (const paired of pairer.push(message)) await sink.write(`${transcriptMessage(sessionSubject(session), paired, ++position, transcript)}\n`);
      }
    } else {
      for (const message of rawMessagesOf(read.raw)) {
        await sink.write(`${wroteMessage ? "," : ""}\n    ${JSON.stringify(message)}`);
        wroteMessage = true;
      }
    }
    messages += read.messages.length;
    if (read.nextPage === null) break;
    if (read.nextPage === page)
      throw new ComplianceResponseError("The Compliance API gave the same page token twice for a session transcript.", read.requestId);
    page = read.nextPage;
  }
  if (format === "markdown") {
    for (const paired of pairer.finish()) await sink.write(`${transcriptMessage(sessionSubject(session!), paired, ++position, transcript)}\n`);
    await sink.write(transcriptFooter(messages));
  } else {
    await sink.write(`${wroteMessage ? "\n  " : ""}],\n  "next_page": null\n}\n`);
  }
  return { session: session!, messages, pages: upstreamRequestIds.length, upstreamRequestIds };
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
