"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { ControlsOnceHydrated, useIsHydrated } from "@/components/layout/hydration";
import { ShortcutsDialog } from "@/components/thread/shortcuts-dialog";
import { ThreadLoading } from "@/components/thread/thread-loading";
import type { RawJsonLoader } from "@/components/thread/message-row";
import { ThreadRows } from "@/components/thread/thread-rows";
import { THREAD_SEARCH_INPUT_ID, ThreadToolbar } from "@/components/thread/thread-toolbar";
import { useLoadedMessages } from "@/components/thread/use-loaded-messages";
import { useThreadJumps } from "@/components/thread/use-thread-jumps";
import { useThreadPaging } from "@/components/thread/use-thread-paging";
import { useThreadSearch } from "@/components/thread/use-thread-search";
import { useThreadShortcuts } from "@/components/thread/use-thread-shortcuts";
import { useThreadVirtualizer } from "@/components/thread/use-thread-virtualizer";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/error-notice";
import { sessionHref } from "@/lib/console/session-href";
import { fetchSessionPage, sessionKeys, sessionTranscriptOptions, type SessionTranscriptData } from "@/lib/queries/session-queries";
import type { ChatMessage } from "@/lib/schemas/console";
import type { SessionKind } from "@/lib/schemas/sessions";
import { SessionHeader } from "./session-header";

const NO_FORMATTED_TEXTS = new Map();

/**
 * A session's transcript, rendered by the thread's own rows (text, paired tool calls, markers, unknown
 * blocks, truncation) and searched and read with its keys. The API pages transcripts forward only, so a
 * deep link or Jump to last reads pages until it gets there.
 */
/** A transcript page carries each message as the API sent it. */
const rawJsonFromTranscript: RawJsonLoader = (message) => Promise.resolve(message.rawJson ?? "null");

export function SessionView({
  kind,
  sessionId,
  initialMessageId,
  canExport,
}: {
  kind: SessionKind;
  sessionId: string;
  initialMessageId?: string;
  /** The reviewer may export (the route decides; this only hides what would be refused). */
  canExport: boolean;
}) {
  const query = useInfiniteQuery(sessionTranscriptOptions(kind, sessionId));
  const { messages, pageIndexById, paired, indexById } = useLoadedMessages(query.data?.pages);
  const isHydrated = useIsHydrated();
  const { scroller, attachScroller, virtualizer } = useThreadVirtualizer(messages);
  const { onWheel } = useThreadPaging(query, virtualizer, messages.length);
  const { jumpToFirst, jumpToLast } = useThreadJumps({ query, virtualizer, indexById, messageCount: messages.length, earlier: "none", initialMessageId });
  const search = useThreadSearch(messages, indexById, virtualizer, scroller);
  const shortcuts = useThreadShortcuts({
    messages,
    indexById,
    virtualizer,
    scroller,
    markedId: search.currentId ?? initialMessageId,
    searchInputId: THREAD_SEARCH_INPUT_ID,
  });
  const reload = useUntruncatedSessionPage(kind, sessionId, pageIndexById);
  const linkTo = useCallback((message: ChatMessage) => sessionHref(kind, sessionId, message.id), [kind, sessionId]);

  if (!query.data) {
    if (query.isError)
      return (
        <ControlsOnceHydrated className="space-y-2">
          <ErrorNotice error={query.error} />
          <Button variant="link" onClick={() => void query.refetch()}>
            Retry
          </Button>
        </ControlsOnceHydrated>
      );
    return <ThreadLoading />;
  }

  const deepLinkMissing = initialMessageId !== undefined && !query.hasNextPage && !indexById.has(initialMessageId);
  return (
    <ControlsOnceHydrated className="flex min-h-0 flex-1 flex-col gap-3">
      <SessionHeader session={query.data.pages[0]!.session} messages={messages} hasLater={query.hasNextPage} canExport={canExport} />
      <ThreadToolbar search={search} onJumpToFirst={jumpToFirst} onJumpToLast={jumpToLast} onShowShortcuts={shortcuts.openHelp} />
      {shortcuts.isHelpOpen && <ShortcutsDialog onClose={shortcuts.closeHelp} />}
      {deepLinkMissing && <p className="text-sm text-amber-800">Message {initialMessageId} is not in this session&apos;s transcript.</p>}
      {reload.isError && <ErrorNotice error={reload.error} />}
      {query.isFetchNextPageError && (
        <div className="flex items-start gap-3">
          <ErrorNotice error={query.error} />
          <Button onClick={() => void query.fetchNextPage()} disabled={query.isFetching}>
            Retry
          </Button>
        </div>
      )}
      {messages.length === 0 && !query.hasNextPage ? (
        <p className="text-sm text-slate-500">This session&apos;s transcript has no messages.</p>
      ) : (
        <ThreadRows
          linkTo={linkTo}
          paired={paired}
          query={query}
          earlier="none"
          virtualizer={virtualizer}
          attachScroller={attachScroller}
          onWheel={onWheel}
          isHydrated={isHydrated}
          formattedByText={NO_FORMATTED_TEXTS}
          highlightedId={shortcuts.currentId ?? search.currentId ?? initialMessageId}
          reloadingId={reload.isPending ? reload.variables : null}
          onLoadUntruncated={reload.mutate}
          loadRawJson={rawJsonFromTranscript}
        />
      )}
    </ControlsOnceHydrated>
  );
}

/** Reads a message's page again without truncation and puts it in place of the truncated one. */
function useUntruncatedSessionPage(kind: SessionKind, sessionId: string, pageIndexById: ReadonlyMap<string, number>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (messageId: string) => {
      const pageIndex = pageIndexById.get(messageId);
      const key = sessionKeys.transcript(kind, sessionId);
      const data = queryClient.getQueryData<SessionTranscriptData>(key);
      if (pageIndex === undefined || !data) return;
      const param = data.pageParams[pageIndex] ?? null;
      const page = await fetchSessionPage(kind, sessionId, param, { untruncated: true });
      queryClient.setQueryData<SessionTranscriptData>(key, (current) =>
        current ? { ...current, pages: current.pages.map((existing, index) => (index === pageIndex ? page : existing)) } : current,
      );
    },
  });
}
