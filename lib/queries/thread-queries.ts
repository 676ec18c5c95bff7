import { infiniteQueryOptions, queryOptions, type InfiniteData } from "@tanstack/react-query";
import { ChatOverview, ChatThreadPage, RawJsonDocument } from "@/lib/schemas/console";
import { newestMessageSearch, nextPageParam, previousPageParam, threadPageSearch, type ThreadOpening, type ThreadPageParam } from "@/lib/thread/thread-pages";
import { apiFetch } from "./api-fetch";

/** Messages per request: enough to fill several screens, small enough that the first one answers at once. */
export const THREAD_PAGE_SIZE = 100;

export type ThreadData = InfiniteData<ChatThreadPage, ThreadPageParam>;

export const threadKeys = {
  all: ["thread"] as const,
  messages: (chatId: string, opening: ThreadOpening) => [...threadKeys.all, chatId, "messages", opening] as const,
};

/** One page of a chat's messages; `untruncated` asks for tool inputs and results in full. */
export async function fetchThreadPage(
  chatId: string,
  param: ThreadPageParam,
  options: { untruncated?: boolean; signal?: AbortSignal } = {},
): Promise<ChatThreadPage> {
  const messagesUrl = (search: URLSearchParams) => `/api/chats/${encodeURIComponent(chatId)}/messages?${search.toString()}`;
  if (param.kind === "end") {
    // Two requests instead of walking every page (a hundred in the longest chats): find the newest
    // message's time, then open there like a deep link, with earlier pages fetched on the way up.
    const newest = await apiFetch(messagesUrl(newestMessageSearch()), ChatThreadPage, { signal: options.signal });
    const last = newest.messages[0];
    if (!last) return newest;
    return fetchThreadPage(chatId, { kind: "at", at: last.createdAt }, options);
  }
  return apiFetch(messagesUrl(threadPageSearch(param, THREAD_PAGE_SIZE, options.untruncated ?? false)), ChatThreadPage, { signal: options.signal });
}

type ThreadKey = ReturnType<typeof threadKeys.messages>;

export const threadMessagesOptions = (chatId: string, opening: ThreadOpening) =>
  // Named types, so that the data keeps its page parameters typed (they tell how each page was asked for).
  infiniteQueryOptions<ChatThreadPage, Error, ThreadData, ThreadKey, ThreadPageParam>({
    queryKey: threadKeys.messages(chatId, opening),
    initialPageParam: opening,
    queryFn: ({ pageParam, signal }) => fetchThreadPage(chatId, pageParam, { signal }),
    getNextPageParam: (lastPage) => nextPageParam(lastPage),
    getPreviousPageParam: (firstPage, _pages, firstParam) => previousPageParam(firstPage, firstParam),
    // A refetch would reload (and audit) every loaded page, up to a hundred for the longest chats; messages do not change while read.
    staleTime: Infinity,
  });

/**
 * One message of a chat exactly as the API sent it. Read at the message's own time and, unless the
 * thread shows its tool text cut, untruncated: the JSON behind what the thread shows.
 */
export async function fetchRawChatMessage(chatId: string, message: { id: string; createdAt: string }, cut: boolean, signal: AbortSignal): Promise<string> {
  const search = new URLSearchParams({ at: message.createdAt });
  if (!cut) search.set("untruncated", "1");
  const url = `/api/chats/${encodeURIComponent(chatId)}/messages/${encodeURIComponent(message.id)}?${search.toString()}`;
  return (await apiFetch(url, RawJsonDocument, { signal })).json;
}

export const chatOverviewOptions = (chatId: string) =>
  queryOptions({
    queryKey: [...threadKeys.all, chatId, "overview"] as const,
    queryFn: ({ signal }) => apiFetch(`/api/chats/${encodeURIComponent(chatId)}/overview`, ChatOverview, { signal }),
    // Counting reads every page of the chat: once per visit is enough.
    staleTime: Infinity,
  });
