import Link from "next/link";
import type { ChatSummary } from "@/lib/schemas/console";
import { threadHref } from "@/lib/thread/thread-href";

/** Chats as rows: every column the API gives, soft-deleted chats marked. */
export function ChatRowsTable({ chats, emptyText }: { chats: ChatSummary[]; emptyText: string }) {
  return (
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
            <th scope="col" className="px-3 py-2">Deleted by user (UTC)</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {chats.map((chat) => (
            <ChatRow key={chat.id} chat={chat} />
          ))}
        </tbody>
      </table>
      {chats.length === 0 && <p className="p-4 text-sm text-slate-500">{emptyText}</p>}
    </div>
  );
}

function ChatRow({ chat }: { chat: ChatSummary }) {
  return (
    <tr className={chat.deleted ? "bg-rose-50/60" : undefined}>
      <td className="px-3 py-1.5">
        <Link href={threadHref(chat.id)} className="font-medium text-slate-900 underline decoration-slate-300 hover:decoration-slate-900">
          {chat.deleted && !chat.name ? <span className="italic text-slate-500">(name removed)</span> : chat.name || <span className="italic text-slate-500">(untitled)</span>}
        </Link>
        {chat.deleted && (
          <span className="ml-2 rounded bg-rose-100 px-1.5 py-0.5 text-xs font-semibold text-rose-800">Deleted by user</span>
        )}
      </td>
      <td className="px-3 py-1.5 font-mono text-xs">{chat.owner?.email ?? chat.owner?.id ?? "—"}</td>
      <td className="px-3 py-1.5 font-mono text-xs">{chat.model ?? "—"}</td>
      <td className="px-3 py-1.5 font-mono text-xs">
        {chat.projectId ? (
          <Link href={`/projects/${encodeURIComponent(chat.projectId)}`} className="underline decoration-slate-300 hover:decoration-slate-900">
            {chat.projectId}
          </Link>
        ) : (
          "—"
        )}
      </td>
      <td className="whitespace-nowrap px-3 py-1.5 font-mono text-xs">{formatMinute(chat.createdAt)}</td>
      <td className="whitespace-nowrap px-3 py-1.5 font-mono text-xs">{chat.updatedAt ? formatMinute(chat.updatedAt) : "—"}</td>
      <td className="whitespace-nowrap px-3 py-1.5 font-mono text-xs">{chat.deleted ? (chat.deletedAt ? formatMinute(chat.deletedAt) : "yes, time unknown") : "—"}</td>
    </tr>
  );
}

/** The API's RFC 3339 time, shortened to the minute for a dense table; the full value stays in the API answer. */
export function formatMinute(timestamp: string): string {
  return timestamp.replace("T", " ").slice(0, 16);
}
