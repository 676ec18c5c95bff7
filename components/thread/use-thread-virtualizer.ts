import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useRef, useState } from "react";
import { THREAD_EDGE_HEIGHT } from "@/components/thread/thread-edge";
import type { ChatMessage } from "@/lib/schemas/console";

/** Close to a typical row, so the scrollbar barely jumps as rows are measured. */
const ESTIMATED_ROW_HEIGHT = 180;

/** The scroller and the virtualiser that mounts only the rows in and near view. */
export function useThreadVirtualizer(messages: ChatMessage[]) {
  // The virtualiser reads the scroller in its layout effect, before a state update could deliver it (a
  // jump in the same commit would be lost); the highlighter must hear when it appears: so both.
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const attachScroller = useCallback((element: HTMLDivElement | null) => {
    scrollRef.current = element;
    setScroller(element);
  }, []);
  // The React Compiler is not enabled, and the virtualiser is read only during the thread view's own render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    getItemKey: (index) => messages[index]!.id,
    overscan: 4,
    paddingStart: THREAD_EDGE_HEIGHT,
    paddingEnd: THREAD_EDGE_HEIGHT,
    // When earlier messages are prepended, the virtualiser finds the row being read by its key in the
    // new layout and shifts the scroll position by what was added above it, so that row stays put.
    anchorTo: "end",
  });
  return { scroller, attachScroller, virtualizer };
}

export type ThreadVirtualizer = ReturnType<typeof useThreadVirtualizer>["virtualizer"];
