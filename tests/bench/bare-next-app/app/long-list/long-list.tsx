"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, useState } from "react";

/** One message of the long chat, as the bench wrote it to public/long-thread.json. */
type Row = { id: string; role: string; text: string };

/**
 * The floor for B3: the same texts in the same virtualiser with the thread view's settings, as plain
 * text rows (no markdown, no tool cards, no paging), from one static file.
 */
export function LongList() {
  const [rows, setRows] = useState<Row[] | null>(null);
  const scroller = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    void fetch("/long-thread.json")
      .then((response) => response.json() as Promise<Row[]>)
      .then(setRows);
  }, []);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows?.length ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => 180,
    getItemKey: (index) => rows![index]!.id,
    overscan: 4,
  });
  if (!rows) return <p>Loading…</p>;
  return (
    <div ref={scroller} data-testid="thread-scroller" style={{ height: "calc(100dvh - 2rem)", margin: "1rem", overflow: "auto", overflowAnchor: "none" }}>
      <div style={{ position: "relative", width: "100%", height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          return (
            <article
              key={item.key}
              data-index={item.index}
              data-message-id={row.id}
              ref={virtualizer.measureElement}
              style={{
                position: "absolute",
                top: 0,
                left: 0,
                width: "100%",
                transform: `translateY(${item.start}px)`,
                padding: "0.75rem 1rem",
                boxSizing: "border-box",
              }}
            >
              <strong style={{ fontSize: "0.75rem", textTransform: "uppercase" }}>{row.role}</strong>
              <p style={{ whiteSpace: "pre-wrap", overflowWrap: "break-word", fontSize: "0.875rem" }}>{row.text}</p>
            </article>
          );
        })}
      </div>
    </div>
  );
}
