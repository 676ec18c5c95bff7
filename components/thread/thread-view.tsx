"use client";

import { useCallback } from "react";
import { ControlsOnceHydrated, useIsHydrated } from "@/components/layout/hydration";
import { useTimeFormat } from "@/components/layout/time-zone";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/error-notice";
import { fetchRawChatMessage } from "@/lib/queries/thread-queries";
import type { ChatMessage } from "@/lib/schemas/console";
import type { FirstThreadPage, ServedOpening } from "@/lib/thread/served-thread-page";
import { threadHref } from "@/lib/thread/thread-href";
import { hasFullerToolBlocks, type RawJsonLoader } from "./message-row";
import { ThreadHeader } from "./thread-header";
import { ThreadLoading } from "./thread-loading";
import { ThreadRows } from "./thread-rows";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { THREAD_SEARCH_INPUT_ID, ThreadToolbar } from "./thread-toolbar";
import { useThreadJumps } from "./use-thread-jumps";
import { useThreadPages } from "./use-thread-pages";
import { useThreadPaging } from "./use-thread-paging";
import { useThreadSearch } from "./use-thread-search";
import { useThreadShortcuts } from "./use-thread-shortcuts";
import { useThreadVirtualizer } from "./use-thread-virtualizer";
import { useUntruncatedReload } from "./use-untruncated-reload";

type ThreadViewProps = {
  chatId: string;
  /** Where the page opened the thread: at its start, or at a deep link's (validated) time. */
  opening: ServedOpening;
  /** That opening's page, read on the server (in time for the page's shell, or streamed after it); the view never asks for it again. */
  firstPage: FirstThreadPage | Promise<FirstThreadPage>;
  initialMessageId?: string;
  /** A link's time that is not a valid timestamp: said, never sent. */
  ignoredAt?: string;
  canExport: boolean;
};

/** A chat's messages: paged both ways as the reviewer scrolls, virtualised, searchable, with deep links. */
export function ThreadView({ chatId, opening: servedOpening, firstPage, initialMessageId, ignoredAt, canExport }: ThreadViewProps) {
  const { format } = useTimeFormat();
  const { query, opening, setOpening, refusal, clearRefusal, formattedByText, messages, pageIndexById, paired, indexById, earlier } = useThreadPages(
    chatId,
    servedOpening,
    firstPage,
  );
  const isHydrated = useIsHydrated();
  const { scroller, attachScroller, virtualizer } = useThreadVirtualizer(messages);
  const { onWheel } = useThreadPaging(query, virtualizer, messages.length);
  const { jumpToFirst, jumpToLast } = useThreadJumps({
    query,
    virtualizer,
    indexById,
    messageCount: messages.length,
    earlier,
    reopen: setOpening,
    initialMessageId,
  });
  const search = useThreadSearch(messages, indexById, virtualizer, scroller);
  const shortcuts = useThreadShortcuts({
    messages,
    indexById,
    virtualizer,
    scroller,
    markedId: search.currentId ?? initialMessageId,
    searchInputId: THREAD_SEARCH_INPUT_ID,
  });
  const reload = useUntruncatedReload(chatId, opening, pageIndexById);
  const linkTo = useCallback((message: ChatMessage) => threadHref(chatId, { messageId: message.id, at: message.createdAt }), [chatId]);
  const loadRawJson = useCallback<RawJsonLoader>((message, signal) => fetchRawChatMessage(chatId, message, hasFullerToolBlocks(message), signal), [chatId]);

  if (!query.data) {
    const failure = refusal ?? (query.isError ? query.error : null);
    if (failure)
      return (
        <ControlsOnceHydrated className="space-y-2">
          <ErrorNotice error={failure} />
          <Button variant="link" onClick={() => (refusal ? clearRefusal() : void query.refetch())}>
            Retry
          </Button>
        </ControlsOnceHydrated>
      );
    return <ThreadLoading />;
  }

  const { hasNextPage, isFetching, isFetchNextPageError, isFetchPreviousPageError, fetchNextPage, fetchPreviousPage } = query;
  const chat = query.data.pages[0]!.chat;
  const attachmentCount = messages.reduce((sum, message) => sum + message.files.length + message.generatedFiles.length + message.artifacts.length, 0);
  const deepLinkMissing = initialMessageId !== undefined && !hasNextPage && !indexById.has(initialMessageId);
  const pageError = (isFetchPreviousPageError || isFetchNextPageError) && query.error;

  return (
    <ControlsOnceHydrated className="flex min-h-0 flex-1 flex-col gap-3">
      <ThreadHeader
        chat={chat}
        loadedCount={messages.length}
        attachmentCount={attachmentCount}
        earlier={earlier}
        hasLater={hasNextPage}
        canExport={canExport}
      />
      <ThreadToolbar search={search} onJumpToFirst={jumpToFirst} onJumpToLast={jumpToLast} onShowShortcuts={shortcuts.openHelp} />
      {shortcuts.isHelpOpen && <ShortcutsDialog onClose={shortcuts.closeHelp} />}
      {ignoredAt !== undefined && (
        <p className="text-sm text-amber-800">The link&apos;s time is not a valid timestamp, so it was ignored: the thread is read from its first message.</p>
      )}
      {deepLinkMissing && (
        <p className="text-sm text-amber-800">
          Message {initialMessageId} is not {opening.kind === "at" ? `among this chat's messages from ${format(opening.at)} on` : "in this chat"}.
        </p>
      )}
      {reload.isError && <ErrorNotice error={reload.error} />}
      {pageError && (
        <div className="flex items-start gap-3">
          <ErrorNotice error={pageError} />
          <Button onClick={() => void (isFetchPreviousPageError ? fetchPreviousPage() : fetchNextPage())} disabled={isFetching}>
            Retry
          </Button>
        </div>
      )}
      {messages.length === 0 && earlier === "none" && !hasNextPage ? (
        <p className="text-sm text-slate-500">This chat has no messages.</p>
      ) : (
        <ThreadRows
          linkTo={linkTo}
          paired={paired}
          query={query}
          earlier={earlier}
          virtualizer={virtualizer}
          attachScroller={attachScroller}
          onWheel={onWheel}
          isHydrated={isHydrated}
          formattedByText={formattedByText}
          highlightedId={shortcuts.currentId ?? search.currentId ?? initialMessageId}
          reloadingId={reload.isPending ? reload.variables : null}
          onLoadUntruncated={reload.mutate}
          loadRawJson={loadRawJson}
        />
      )}
    </ControlsOnceHydrated>
  );
}
