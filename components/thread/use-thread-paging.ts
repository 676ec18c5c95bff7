import { useEffect, type WheelEvent } from "react";
import { preloadMarkdownRenderer } from "@/components/thread/markdown-text";
import { THREAD_EDGE_HEIGHT } from "@/components/thread/thread-edge";
import type { TranscriptPaging } from "./transcript-paging";
import type { ThreadVirtualizer } from "./use-thread-virtualizer";

/** Start fetching the next (or previous) page this many rows before the edge, so scrolling rarely waits. */
const PREFETCH_MARGIN = 30;

/**
 * Fetches later pages as the reviewer nears the end and earlier ones as they scroll back toward the
 * start, one fetch at a time (TanStack Query cancels a page fetch in flight when another direction's starts).
 */
export function useThreadPaging(query: TranscriptPaging, virtualizer: ThreadVirtualizer, messageCount: number) {
  const { hasNextPage, hasPreviousPage, isFetching, isFetchNextPageError, isFetchPreviousPageError, fetchNextPage, fetchPreviousPage } = query;
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

  useEffect(() => {
    if (lastRenderedIndex >= messageCount - PREFETCH_MARGIN && hasNextPage && !isFetching && !isFetchNextPageError) void fetchNextPage();
  }, [lastRenderedIndex, messageCount, hasNextPage, isFetching, isFetchNextPageError, fetchNextPage]);
  // Earlier pages wait for the reviewer to scroll toward them, so a deep link opens with one request.
  const canFetchEarlier = hasPreviousPage && !isFetching && !isFetchPreviousPageError;
  useEffect(() => {
    if (isScrollingBack && firstRenderedIndex <= PREFETCH_MARGIN && canFetchEarlier) void fetchPreviousPage();
  }, [isScrollingBack, firstRenderedIndex, canFetchEarlier, fetchPreviousPage]);
  // Already at the top, a wheel turned upward moves nothing and so is no scroll: it asks for earlier messages itself.
  const onWheel = (event: WheelEvent<HTMLDivElement>) => {
    if (event.deltaY < 0 && event.currentTarget.scrollTop <= THREAD_EDGE_HEIGHT && canFetchEarlier) void fetchPreviousPage();
  };
  return { onWheel };
}
