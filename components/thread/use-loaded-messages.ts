import { useMemo } from "react";
import type { ChatMessage } from "@/lib/schemas/console";
import { pairToolBlocks } from "@/lib/thread/pair-tool-blocks";

/** A transcript's loaded pages as one list of messages, with where each came from and its tool calls paired. */
export function useLoadedMessages(pages: ReadonlyArray<{ messages: ChatMessage[] }> | undefined) {
  const { messages, pageIndexById } = useMemo(() => {
    const loaded: ChatMessage[] = [];
    const pageIndexes = new Map<string, number>();
    pages?.forEach((page, pageIndex) => {
      for (const message of page.messages) {
        loaded.push(message);
        pageIndexes.set(message.id, pageIndex);
      }
    });
    return { messages: loaded, pageIndexById: pageIndexes };
  }, [pages]);
  const paired = useMemo(() => pairToolBlocks(messages), [messages]);
  const indexById = useMemo(() => new Map(messages.map((message, index) => [message.id, index])), [messages]);
  return { messages, pageIndexById, paired, indexById };
}
