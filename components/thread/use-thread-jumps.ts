import { useCallback, useEffect, useRef } from "react";
import type { EarlierMessages, ThreadOpening } from "@/lib/thread/thread-pages";
import type { TranscriptPaging } from "./transcript-paging";
import type { ThreadVirtualizer } from "./use-thread-virtualizer";

type Jump = { kind: "message"; messageId: string } | { kind: "first" } | { kind: "last" };

type JumpContext = {
  query: TranscriptPaging;
  virtualizer: ThreadVirtualizer;
  indexById: ReadonlyMap<string, number>;
  messageCount: number;
  earlier: EarlierMessages;
  /** Opens the thread afresh at an end; without it (a transcript paged forward only) a jump pages there. */
  reopen?: (opening: ThreadOpening) => void;
  initialMessageId: string | undefined;
};

/**
 * Jumps to a message, the first or the last. A jump may need pages not loaded yet: it is kept until
 * the target arrives, then done once. Far ends are reached by reopening the thread there, not by paging.
 */
export function useThreadJumps({ query, virtualizer, indexById, messageCount, earlier, reopen, initialMessageId }: JumpContext) {
  const { data, hasNextPage, isFetching, isFetchNextPageError, fetchNextPage } = query;
  const pages = data?.pages;
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
    const targetIndex = jump.kind === "last" ? (hasNextPage ? undefined : messageCount - 1) : indexById.get(jump.messageId);
    if (targetIndex !== undefined) {
      pendingJump.current = null;
      if (jump.kind === "last") virtualizer.scrollToEnd();
      else virtualizer.scrollToIndex(targetIndex, { align: "start" });
    } else if (hasNextPage && !isFetching && !isFetchNextPageError) void fetchNextPage();
    else if (!hasNextPage) pendingJump.current = null;
  }, [pages, hasNextPage, isFetching, isFetchNextPageError, fetchNextPage, indexById, messageCount, virtualizer]);
  useEffect(advancePendingJump, [advancePendingJump]);

  const jumpToFirst = () => {
    pendingJump.current = { kind: "first" };
    // Paging back to the start could take a hundred requests (each one audited) in the longest chats;
    // opening the thread afresh at its start takes one.
    if (earlier === "none" || !reopen) advancePendingJump();
    else reopen({ kind: "start" });
  };
  const jumpToLast = () => {
    pendingJump.current = { kind: "last" };
    // Like Jump to first: reopening at the end takes two requests where paging there could take a hundred.
    if (hasNextPage && reopen) reopen({ kind: "end" });
    else advancePendingJump();
  };
  return { jumpToFirst, jumpToLast };
}
