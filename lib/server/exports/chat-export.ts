import "server-only";
import type { ChatSummary } from "@/lib/schemas/console";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { ComplianceResponseError } from "@/lib/server/compliance/errors";
import type { ChatWithMessages } from "@/lib/server/compliance/schemas/chats";
import { toChatMessage, UNTRUNCATED } from "@/lib/server/console/get-chat-messages";
import { toChatSummary } from "@/lib/server/console/to-dto";
import { chatSubject, transcriptFooter, transcriptHeader, transcriptMessage, type TranscriptOptions } from "@/lib/thread/markdown-transcript";
import { ToolCallPairer } from "@/lib/thread/pair-tool-blocks";

export type ChatExportFormat = "markdown" | "json";

/** Messages per request: large enough to keep a 10,000-message chat to 50 requests, small enough that an untruncated page stays a few MiB. */
const MESSAGES_PER_PAGE = 200;
/** How many later messages a tool call waits for its result before the transcript gives up on pairing it. */
const PAIRING_WINDOW = 50;
/** The API's paging fields: the export merges every page, so they describe the whole chat instead. */
const PAGE_FIELDS = new Set(["chat_messages", "has_more", "first_id", "last_id"]);

/** Where the export's text goes, a piece at a time (a spool on disk). */
export interface ExportSink {
  write(text: string): Promise<void>;
}

export interface ChatExportSummary {
  chat: ChatSummary;
  messages: number;
  pages: number;
  /** The request-id of every page read, in order: the provenance of what was written. */
  upstreamRequestIds: string[];
}

/** One form the chat is written in, and where to. */
export interface ChatExportTarget {
  format: ChatExportFormat;
  sink: ExportSink;
}

/**
 * Writes one chat, every page of its messages, in each of the chosen forms at once (each page is read
 * once, whatever the number of forms). Tool output is read untruncated: an export is evidence, not a
 * preview. Pages are read forward with the API's cursors; a page that claims more but gives no cursor
 * to continue from is refused, rather than looping or stopping short. `onPage` sees every page as
 * parsed (a collection finds the chat's files there).
 */
export async function writeChatExport(
  client: ComplianceClient,
  chatId: string,
  targets: readonly ChatExportTarget[],
  transcript: TranscriptOptions,
  signal: AbortSignal,
  onPage?: (page: ChatWithMessages) => void,
): Promise<ChatExportSummary> {
  const writers = targets.map(({ format, sink }) => (format === "json" ? jsonWriter(sink) : markdownWriter(sink, transcript)));
  const upstreamRequestIds: string[] = [];
  let chat: ChatSummary | null = null;
  let messages = 0;
  let cursor: string | undefined;
  for (;;) {
    const { data, raw, requestId } = await client.chats.getMessages(
      chatId,
      { afterId: cursor, limit: MESSAGES_PER_PAGE, order: "asc", toolResultMaxChars: UNTRUNCATED, toolUseInputMaxChars: UNTRUNCATED },
      { signal },
    );
    if (requestId) upstreamRequestIds.push(requestId);
    const rawPage = rawObject(raw, requestId);
    onPage?.(data);
    if (chat === null) {
      chat = toChatSummary(data);
      for (const writer of writers) await writer.start(data, rawPage);
    }
    for (const writer of writers) await writer.page(data, rawPage, messages);
    messages += data.chat_messages.length;
    if (!data.has_more) {
      for (const writer of writers) await writer.end(data, messages);
      return { chat, messages, pages: upstreamRequestIds.length, upstreamRequestIds };
    }
    if (data.last_id === null || data.last_id === cursor || data.chat_messages.length === 0) {
      throw new ComplianceResponseError("The Compliance API said the chat has more messages but gave no cursor to read them from.", requestId);
    }
    cursor = data.last_id;
  }
}

interface FormatWriter {
  start(page: ChatWithMessages, rawPage: Record<string, unknown>): Promise<void>;
  page(page: ChatWithMessages, rawPage: Record<string, unknown>, messagesBefore: number): Promise<void>;
  end(lastPage: ChatWithMessages, messages: number): Promise<void>;
}

/**
 * The API's own response, every page merged: the chat's fields as the first page sent them (unknown
 * ones included), then every message exactly as sent, one per line, then paging fields that describe
 * the whole chat (no more pages; its first and last message ids).
 */
function jsonWriter(sink: ExportSink): FormatWriter {
  let firstId: unknown = null;
  let wroteMessage = false;
  return {
    async start(_page, rawPage) {
      firstId = rawPage.first_id ?? null;
      const fields = Object.entries(rawPage).filter(([name]) => !PAGE_FIELDS.has(name));
      await sink.write(`{\n${fields.map(([name, value]) => `  ${JSON.stringify(name)}: ${JSON.stringify(value)},\n`).join("")}  "chat_messages": [`);
    },
    async page(_page, rawPage) {
      const rawMessages = Array.isArray(rawPage.chat_messages) ? (rawPage.chat_messages as unknown[]) : [];
      for (const message of rawMessages) {
        await sink.write(`${wroteMessage ? "," : ""}\n    ${JSON.stringify(message)}`);
        wroteMessage = true;
      }
    },
    async end(lastPage) {
      await sink.write(
        `${wroteMessage ? "\n  " : ""}],\n  "has_more": false,\n  "first_id": ${JSON.stringify(firstId)},\n  "last_id": ${JSON.stringify(lastPage.last_id)}\n}\n`,
      );
    },
  };
}

function markdownWriter(sink: ExportSink, options: TranscriptOptions): FormatWriter {
  const pairer = new ToolCallPairer(PAIRING_WINDOW);
  let chat: ChatSummary | null = null;
  let position = 0;
  const writeReleased = async (released: ReturnType<ToolCallPairer["push"]>) => {
    for (const paired of released) await sink.write(`${transcriptMessage(chatSubject(chat!), paired, ++position, options)}\n`);
  };
  return {
    async start(page) {
      chat = toChatSummary(page);
      await sink.write(`${transcriptHeader(chat, options)}\n`);
    },
    async page(page) {
      for (const message of page.chat_messages) await writeReleased(pairer.push(toChatMessage(message)));
    },
    async end(_lastPage, messages) {
      await writeReleased(pairer.finish());
      await sink.write(transcriptFooter(messages));
    },
  };
}

function rawObject(raw: unknown, requestId: string | null): Record<string, unknown> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new ComplianceResponseError("The Compliance API returned a chat that is not a JSON object.", requestId);
  }
  return raw as Record<string, unknown>;
}
