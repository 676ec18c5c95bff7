import { useMemo, useState, type FormEvent } from "react";
import type { ChatMessage } from "@/lib/schemas/console";
import { findMatchingMessages } from "@/lib/thread/thread-search";
import { useSearchHighlights } from "./use-search-highlights";
import type { ThreadVirtualizer } from "./use-thread-virtualizer";

type SearchState = { term: string; currentId: string | null };

/**
 * Search in the loaded messages: matches follow the messages as pages arrive, and the current match
 * is kept by id, so prepended pages shift nothing. Each hit is scrolled into view and highlighted.
 */
export function useThreadSearch(messages: ChatMessage[], indexById: ReadonlyMap<string, number>, virtualizer: ThreadVirtualizer, scroller: HTMLElement | null) {
  const [search, setSearch] = useState<SearchState>({ term: "", currentId: null });
  const matchIds = useMemo(() => findMatchingMessages(messages, search.term).map((index) => messages[index]!.id), [messages, search.term]);
  const position = search.currentId === null ? -1 : matchIds.indexOf(search.currentId);
  const showHit = (term: string, messageId: string | null) => {
    setSearch({ term, currentId: messageId });
    const index = messageId === null ? undefined : indexById.get(messageId);
    if (index !== undefined) virtualizer.scrollToIndex(index, { align: "center" });
  };
  const step = (direction: 1 | -1) => {
    const count = matchIds.length;
    if (count === 0) return;
    const next = position === -1 ? (direction === 1 ? 0 : count - 1) : (position + direction + count) % count;
    showHit(search.term, matchIds[next]!);
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const term = String(new FormData(event.currentTarget).get("term") ?? "");
    if (term === search.term && matchIds.length > 0) return step(1);
    const firstHit = findMatchingMessages(messages, term)[0];
    showHit(term, firstHit === undefined ? null : messages[firstHit]!.id);
  };
  useSearchHighlights(scroller, search.term, search.currentId);
  return {
    term: search.term,
    currentId: search.currentId,
    matchCount: matchIds.length,
    position,
    submit,
    step,
    clear: () => setSearch({ term: "", currentId: null }),
  };
}

export type ThreadSearch = ReturnType<typeof useThreadSearch>;
