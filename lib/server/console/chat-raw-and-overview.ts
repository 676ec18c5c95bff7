import "server-only";
import { CHAT_OVERVIEW_MAX_PAGES, CHAT_OVERVIEW_PAGE_SIZE, type ChatOverview, type RawJsonDocument } from "@/lib/schemas/console";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { AppError } from "@/lib/server/http/errors";
import type { ConsoleRead } from "./console-read";
import { UNTRUNCATED } from "./get-chat-messages";
import type { RawChatMessageRequest } from "./request-schemas";

/** Enough for every message sharing one creation time. */
const SAME_TIME_PAGE_SIZE = 1000;
/** Counting needs no tool text: the API's smallest cut keeps each page light. */
const SHORTEST_TOOL_TEXT = 1;

function rawMessagesOf(raw: unknown): unknown[] {
  const messages = typeof raw === "object" && raw !== null ? (raw as { chat_messages?: unknown }).chat_messages : undefined;
  return Array.isArray(messages) ? messages : [];
}

/** The chat object as sent, every field in its order, with the message list left to the messages. */
function chatWithoutMessages(raw: unknown): Record<string, unknown> {
  if (typeof raw !== "object" || raw === null) return {};
  return Object.fromEntries(Object.entries(raw).filter(([key]) => key !== "chat_messages"));
}

/** One message of a chat exactly as the API sent it, unknown fields included. */
export async function getRawChatMessage(
  client: ComplianceClient,
  chatId: string,
  messageId: string,
  request: RawChatMessageRequest,
): Promise<ConsoleRead<RawJsonDocument>> {
  const full = request.untruncated === "1" ? UNTRUNCATED : undefined;
  const { data, raw, requestId } = await client.chats.getMessages(chatId, {
    createdAt: { gte: request.at, lte: request.at },
    limit: SAME_TIME_PAGE_SIZE,
    toolResultMaxChars: full,
    toolUseInputMaxChars: full,
  });
  const message = rawMessagesOf(raw).find((candidate) => (candidate as { id?: unknown } | null)?.id === messageId);
  if (message === undefined) {
    throw new AppError("not_found", `Message ${messageId} is not in this chat at ${request.at}. Reload the thread: the chat may have changed.`);
  }
  return { dto: { json: JSON.stringify(message) }, upstreamRequestIds: requestId ? [requestId] : [], organizationId: data.organization_uuid };
}

/**
 * A whole chat counted: every message page read oldest first with tool text cut to the minimum, up to
 * CHAT_OVERVIEW_MAX_PAGES pages (the API gives no totals of its own).
 */
export async function getChatOverview(client: ComplianceClient, chatId: string): Promise<ConsoleRead<ChatOverview>> {
  const requestIds: string[] = [];
  const byRole = new Map<string, number>();
  const byIntegration = new Map<string | null, number>();
  let chatJson = "";
  let model: string | null = null;
  let organizationId: string | null = null;
  let messageCount = 0;
  let firstMessageAt: string | null = null;
  let lastMessageAt: string | null = null;
  let toolCalls = 0;
  let failedToolResults = 0;
  let uploadedFiles = 0;
  let generatedFiles = 0;
  let artifacts = 0;
  let after: string | undefined;
  let complete = false;

  for (let page = 0; page < CHAT_OVERVIEW_MAX_PAGES; page++) {
    const { data, raw, requestId } = await client.chats.getMessages(chatId, {
      afterId: after,
      limit: CHAT_OVERVIEW_PAGE_SIZE,
      order: "asc",
      toolResultMaxChars: SHORTEST_TOOL_TEXT,
      toolUseInputMaxChars: SHORTEST_TOOL_TEXT,
    });
    if (requestId) requestIds.push(requestId);
    if (page === 0) {
      chatJson = JSON.stringify(chatWithoutMessages(raw));
      model = data.model;
      organizationId = data.organization_uuid;
    }
    for (const message of data.chat_messages) {
      messageCount += 1;
      firstMessageAt ??= message.created_at;
      lastMessageAt = message.created_at;
      byRole.set(message.role, (byRole.get(message.role) ?? 0) + 1);
      for (const block of message.content) {
        if (block.type === "tool_use") {
          toolCalls += 1;
          byIntegration.set(block.integration_name, (byIntegration.get(block.integration_name) ?? 0) + 1);
        } else if (block.type === "tool_result" && block.is_error) failedToolResults += 1;
      }
      uploadedFiles += message.files?.length ?? 0;
      generatedFiles += message.generated_files?.length ?? 0;
      artifacts += message.artifacts?.length ?? 0;
    }
    if (!data.has_more || data.last_id === null) {
      complete = true;
      break;
    }
    after = data.last_id;
  }

  return {
    dto: {
      chatJson,
      messageCount,
      firstMessageAt,
      lastMessageAt,
      byRole: [...byRole].map(([role, count]) => ({ role, count })).sort((a, b) => a.role.localeCompare(b.role)),
      toolCalls,
      toolCallsByIntegration: [...byIntegration]
        .map(([integration, count]) => ({ integration, count }))
        .sort((a, b) => b.count - a.count || (a.integration ?? "").localeCompare(b.integration ?? "")),
      failedToolResults,
      model,
      uploadedFiles,
      generatedFiles,
      artifacts,
      complete,
    },
    upstreamRequestIds: requestIds,
    organizationId,
  };
}
