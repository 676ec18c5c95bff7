import Link from "next/link";
import { useTimeFormat } from "@/components/layout/time-zone";
import { Cell, DataTable, HeaderCell, TableBody, TableHead } from "@/components/ui/table";
import type { ChatSummary } from "@/lib/schemas/console";
import { threadHref } from "@/lib/thread/thread-href";

/** Chats as rows: every column the API gives, soft-deleted chats marked. */
export function ChatRowsTable({ chats, emptyText }: { chats: ChatSummary[]; emptyText: string }) {
  const { zone } = useTimeFormat();
  return (
    <DataTable footer={chats.length === 0 && <p className="p-4 text-sm text-slate-500">{emptyText}</p>}>
      <TableHead>
        <HeaderCell>Name</HeaderCell>
        <HeaderCell>Owner</HeaderCell>
        <HeaderCell>Model</HeaderCell>
        <HeaderCell>Project</HeaderCell>
        <HeaderCell>Created ({zone})</HeaderCell>
        <HeaderCell>Updated ({zone})</HeaderCell>
        <HeaderCell>Deleted by user ({zone})</HeaderCell>
      </TableHead>
      <TableBody>
        {chats.map((chat) => (
          <ChatRow key={chat.id} chat={chat} />
        ))}
      </TableBody>
    </DataTable>
  );
}

function ChatRow({ chat }: { chat: ChatSummary }) {
  const { formatCompact } = useTimeFormat();
  return (
    <tr className={chat.deleted ? "bg-rose-50/60" : undefined}>
      <Cell>
        <Link href={threadHref(chat.id)} className="font-medium text-slate-900 underline decoration-slate-300 hover:decoration-slate-900">
          {chat.deleted && !chat.name ? (
            <span className="italic text-slate-500">(name removed)</span>
          ) : (
            chat.name || <span className="italic text-slate-500">(untitled)</span>
          )}
        </Link>
        {chat.deleted && <span className="ml-2 rounded bg-rose-100 px-1.5 py-0.5 text-xs font-semibold text-rose-800">Deleted by user</span>}
      </Cell>
      <Cell mono>{chat.owner?.email ?? chat.owner?.id ?? "—"}</Cell>
      <Cell mono>{chat.model ?? "—"}</Cell>
      <Cell mono>
        {chat.projectId ? (
          <Link href={`/projects/${encodeURIComponent(chat.projectId)}`} className="underline decoration-slate-300 hover:decoration-slate-900">
            {chat.projectId}
          </Link>
        ) : (
          "—"
        )}
      </Cell>
      <Cell mono className="whitespace-nowrap">
        {formatCompact(chat.createdAt)}
      </Cell>
      <Cell mono className="whitespace-nowrap">
        {chat.updatedAt ? formatCompact(chat.updatedAt) : "—"}
      </Cell>
      <Cell mono className="whitespace-nowrap">
        {chat.deleted ? (chat.deletedAt ? formatCompact(chat.deletedAt) : "yes, time unknown") : "—"}
      </Cell>
    </tr>
  );
}
