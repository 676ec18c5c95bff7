import Link from "next/link";
import type { ChatRef } from "@/lib/schemas/deletions";
import { threadHref } from "@/lib/thread/thread-href";
import { displayName } from "./deletion-format";

/** A chat a deletion names: its name as a link to its thread, its id, and its owner when known. */
export function ChatRefLabel({ chat }: { chat: Pick<ChatRef, "id" | "name"> & { ownerEmail?: string | null } }) {
  return (
    <span>
      <Link href={threadHref(chat.id)} dir="auto" className="underline">
        {displayName(chat.name, "chat")}
      </Link>{" "}
      <span className="font-mono text-xs">{chat.id}</span>
      {chat.ownerEmail && <span className="text-xs"> · {chat.ownerEmail}</span>}
    </span>
  );
}
