"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ChatRowsTable } from "@/components/console/chat-rows-table";
import { ListCsvDownload } from "@/components/layout/list-csv-download";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { Notice } from "@/components/ui/notice";
import { chatListOrderNote, chatListQueryFilters, chatsPageHref, explainChatFilterProblems, type ChatFilters } from "@/lib/console/chat-filters";
import { chatsCsv } from "@/lib/console/list-csv";
import { chatPageOptions } from "@/lib/queries/console-queries";

/** One page of chats; the URL holds the filters and the cursor, so every page is a link. */
export function ChatsTable({ filters }: { filters: ChatFilters }) {
  const problems = Object.values(explainChatFilterProblems(filters));
  const query = useQuery({ ...chatPageOptions(chatListQueryFilters(filters)), enabled: problems.length === 0 });

  if (problems.length > 0) {
    return (
      <Notice tone="warning" className="mt-6">
        <p className="font-semibold">The Compliance API would refuse these filters, so nothing was requested:</p>
        <ul className="mt-1 list-disc pl-5">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      </Notice>
    );
  }
  if (query.isPending) return <EmptyState>Loading chats…</EmptyState>;
  if (query.isError)
    return (
      <div className="mt-6">
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  const { firstCursor, lastCursor, hasMore } = query.data;
  const hidesDeleted = filters.hideDeleted === "1";
  const chats = hidesDeleted ? query.data.chats.filter((chat) => !chat.deleted) : query.data.chats;
  const hiddenCount = query.data.chats.length - chats.length;
  const isLaterPage = Boolean(filters.after ?? filters.before);
  // has_more speaks of the direction just paged in: backward, it says whether older chats remain,
  // and the newer ones we came from always do.
  const pagedBack = Boolean(filters.before);
  const hasPrevious = Boolean(firstCursor) && (pagedBack ? hasMore : Boolean(filters.after));
  const hasNext = Boolean(lastCursor) && (pagedBack || hasMore);
  return (
    <section aria-label="Chats" className="mt-6">
      <div className="mb-2 flex flex-wrap items-end justify-between gap-3">
        <p className="text-xs text-slate-600">
          {chatListOrderNote(filters)}
          {hidesDeleted && (
            <span data-testid="hidden-deleted">
              {" "}
              {hiddenCount === 0
                ? "No chat on this page was deleted by its user."
                : `${hiddenCount} ${hiddenCount === 1 ? "chat" : "chats"} deleted by ${hiddenCount === 1 ? "its user" : "their users"} hidden on this page.`}
            </span>
          )}
        </p>
        <ListCsvDownload list="chats" table={chatsCsv(chats)} view={filters} />
      </div>
      <ChatRowsTable
        chats={chats}
        emptyText={
          hiddenCount > 0 ? "Every chat on this page was deleted by its user." : isLaterPage ? "No chats on this page." : "No chat matches these filters."
        }
      />
      <nav aria-label="Chat pages" className="mt-3 flex gap-4 text-sm font-semibold">
        {hasPrevious && firstCursor && (
          <Link href={chatsPageHref({ ...filters, after: undefined, before: firstCursor })} className="underline">
            ← Previous
          </Link>
        )}
        {hasNext && lastCursor && (
          <Link href={chatsPageHref({ ...filters, before: undefined, after: lastCursor })} className="underline">
            Next →
          </Link>
        )}
      </nav>
    </section>
  );
}
