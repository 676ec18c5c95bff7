import { useEffect, useState } from "react";
import type { ChatMessage } from "@/lib/schemas/console";
import type { ThreadVirtualizer } from "./use-thread-virtualizer";

/** Keys the thread answers, with what each does (listed by `?`). */
export const THREAD_SHORTCUTS = [
  { key: "j", does: "Next message" },
  { key: "k", does: "Previous message" },
  { key: "/", does: "Search the loaded messages" },
  { key: "?", does: "Show these shortcuts" },
] as const;

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

type ShortcutContext = {
  messages: ChatMessage[];
  indexById: ReadonlyMap<string, number>;
  virtualizer: ThreadVirtualizer;
  scroller: HTMLElement | null;
  /** The message marked now (a search hit, a deep link), from which j and k start. */
  markedId: string | undefined;
  searchInputId: string;
};

/**
 * j and k move from message to message (the one reached is marked, scrolled to and focused, so a screen
 * reader reads it), / focuses the search, ? shows the list. Keys typed in a field are the field's own.
 */
export function useThreadShortcuts({ messages, indexById, virtualizer, scroller, markedId, searchInputId }: ShortcutContext) {
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [isHelpOpen, setHelpOpen] = useState(false);
  // A search hit or a deep link marked after the keys moved takes over: the keys start again from it.
  const [lastMarkedId, setLastMarkedId] = useState(markedId);
  if (markedId !== lastMarkedId) {
    setLastMarkedId(markedId);
    setCurrentId(null);
  }
  const startId = currentId ?? markedId ?? null;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === "j" || event.key === "k") {
        if (messages.length === 0) return;
        const from = startId === null ? undefined : indexById.get(startId);
        // Without a marked message, the first one in view is where reading is.
        const base = from ?? virtualizer.getVirtualItems().find((row) => row.end > (virtualizer.scrollOffset ?? 0))?.index ?? -1;
        const next = Math.min(messages.length - 1, Math.max(0, event.key === "j" ? base + 1 : from === undefined ? base : base - 1));
        event.preventDefault();
        setCurrentId(messages[next]!.id);
        virtualizer.scrollToIndex(next, { align: "auto" });
      } else if (event.key === "/") {
        event.preventDefault();
        document.getElementById(searchInputId)?.focus();
      } else if (event.key === "?") {
        event.preventDefault();
        setHelpOpen(true);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [messages, indexById, virtualizer, startId, searchInputId]);

  // The row reached may mount only once the scroll has moved: focus it when it is there.
  useEffect(() => {
    if (!currentId || !scroller) return;
    let frame = 0;
    let attempts = 0;
    const focus = () => {
      const row = scroller.querySelector<HTMLElement>(`article[data-message-id="${CSS.escape(currentId)}"]`);
      if (row) row.focus({ preventScroll: true });
      else if (++attempts < 30) frame = requestAnimationFrame(focus);
    };
    focus();
    return () => cancelAnimationFrame(frame);
  }, [currentId, scroller]);

  return {
    /** The message j and k reached, until a search marks another. */
    currentId,
    isHelpOpen,
    openHelp: () => setHelpOpen(true),
    closeHelp: () => setHelpOpen(false),
  };
}
