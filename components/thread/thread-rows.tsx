import type { Key, ReactNode, WheelEvent } from "react";
import type { PairedMessage } from "@/lib/thread/pair-tool-blocks";
import { FIRST_SCREEN_ROWS } from "@/lib/thread/served-thread-page";
import type { EarlierMessages } from "@/lib/thread/thread-pages";
import { ServerFormattedTexts } from "./markdown-text";
import { MessageRow, type MessageLink, type RawJsonLoader } from "./message-row";
import { THREAD_EDGE_HEIGHT, ThreadEdge } from "./thread-edge";
import type { TranscriptPaging } from "./transcript-paging";
import type { ThreadVirtualizer } from "./use-thread-virtualizer";

type ThreadRowsProps = {
  /** A message's permalink: the transcript opened at it. */
  linkTo: MessageLink;
  paired: PairedMessage[];
  query: TranscriptPaging;
  earlier: EarlierMessages;
  virtualizer: ThreadVirtualizer;
  attachScroller: (element: HTMLDivElement | null) => void;
  onWheel: (event: WheelEvent<HTMLDivElement>) => void;
  isHydrated: boolean;
  formattedByText: ReadonlyMap<string, ReactNode>;
  highlightedId: string | undefined;
  reloadingId: string | null;
  onLoadUntruncated: (messageId: string) => void;
  loadRawJson: RawJsonLoader;
};

/**
 * The scroller with the messages and the thread's two edges. The rows the server rendered are laid
 * out one after another until the browser has taken over the page (the virtualiser needs the
 * scroller's size, which only the browser knows), then the same rows are placed by the virtualiser
 * where they already are.
 */
export function ThreadRows({
  linkTo,
  paired,
  query,
  earlier,
  virtualizer,
  attachScroller,
  onWheel,
  isHydrated,
  formattedByText,
  highlightedId,
  reloadingId,
  onLoadUntruncated,
  loadRawJson,
}: ThreadRowsProps) {
  const { isFetching, isFetchingNextPage, isFetchingPreviousPage, hasNextPage, hasPreviousPage, fetchNextPage, fetchPreviousPage } = query;
  const shownRows: Array<{ key: Key; index: number; top: number | null }> = isHydrated
    ? virtualizer.getVirtualItems().map((row) => ({ key: row.key, index: row.index, top: row.start }))
    : paired.slice(0, FIRST_SCREEN_ROWS).map((row, index) => ({ key: row.message.id, index, top: null }));
  return (
    <div
      ref={attachScroller}
      onWheel={onWheel}
      className="min-h-0 flex-1 overflow-auto rounded-lg border border-slate-200 [overflow-anchor:none]"
      data-testid="thread-scroller"
    >
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
                linkTo={linkTo}
                paired={paired[row.index]!}
                isHighlighted={paired[row.index]!.message.id === highlightedId}
                isReloading={reloadingId === paired[row.index]!.message.id}
                onLoadUntruncated={onLoadUntruncated}
                loadRawJson={loadRawJson}
              />
            </div>
          ))}
        </ServerFormattedTexts>
        {(isHydrated || paired.length <= FIRST_SCREEN_ROWS) && (
          <ThreadEdge side="end" isFetching={isFetchingNextPage} canLoad={hasNextPage} isBusy={isFetching} isBoundary onLoad={() => void fetchNextPage()} />
        )}
      </div>
    </div>
  );
}
