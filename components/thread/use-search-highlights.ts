import { useEffect } from "react";
import { findTextMatches } from "@/lib/thread/text-matches";
import { searchNeedle } from "@/lib/thread/thread-search";

/** Highlight names, styled in app/globals.css with ::highlight(). */
const ALL_HITS = "thread-search";
const CURRENT_HITS = "thread-search-current";
/** A term is matched within one of these, so it cannot run from one paragraph, list item or code line into the next. */
const TEXT_BLOCK = "p, li, pre, td, th, h1, h2, h3, h4, h5, h6, blockquote, div";

/** Null where the browser lacks the CSS Custom Highlight API: the row marking the current hit is then the only cue. */
function highlightRegistry(): HighlightRegistry | null {
  return typeof Highlight === "function" && typeof CSS !== "undefined" && "highlights" in CSS ? CSS.highlights : null;
}

/** The text nodes of a scope, split into runs of consecutive nodes in the same block. */
function textRuns(scope: Element): Text[][] {
  const runs: Text[][] = [];
  let runBlock: Element | null = null;
  const walker = scope.ownerDocument.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const closest = node.parentElement?.closest(TEXT_BLOCK);
    const block = closest && scope.contains(closest) ? closest : scope;
    if (block !== runBlock || runs.length === 0) runs.push([]);
    runBlock = block;
    runs.at(-1)!.push(node as Text);
  }
  return runs;
}

function rangesIn(row: Element, needle: string): Range[] {
  const ranges: Range[] = [];
  for (const scope of row.querySelectorAll("[data-search-text]")) {
    for (const run of textRuns(scope)) {
      for (const { start, end } of findTextMatches(
        run.map((node) => node.data),
        needle,
      )) {
        const range = row.ownerDocument.createRange();
        range.setStart(run[start.segment]!, start.offset);
        range.setEnd(run[end.segment]!, end.offset);
        ranges.push(range);
      }
    }
  }
  return ranges;
}

/**
 * Paints the search term over the rendered rows' text, without touching the markup (the markdown
 * renderer stays the one place that turns untrusted text into elements). Only mounted rows are
 * painted: the virtualiser mounts and unmounts rows as the reviewer scrolls, so the painting is redone
 * whenever the rows change.
 */
export function useSearchHighlights(root: HTMLElement | null, term: string, currentMessageId: string | null) {
  const needle = searchNeedle(term);
  useEffect(() => {
    const registry = highlightRegistry();
    if (!registry || !root || needle === "") return;
    const paint = () => {
      const all: Range[] = [];
      const current: Range[] = [];
      for (const row of root.querySelectorAll("article[data-message-id]")) {
        const ranges = rangesIn(row, needle);
        all.push(...ranges);
        if (row.getAttribute("data-message-id") === currentMessageId) current.push(...ranges);
      }
      registry.set(ALL_HITS, new Highlight(...all));
      const currentHits = new Highlight(...current);
      currentHits.priority = 1;
      registry.set(CURRENT_HITS, currentHits);
    };
    let frame = 0;
    const repaintOnce = () => {
      if (frame === 0)
        frame = requestAnimationFrame(() => {
          frame = 0;
          paint();
        });
    };
    paint();
    const observer = new MutationObserver(repaintOnce);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      registry.delete(ALL_HITS);
      registry.delete(CURRENT_HITS);
    };
  }, [root, needle, currentMessageId]);
}
