"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { ErrorNotice } from "@/components/layout/error-notice";
import { MessageRow } from "@/components/thread/message-row";
import { ThreadHeader } from "@/components/thread/thread-header";
import { fetchThreadPage, threadKeys, threadMessagesOptions, type ThreadData } from "@/lib/queries/thread-queries";
import type { ChatMessage } from "@/lib/schemas/console";
import { pairToolBlocks } from "@/lib/thread/pair-tool-blocks";
import { findMatchingMessages } from "@/lib/thread/thread-search";

/** Close to a typical row, so the scrollbar barely jumps as rows are measured. */
const ESTIMATED_ROW_HEIGHT = 180;
/** Start fetching the next page this many rows before the end, so scrolling rarely waits. */
const PREFETCH_MARGIN = 30;

type Jump = { kind: "message"; messageId: string } | { kind: "last" };
type SearchState = { term: string; matches: number[]; position: number };

export function ThreadView({ chatId, initialMessageId }: { chatId: string; initialMessageId?: string }) {
  const queryClient = useQueryClient();
  const query = useInfiniteQuery(threadMessagesOptions(chatId));
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const pages = query.data?.pages;

  const { messages, pageIndexById } = useMemo(() => {
    const loaded: ChatMessage[] = [];
    const pageIndexes = new Map<string, number>();
    pages?.forEach((page, pageIndex) => {
      for (const message of page.messages) {
        loaded.push(message);
        pageIndexes.set(message.id, pageIndex);
      }
    });
    return { messages: loaded, pageIndexById: pageIndexes };
  }, [pages]);
  const paired = useMemo(() => pairToolBlocks(messages), [messages]);
  const indexById = useMemo(() => new Map(messages.map((message, index) => [message.id, index])), [messages]);

  const scrollRef = useRef<HTMLDivElement>(null);
  // The React Compiler is not enabled, and the virtualiser is read only during this component's own render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    getItemKey: (index) => messages[index]!.id,
    overscan: 4,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastRenderedIndex = virtualRows.at(-1)?.index ?? -1;

  useEffect(() => {
    if (lastRenderedIndex >= messages.length - PREFETCH_MARGIN && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [lastRenderedIndex, messages.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  // A jump may need pages not loaded yet: it is kept until the target arrives, then done once.
  const pendingJump = useRef<Jump | null>(initialMessageId ? { kind: "message", messageId: initialMessageId } : null);
  const advancePendingJump = useCallback(() => {
    const jump = pendingJump.current;
    // Before the first page arrives there is no next page either, which must not read as "not in this chat".
    if (!jump || !pages) return;
    const targetIndex = jump.kind === "last" ? (hasNextPage ? undefined : messages.length - 1) : indexById.get(jump.messageId);
    if (targetIndex !== undefined) {
      pendingJump.current = null;
      virtualizer.scrollToIndex(targetIndex, { align: jump.kind === "last" ? "end" : "center" });
    } else if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
    else if (!hasNextPage) pendingJump.current = null;
  }, [pages, hasNextPage, isFetchingNextPage, fetchNextPage, indexById, messages.length, virtualizer]);
  useEffect(advancePendingJump, [advancePendingJump]);

  const [search, setSearch] = useState<SearchState>({ term: "", matches: [], position: 0 });
  const currentMatchIndex = search.matches[search.position];
  const showSearchHit = (state: SearchState) => {
    setSearch(state);
    const index = state.matches[state.position];
    if (index !== undefined) virtualizer.scrollToIndex(index, { align: "center" });
  };
  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const term = String(new FormData(event.currentTarget).get("term") ?? "");
    if (term === search.term && search.matches.length > 0) return stepSearch(1);
    showSearchHit({ term, matches: findMatchingMessages(messages, term), position: 0 });
  };
  const stepSearch = (step: 1 | -1) => {
    const count = search.matches.length;
    if (count > 0) showSearchHit({ ...search, position: (search.position + step + count) % count });
  };

  const reload = useMutation({
    mutationFn: async (messageId: string) => {
      const pageIndex = pageIndexById.get(messageId);
      const data = queryClient.getQueryData<ThreadData>(threadKeys.messages(chatId));
      if (pageIndex === undefined || !data) return;
      const page = await fetchThreadPage(chatId, data.pageParams[pageIndex], { untruncated: true });
      queryClient.setQueryData<ThreadData>(threadKeys.messages(chatId), (current) =>
        current ? { ...current, pages: current.pages.map((existing, index) => (index === pageIndex ? page : existing)) } : current,
      );
    },
  });
  const loadUntruncated = reload.mutate;

  if (query.isPending) return <p className="text-sm text-slate-500">Loading the thread…</p>;
  if (query.isError)
    return (
      <div className="space-y-2">
        <ErrorNotice error={query.error} />
        <button type="button" onClick={() => void query.refetch()} className="text-sm font-semibold underline">
          Retry
        </button>
      </div>
    );

  const chat = query.data.pages[0]!.chat;
  const highlightedId = currentMatchIndex !== undefined ? messages[currentMatchIndex]?.id : initialMessageId;
  const attachmentCount = messages.reduce((sum, message) => sum + message.files.length + message.generatedFiles.length + message.artifacts.length, 0);
  const deepLinkMissing = initialMessageId !== undefined && !hasNextPage && !indexById.has(initialMessageId);

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3">
      <ThreadHeader chat={chat} loadedCount={messages.length} attachmentCount={attachmentCount} hasMore={hasNextPage} />
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <form role="search" onSubmit={onSearch} className="flex items-center gap-2">
          <label htmlFor="thread-search" className="text-xs font-semibold text-slate-600">
            Search loaded messages
          </label>
          <input
            id="thread-search"
            name="term"
            type="search"
            onKeyDown={(event) => {
              if (event.key === "Enter" && event.shiftKey) {
                event.preventDefault();
                stepSearch(-1);
              }
            }}
            className="rounded border border-slate-300 px-2 py-1 text-sm"
          />
          <button type="submit" className="rounded border border-slate-300 px-2 py-1">
            Find
          </button>
          <button type="button" onClick={() => stepSearch(-1)} disabled={search.matches.length === 0} className="rounded border border-slate-300 px-2 py-1 disabled:opacity-50">
            Previous
          </button>
          <button type="button" onClick={() => stepSearch(1)} disabled={search.matches.length === 0} className="rounded border border-slate-300 px-2 py-1 disabled:opacity-50">
            Next
          </button>
          <span role="status" className="text-xs text-slate-600">
            {search.term === "" ? "" : search.matches.length === 0 ? "No match in the loaded messages" : `${search.position + 1} of ${search.matches.length}`}
          </span>
        </form>
        <div className="ml-auto flex gap-2">
          <button type="button" onClick={() => virtualizer.scrollToIndex(0)} className="rounded border border-slate-300 px-2 py-1">
            Jump to first
          </button>
          <button
            type="button"
            onClick={() => {
              pendingJump.current = { kind: "last" };
              advancePendingJump();
            }}
            className="rounded border border-slate-300 px-2 py-1"
          >
            Jump to last
          </button>
        </div>
      </div>
      {deepLinkMissing && <p className="text-sm text-amber-800">Message {initialMessageId} is not in this chat.</p>}
      {reload.isError && <ErrorNotice error={reload.error} />}
      {messages.length === 0 ? (
        <p className="text-sm text-slate-500">This chat has no messages.</p>
      ) : (
        <div ref={scrollRef} className="min-h-0 flex-1 overflow-auto rounded-lg border border-slate-200" data-testid="thread-scroller">
          <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
            {virtualRows.map((row) => (
              <div key={row.key} data-index={row.index} ref={virtualizer.measureElement} className="absolute left-0 top-0 w-full" style={{ transform: `translateY(${row.start}px)` }}>
                <MessageRow
                  paired={paired[row.index]!}
                  isHighlighted={paired[row.index]!.message.id === highlightedId}
                  isReloading={reload.isPending && reload.variables === paired[row.index]!.message.id}
                  onLoadUntruncated={loadUntruncated}
                />
              </div>
            ))}
          </div>
        </div>
      )}
      {isFetchingNextPage && <p className="text-xs text-slate-500">Loading more messages…</p>}
    </div>
  );
}
