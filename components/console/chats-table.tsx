"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ErrorNotice } from "@/components/layout/error-notice";
import { chatsPageHref, explainChatFilterProblems, type ChatFilters } from "@/lib/console/chat-filters";
import { chatPageOptions } from "@/lib/queries/console-queries";
import type { ChatSummary } from "@/lib/schemas/console";

/** One page of chats; the URL holds the filters and the cursor, so every page is a link. */
export function ChatsTable({ filters }: { filters: ChatFilters }) {
  const problems = Object.values(explainChatFilterProblems(filters));
  const query = useQuery({ ...chatPageOptions(filters), enabled: problems.length === 0 });

  if (problems.length > 0) {
    return (
      <div role="alert" className="mt-6 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        <p className="font-semibold">The Compliance API would refuse these filters, so nothing was requested:</p>
        <ul className="mt-1 list-disc pl-5">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      </div>
    );
  }
  if (query.isPending) return <p className="mt-6 text-sm text-slate-500">Loading chats…</p>;
  if (query.isError) return <div className="mt-6"><ErrorNotice error={query.error} /></div>;
  const { chats, firstCursor, lastCursor, hasMore } = query.data;
  const isLaterPage = Boolean(filters.after ?? filters.before);
  // has_more speaks of the direction just paged in: backward, it says whether older chats remain,
  // and the newer ones we came from always do.
  const pagedBack = Boolean(filters.before);
  const hasPrevious = Boolean(firstCursor) && (pagedBack ? hasMore : Boolean(filters.after));
  const hasNext = Boolean(lastCursor) && (pagedBack || hasMore);
  return (
    <section aria-label="Chats" className="mt-6">
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2">Name</th>
              <th scope="col" className="px-3 py-2">Owner</th>
              <th scope="col" className="px-3 py-2">Model</th>
              <th scope="col" className="px-3 py-2">Project</th>
              <th scope="col" className="px-3 py-2">Created (UTC)</th>
              <th scope="col" className="px-3 py-2">Updated (UTC)</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {chats.map((chat) => (
              <ChatRow key={chat.id} chat={chat} />
            ))}
          </tbody>
        </table>
        {chats.length === 0 && <p className="p-4 text-sm text-slate-500">{isLaterPage ? "No chats on this page." : "No chat matches these filters."}</p>}
      </div>
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

function ChatRow({ chat }: { chat: ChatSummary }) {
  return (
    <tr className={chat.deleted ? "bg-rose-50/60" : undefined}>
      <td className="px-3 py-1.5">
        <Link href={`/chats/${encodeURIComponent(chat.id)}`} className="font-medium text-slate-900 underline decoration-slate-300 hover:decoration-slate-900">
          {chat.deleted && !chat.name ? <span className="italic text-slate-500">(name removed)</span> : chat.name || <span className="italic text-slate-500">(untitled)</span>}
        </Link>
        {chat.deleted && (
          <span className="ml-2 rounded bg-rose-100 px-1.5 py-0.5 text-xs font-semibold text-rose-800" title={chat.deletedAt ? `Deleted ${formatTimestamp(chat.deletedAt)} UTC` : undefined}>
            Deleted by user
          </span>
        )}
      </td>
      <td className="px-3 py-1.5 font-mono text-xs">{chat.owner?.email ?? chat.owner?.id ?? "—"}</td>
      <td className="px-3 py-1.5 font-mono text-xs">{chat.model ?? "—"}</td>
      <td className="px-3 py-1.5 font-mono text-xs">{chat.projectId ?? "—"}</td>
      <td className="whitespace-nowrap px-3 py-1.5 font-mono text-xs">{formatTimestamp(chat.createdAt)}</td>
      <td className="whitespace-nowrap px-3 py-1.5 font-mono text-xs">{chat.updatedAt ? formatTimestamp(chat.updatedAt) : "—"}</td>
    </tr>
  );
}

/** The API's RFC 3339 time, shortened to the minute for a dense table; the full value stays in the API answer. */
function formatTimestamp(timestamp: string): string {
  return timestamp.replace("T", " ").slice(0, 16);
}
