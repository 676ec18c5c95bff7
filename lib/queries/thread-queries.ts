import { infiniteQueryOptions, type InfiniteData } from "@tanstack/react-query";
import { ChatThreadPage } from "@/lib/schemas/console";
import { apiFetch } from "./api-fetch";

/** Messages per request: enough to fill several screens, small enough that the first one answers at once. */
export const THREAD_PAGE_SIZE = 100;

export type ThreadData = InfiniteData<ChatThreadPage, string | undefined>;

export const threadKeys = {
  all: ["thread"] as const,
  messages: (chatId: string) => [...threadKeys.all, chatId, "messages"] as const,
};

/** One page of a chat's messages, after the given cursor; `untruncated` asks for tool inputs and results in full. */
export function fetchThreadPage(chatId: string, after: string | undefined, options: { untruncated?: boolean; signal?: AbortSignal } = {}) {
  const query = new URLSearchParams({ limit: String(THREAD_PAGE_SIZE), order: "asc" });
  if (after) query.set("after", after);
  if (options.untruncated) query.set("untruncated", "1");
  return apiFetch(`/api/chats/${encodeURIComponent(chatId)}/messages?${query.toString()}`, ChatThreadPage, { signal: options.signal });
}

export const threadMessagesOptions = (chatId: string) =>
  infiniteQueryOptions({
    queryKey: threadKeys.messages(chatId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => fetchThreadPage(chatId, pageParam, { signal }),
    getNextPageParam: (page) => (page.hasMore ? (page.lastCursor ?? undefined) : undefined),
    // A refetch would reload (and audit) every loaded page, up to a hundred for the longest chats; messages do not change while read.
    staleTime: Infinity,
  });
