"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { use, useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type Key, type WheelEvent } from "react";
import { ErrorNotice } from "@/components/layout/error-notice";
import { ControlsOnceHydrated, useIsHydrated } from "@/components/layout/hydration";
import { formatUtc } from "@/components/thread/format";
import { preloadMarkdownRenderer, ServerFormattedTexts } from "@/components/thread/markdown-text";
import { MessageRow } from "@/components/thread/message-row";
import { THREAD_EDGE_HEIGHT, ThreadEdge } from "@/components/thread/thread-edge";
import { ThreadHeader } from "@/components/thread/thread-header";
import { ThreadLoading } from "@/components/thread/thread-loading";
import { useSearchHighlights } from "@/components/thread/use-search-highlights";
import { publishApiBudget } from "@/lib/queries/api-budget-store";
import { ApiRequestError } from "@/lib/queries/api-fetch";
import { fetchThreadPage, threadKeys, threadMessagesOptions, type ThreadData } from "@/lib/queries/thread-queries";
import type { ChatMessage } from "@/lib/schemas/console";
import { pairToolBlocks } from "@/lib/thread/pair-tool-blocks";
import { FIRST_SCREEN_ROWS, servedBudget, textsFormattedOnServer, type FirstThreadPage, type ServedOpening } from "@/lib/thread/served-thread-page";
import { earlierMessages, type ThreadOpening } from "@/lib/thread/thread-pages";
import { findMatchingMessages } from "@/lib/thread/thread-search";

/** Close to a typical row, so the scrollbar barely jumps as rows are measured. */
const ESTIMATED_ROW_HEIGHT = 180;
/** Start fetching the next (or previous) page this many rows before the edge, so scrolling rarely waits. */
const PREFETCH_MARGIN = 30;

type Jump = { kind: "message"; messageId: string } | { kind: "first" } | { kind: "last" };
type SearchState = { term: string; currentId: string | null };

const TOOL_BUTTON = "rounded border border-slate-300 px-2 py-1 disabled:opacity-50";

type ThreadViewProps = {
  chatId: string;
  /** Where the page opened the thread: at its start, or at a deep link's (validated) time. */
  opening: ServedOpening;
  /** That opening's page, read on the server (in time for the page's shell, or streamed after it); the view never asks for it again. */
  firstPage: FirstThreadPage | Promise<FirstThreadPage>;
  initialMessageId?: string;
  /** A link's time that is not a valid timestamp: said, never sent. */
  ignoredAt?: string;
};

export function ThreadView({ chatId, opening: servedOpening, firstPage, initialMessageId, ignoredAt }: ThreadViewProps) {
  const { served, formattedTexts } = "then" in firstPage ? use(firstPage) : firstPage;
  const queryClient = useQueryClient();
  const [opening, setOpening] = useState<ThreadOpening>(servedOpening);
  // A refused opening page is shown as a failed query would be; its Retry asks the messages route.
  const [refusal, setRefusal] = useState(() =>
    served.ok ? null : new ApiRequestError(served.refusal.status, served.refusal.code, served.refusal.message, served.refusal.requestId, served.refusal.upstreamRequestId, served.refusal.retryAfterSeconds),
  );
  const query = useInfiniteQuery({
    ...threadMessagesOptions(chatId, opening),
    // Only for the page's own opening (that very object): an opening asked for later, even the same one
    // again, is the cache's to answer, or the route's.
    initialData: served.ok && opening === servedOpening ? { pages: [served.page], pageParams: [servedOpening] } : undefined,
    enabled: refusal === null,
  });
  useEffect(() => {
    const budget = servedBudget(served, new Date());
    if (budget) publishApiBudget(budget);
  }, [served]);
  const formattedByText = useMemo(() => new Map(served.ok ? textsFormattedOnServer(served.page).map((text, index) => [text, formattedTexts[index]]) : []), [served, formattedTexts]);
  // The rows the server rendered are laid out one after another until the browser has taken over the
  // page (the virtualiser needs the scroller's size, which only the browser knows), then the same rows
  // are placed by the virtualiser where they already are.
  const isHydrated = useIsHydrated();
  const { hasNextPage, hasPreviousPage, isFetching, isFetchingNextPage, isFetchingPreviousPage, isFetchNextPageError, isFetchPreviousPageError, fetchNextPage, fetchPreviousPage } =
    query;
  const pages = query.data?.pages;
  const firstPageParam = query.data?.pageParams[0];

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
  const earlier = firstPageParam ? earlierMessages(firstPageParam, hasPreviousPage) : "none";

  // The virtualiser reads the scroller in its layout effect, before a state update could deliver it (a
  // jump in the same commit would be lost); the highlighter must hear when it appears: so both.
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const attachScroller = useCallback((element: HTMLDivElement | null) => {
    scrollRef.current = element;
    setScroller(element);
  }, []);
  // The React Compiler is not enabled, and the virtualiser is read only during this component's own render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    getItemKey: (index) => messages[index]!.id,
    overscan: 4,
    paddingStart: THREAD_EDGE_HEIGHT,
    paddingEnd: THREAD_EDGE_HEIGHT,
    // When earlier messages are prepended, the virtualiser finds the row being read by its key in the
    // new layout and shifts the scroll position by what was added above it, so that row stays put.
    anchorTo: "end",
  });
  const virtualRows = virtualizer.getVirtualItems();
  const firstRenderedIndex = virtualRows[0]?.index ?? 0;
  const lastRenderedIndex = virtualRows.at(-1)?.index ?? -1;
  const isScrollingBack = virtualizer.scrollDirection === "backward";

  // Rows past the first screen, and pages fetched here, need the markdown renderer the server spared the
  // first screen: it starts loading as soon as the reviewer scrolls, well before those rows come into view.
  const hasScrolled = (virtualizer.scrollOffset ?? 0) > 0;
  useEffect(() => {
    if (isFetching || hasScrolled) preloadMarkdownRenderer();
  }, [isFetching, hasScrolled]);

  // One fetch at a time: TanStack Query cancels a page fetch in flight when another direction's starts.
  useEffect(() => {
    if (lastRenderedIndex >= messages.length - PREFETCH_MARGIN && hasNextPage && !isFetching && !isFetchNextPageError) void fetchNextPage();
  }, [lastRenderedIndex, messages.length, hasNextPage, isFetching, isFetchNextPageError, fetchNextPage]);
  // Earlier pages wait for the reviewer to scroll toward them, so a deep link opens with one request.
  const canFetchEarlier = hasPreviousPage && !isFetching && !isFetchPreviousPageError;
  useEffect(() => {
    if (isScrollingBack && firstRenderedIndex <= PREFETCH_MARGIN && canFetchEarlier) void fetchPreviousPage();
  }, [isScrollingBack, firstRenderedIndex, canFetchEarlier, fetchPreviousPage]);
  // Already at the top, a wheel turned upward moves nothing and so is no scroll: it asks for earlier messages itself.
  const onWheel = (event: WheelEvent<HTMLDivElement>) => {
    if (event.deltaY < 0 && event.currentTarget.scrollTop <= THREAD_EDGE_HEIGHT && canFetchEarlier) void fetchPreviousPage();
  };

  // A jump may need pages not loaded yet: it is kept until the target arrives, then done once.
  const pendingJump = useRef<Jump | null>(initialMessageId ? { kind: "message", messageId: initialMessageId } : null);
  const advancePendingJump = useCallback(() => {
    const jump = pendingJump.current;
    // Before the first page arrives there is no next page either, which must not read as "not in this chat".
    if (!jump || !pages) return;
    if (jump.kind === "first") {
      pendingJump.current = null;
      virtualizer.scrollToOffset(0);
      return;
    }
    const targetIndex = jump.kind === "last" ? (hasNextPage ? undefined : messages.length - 1) : indexById.get(jump.messageId);
    if (targetIndex !== undefined) {
      pendingJump.current = null;
      if (jump.kind === "last") virtualizer.scrollToEnd();
      else virtualizer.scrollToIndex(targetIndex, { align: "start" });
    } else if (hasNextPage && !isFetching && !isFetchNextPageError) void fetchNextPage();
    else if (!hasNextPage) pendingJump.current = null;
  }, [pages, hasNextPage, isFetching, isFetchNextPageError, fetchNextPage, indexById, messages.length, virtualizer]);
  useEffect(advancePendingJump, [advancePendingJump]);

  const jumpToFirst = () => {
    pendingJump.current = { kind: "first" };
    // Paging back to the start could take a hundred requests (each one audited) in the longest chats;
    // opening the thread afresh at its start takes one.
    if (earlier === "none") advancePendingJump();
    else setOpening({ kind: "start" });
  };
  const jumpToLast = () => {
    pendingJump.current = { kind: "last" };
    // Like Jump to first: reopening at the end takes two requests where paging there could take a hundred.
    if (hasNextPage) setOpening({ kind: "end" });
    else advancePendingJump();
  };

  const [search, setSearch] = useState<SearchState>({ term: "", currentId: null });
  // Matches follow the loaded messages, and the current one is kept by id, so prepended pages shift nothing.
  const matchIds = useMemo(() => findMatchingMessages(messages, search.term).map((index) => messages[index]!.id), [messages, search.term]);
  const position = search.currentId === null ? -1 : matchIds.indexOf(search.currentId);
  const showSearchHit = (term: string, messageId: string | null) => {
    setSearch({ term, currentId: messageId });
    const index = messageId === null ? undefined : indexById.get(messageId);
    if (index !== undefined) virtualizer.scrollToIndex(index, { align: "center" });
  };
  const stepSearch = (step: 1 | -1) => {
    const count = matchIds.length;
    if (count === 0) return;
    const next = position === -1 ? (step === 1 ? 0 : count - 1) : (position + step + count) % count;
    showSearchHit(search.term, matchIds[next]!);
  };
  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const term = String(new FormData(event.currentTarget).get("term") ?? "");
    if (term === search.term && matchIds.length > 0) return stepSearch(1);
    const firstHit = findMatchingMessages(messages, term)[0];
    showSearchHit(term, firstHit === undefined ? null : messages[firstHit]!.id);
  };
  useSearchHighlights(scroller, search.term, search.currentId);

  const reload = useMutation({
    mutationFn: async (messageId: string) => {
      const pageIndex = pageIndexById.get(messageId);
      const key = threadKeys.messages(chatId, opening);
      const param = pageIndex === undefined ? undefined : queryClient.getQueryData<ThreadData>(key)?.pageParams[pageIndex];
      if (!param) return;
      const page = await fetchThreadPage(chatId, param, { untruncated: true });
      // Found again by its parameter: pages prepended meanwhile have shifted the indexes.
      queryClient.setQueryData<ThreadData>(key, (current) =>
        current ? { ...current, pages: current.pages.map((existing, index) => (current.pageParams[index] === param ? page : existing)) } : current,
      );
    },
  });
  const loadUntruncated = reload.mutate;

  if (!query.data) {
    const failure = refusal ?? (query.isError ? query.error : null);
    if (failure)
      return (
        <ControlsOnceHydrated className="space-y-2">
          <ErrorNotice error={failure} />
          <button type="button" onClick={() => (refusal ? setRefusal(null) : void query.refetch())} className="text-sm font-semibold underline">
            Retry
          </button>
        </ControlsOnceHydrated>
      );
    return <ThreadLoading />;
  }

  const chat = query.data.pages[0]!.chat;
  const shownRows: Array<{ key: Key; index: number; top: number | null }> = isHydrated
    ? virtualRows.map((row) => ({ key: row.key, index: row.index, top: row.start }))
    : paired.slice(0, FIRST_SCREEN_ROWS).map((row, index) => ({ key: row.message.id, index, top: null }));
  const highlightedId = search.currentId ?? initialMessageId;
  const attachmentCount = messages.reduce((sum, message) => sum + message.files.length + message.generatedFiles.length + message.artifacts.length, 0);
  const deepLinkMissing = initialMessageId !== undefined && !hasNextPage && !indexById.has(initialMessageId);
  const pageError = (isFetchPreviousPageError || isFetchNextPageError) && query.error;

  return (
    <ControlsOnceHydrated className="flex min-h-0 flex-1 flex-col gap-3">
      <ThreadHeader chat={chat} loadedCount={messages.length} attachmentCount={attachmentCount} earlier={earlier} hasLater={hasNextPage} />
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <form role="search" onSubmit={onSearch} className="flex items-center gap-2">
          <label htmlFor="thread-search" className="text-xs font-semibold text-slate-600">
            Search loaded messages
          </label>
          <input
            id="thread-search"
            name="term"
            type="search"
            onChange={(event) => {
              if (event.currentTarget.value.trim() === "") setSearch({ term: "", currentId: null });
            }}
            onKeyDown={(event) => {
              if (event.key === "Enter" && event.shiftKey) {
                event.preventDefault();
                stepSearch(-1);
              }
            }}
            className="rounded border border-slate-300 px-2 py-1 text-sm"
          />
          <button type="submit" className={TOOL_BUTTON}>
            Find
          </button>
          <button type="button" onClick={() => stepSearch(-1)} disabled={matchIds.length === 0} className={TOOL_BUTTON}>
            Previous
          </button>
          <button type="button" onClick={() => stepSearch(1)} disabled={matchIds.length === 0} className={TOOL_BUTTON}>
            Next
          </button>
          <span role="status" className="text-xs text-slate-600">
            {search.term === ""
              ? ""
              : matchIds.length === 0
                ? "No match in the loaded messages"
                : position === -1
                  ? `${matchIds.length} in the loaded messages`
                  : `${position + 1} of ${matchIds.length}`}
          </span>
        </form>
        <div className="ml-auto flex gap-2">
          <button type="button" onClick={jumpToFirst} className={TOOL_BUTTON}>
            Jump to first
          </button>
          <button type="button" onClick={jumpToLast} className={TOOL_BUTTON}>
            Jump to last
          </button>
        </div>
      </div>
      {ignoredAt !== undefined && <p className="text-sm text-amber-800">The link&apos;s time is not a valid timestamp, so it was ignored: the thread is read from its first message.</p>}
      {deepLinkMissing && (
        <p className="text-sm text-amber-800">
          Message {initialMessageId} is not {opening.kind === "at" ? `among this chat's messages from ${formatUtc(opening.at)} on` : "in this chat"}.
        </p>
      )}
      {reload.isError && <ErrorNotice error={reload.error} />}
      {pageError && (
        <div className="flex items-start gap-3">
          <ErrorNotice error={pageError} />
          <button type="button" onClick={() => void (isFetchPreviousPageError ? fetchPreviousPage() : fetchNextPage())} disabled={isFetching} className={TOOL_BUTTON}>
            Retry
          </button>
        </div>
      )}
      {messages.length === 0 && earlier === "none" && !hasNextPage ? (
        <p className="text-sm text-slate-500">This chat has no messages.</p>
      ) : (
        <div ref={attachScroller} onWheel={onWheel} className="min-h-0 flex-1 overflow-auto rounded-lg border border-slate-200 [overflow-anchor:none]" data-testid="thread-scroller">
          <div className="relative w-full" style={isHydrated ? { height: virtualizer.getTotalSize() } : { paddingBlock: THREAD_EDGE_HEIGHT }}>
            <ThreadEdge
              side="start"
              isFetching={isFetchingPreviousPage}
              canLoad={hasPreviousPage}
              isBusy={isFetching}
              isBoundary={earlier === "none"}
              onLoad={() => void fetchPreviousPage()}
            />
            <ServerFormattedTexts value={formattedByText}>
              {shownRows.map((row) => (
                // Keyed by message id either way, so the server's rows stay the same elements once placed.
                <div
                  key={row.key}
                  data-index={row.index}
                  ref={virtualizer.measureElement}
                  className={row.top === null ? undefined : "absolute left-0 top-0 w-full"}
                  style={row.top === null ? undefined : { transform: `translateY(${row.top}px)` }}
                >
                  <MessageRow
                    chatId={chatId}
                    paired={paired[row.index]!}
                    isHighlighted={paired[row.index]!.message.id === highlightedId}
                    isReloading={reload.isPending && reload.variables === paired[row.index]!.message.id}
                    onLoadUntruncated={loadUntruncated}
                  />
                </div>
              ))}
            </ServerFormattedTexts>
            {(isHydrated || paired.length <= FIRST_SCREEN_ROWS) && (
              <ThreadEdge side="end" isFetching={isFetchingNextPage} canLoad={hasNextPage} isBusy={isFetching} isBoundary onLoad={() => void fetchNextPage()} />
            )}
          </div>
        </div>
      )}
    </ControlsOnceHydrated>
  );
}
