import "server-only";
import type { ChatMessage, ChatThreadPage, MessageBlock } from "@/lib/schemas/console";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import type { ChatMessage as UpstreamChatMessage } from "@/lib/server/compliance/schemas/chats";
import type { ContentBlock } from "@/lib/server/compliance/schemas/content-blocks";
import { AppError } from "@/lib/server/http/errors";
import type { ConsoleRead } from "./console-read";
import type { ChatMessagesRequest } from "./request-schemas";
import { toChatSummary, toMessageFile } from "./to-dto";

/** Without a limit the API returns every message; a 10,000-message chat is read in pages instead. */
const DEFAULT_LIMIT = 100;
/** The API's value for "do not truncate". */
export const UNTRUNCATED = -1;

/** A chat's header and one page of its messages. */
export async function getChatMessages(client: ComplianceClient, chatId: string, request: ChatMessagesRequest): Promise<ConsoleRead<ChatThreadPage>> {
  if (request.after !== undefined && request.before !== undefined) {
    throw new AppError("invalid_request", "Page either forward (after) or backward (before), not both at once. Remove one of the two cursors.");
  }
  const full = request.untruncated === "1" ? UNTRUNCATED : undefined;
  const { data, requestId } = await client.chats.getMessages(chatId, {
    afterId: request.after,
    beforeId: request.before,
    limit: request.limit ?? DEFAULT_LIMIT,
    order: request.order,
    createdAt: request.from === undefined ? undefined : { gte: request.from },
    toolResultMaxChars: full,
    toolUseInputMaxChars: full,
  });
  return {
    dto: {
      chat: toChatSummary(data),
      messages: data.chat_messages.map(toChatMessage),
      firstCursor: data.first_id,
      lastCursor: data.last_id,
      hasMore: data.has_more,
    },
    upstreamRequestIds: requestId ? [requestId] : [],
    organizationId: data.organization_uuid,
  };
}

export function toChatMessage(message: UpstreamChatMessage): ChatMessage {
  return {
    id: message.id,
    role: message.role,
    createdAt: message.created_at,
    blocks: message.content.map(toMessageBlock),
    files: (message.files ?? []).map(toMessageFile),
    generatedFiles: (message.generated_files ?? []).map(toMessageFile),
    artifacts: (message.artifacts ?? []).map((artifact) => ({
      id: artifact.id,
      versionId: artifact.version_id,
      title: artifact.title,
      artifactType: artifact.artifact_type,
    })),
  };
}

export function toMessageBlock(block: ContentBlock): MessageBlock {
  switch (block.type) {
    case "text":
      return { type: "text", text: block.text, thinkingRedacted: block.thinking_redacted, truncated: block.truncated };
    case "tool_use":
      return {
        type: "tool_use",
        id: block.id,
        name: block.name,
        input: block.input,
        integrationName: block.integration_name,
        mcpServerUrl: block.mcp_server_url,
        truncated: block.truncated,
      };
    case "tool_result":
      return {
        type: "tool_result",
        toolUseId: block.tool_use_id,
        name: block.name,
        content: block.content.map((item) => ({ type: item.type, text: item.text })),
        isError: block.is_error,
        integrationName: block.integration_name,
        mcpServerUrl: block.mcp_server_url,
        truncated: block.truncated,
      };
    case "unknown":
      return { type: "unknown", originalType: block.original_type, rawJson: JSON.stringify(block.raw) };
  }
}
