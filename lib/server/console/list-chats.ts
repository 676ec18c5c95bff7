import "server-only";
import type { ChatPage } from "@/lib/schemas/console";
import type { ChatListQuery, ComplianceClient } from "@/lib/server/compliance/client";
import { chunk, compareChats, MAX_USERS_PER_CHAT_QUERY, mergeSortedChats } from "@/lib/server/compliance/merge-chat-listings";
import { itemsOf, walkCursorPages } from "@/lib/server/compliance/pagination";
import { compareTimestamps } from "@/lib/server/compliance/timestamps";
import type { ConsoleRead } from "./console-read";
import { explainChatListRules } from "./explain-chat-list-rules";
import { decodeContinuation, encodeContinuation } from "./many-custodian-continuation";
import type { ChatListRequest } from "./request-schemas";
import { requestIdCollector, timeRange, toChatSummary } from "./to-dto";

const DEFAULT_LIMIT = 50;

/**
 * One page of chats, for the selected users or organisation-wide. Filter combinations the API
 * refuses are explained before any request. Up to ten users, the API's own cursors page both ways.
 */
export async function listChats(client: ComplianceClient, request: ChatListRequest): Promise<ConsoleRead<ChatPage>> {
  explainChatListRules(request);
  const userIds = [...new Set(request.userIds ?? [])];
  if (userIds.length > MAX_USERS_PER_CHAT_QUERY) return listChatsOfManyUsers(client, request, userIds);
  const perUser = userIds.length > 0;
  const { data, requestId } = await client.chats.list({
    ...filtersOf(request, request.createdFrom),
    userIds: perUser ? userIds : undefined,
    orderBy: request.orderBy,
    afterId: request.after,
    beforeId: request.before,
    limit: request.limit ?? DEFAULT_LIMIT,
  });
  return {
    dto: {
      chats: data.data.map(toChatSummary),
      // Organisation-wide lists cannot page backwards (the API refuses before_id there).
      firstCursor: perUser ? data.first_id : null,
      lastCursor: data.last_id,
      hasMore: data.has_more,
    },
    upstreamRequestIds: requestId ? [requestId] : [],
  };
}

/**
 * More than ten users: the API takes ten user ids per request, so each batch of ten is listed in
 * the API's order (created_at, then id) and the batches are merged. API cursors cannot span batches,
 * so the continuation is Docket's own: the position of the last chat shown. The next page asks every
 * batch for chats created at or after that time (created_at.gte) and skips those at or before the
 * position in the same order. This stays correct when chats are deleted between pages and needs no
 * per-batch state; the cost is re-reading the few chats that share the position's timestamp.
 * Such listings page forward only (explained to the reviewer before any request).
 */
async function listChatsOfManyUsers(client: ComplianceClient, request: ChatListRequest, userIds: string[]): Promise<ConsoleRead<ChatPage>> {
  const limit = request.limit ?? DEFAULT_LIMIT;
  const position = request.after === undefined ? null : decodeContinuation(request.after);
  const createdFrom =
    position && (request.createdFrom === undefined || compareTimestamps(position.created_at, request.createdFrom) > 0)
      ? position.created_at
      : request.createdFrom;
  const filters = filtersOf(request, createdFrom);
  const requestIds = requestIdCollector();
  const batches = chunk(userIds, MAX_USERS_PER_CHAT_QUERY).map((batch) =>
    itemsOf(
      walkCursorPages(
        (cursor) => client.chats.list({ ...filters, ...cursor, userIds: batch, limit: Math.min(limit + 1, 1000) }).then(requestIds.keep),
        "after",
      ),
    ),
  );
  const chats: ChatPage["chats"] = [];
  let last = position;
  let hasMore = false;
  for await (const chat of mergeSortedChats(batches)) {
    if (position && compareChats(chat, position) <= 0) continue;
    if (chats.length === limit) {
      hasMore = true;
      break;
    }
    chats.push(toChatSummary(chat));
    last = chat;
  }
  return {
    dto: { chats, firstCursor: null, lastCursor: hasMore && last ? encodeContinuation(last) : null, hasMore },
    upstreamRequestIds: requestIds.ids,
  };
}

function filtersOf(request: ChatListRequest, createdFrom: string | undefined): ChatListQuery {
  return {
    organizationIds: request.orgIds,
    projectIds: request.projectIds,
    createdAt: timeRange(createdFrom, request.createdTo),
    updatedAt: timeRange(request.updatedFrom, request.updatedTo),
  };
}
