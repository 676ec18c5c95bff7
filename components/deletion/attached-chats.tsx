import { Button } from "@/components/ui/button";
import type { ChatRef, DeletionPreparation } from "@/lib/schemas/deletions";

import { ChatRefLabel } from "./chat-ref-label";

/** The API refuses to delete a project that still has chats (409): they are deleted first, each with its own request. */
export function AttachedChats({
  summary,
  onDeleteChatFirst,
  onRecheck,
  isRechecking,
}: {
  summary: Extract<DeletionPreparation["summary"], { kind: "project" }>;
  onDeleteChatFirst?: (chat: ChatRef) => void;
  onRecheck: () => void;
  isRechecking: boolean;
}) {
  const count = Math.max(summary.chatsCount, summary.chats.length);
  return (
    <section aria-label="Chats to delete first" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <p className="font-semibold">
        This project still has {count} {count === 1 ? "chat" : "chats"}: the Compliance API refuses to delete a project with chats (409). Request the deletion
        of {count === 1 ? "its chat" : "each chat"} first; once {count === 1 ? "it is" : "they are"} deleted, request the project&apos;s.
      </p>
      {!summary.chatsComplete && (
        <p>
          Docket found {summary.chats.length} of them: the API lists a project&apos;s chats only per user, so chats of people who have left the organisation
          cannot be listed here.
        </p>
      )}
      <ul className="divide-y divide-amber-200">
        {summary.chats.map((chat) => (
          <li key={chat.id} className="flex flex-wrap items-center justify-between gap-2 py-1">
            <ChatRefLabel chat={chat} />
            {onDeleteChatFirst && (
              <Button variant="outline-danger" size="small" onClick={() => onDeleteChatFirst(chat)}>
                Request deletion of this chat
              </Button>
            )}
          </li>
        ))}
      </ul>
      <Button onClick={onRecheck} disabled={isRechecking} size="small">
        {isRechecking ? "Checking…" : "Check the project's chats again"}
      </Button>
    </section>
  );
}
