"use client";
// A client boundary: markdown formatted on the server leaves its code blocks for the browser to highlight.

import { lazy, Suspense } from "react";

export const CODE_BLOCK_CLASS = "my-2 overflow-x-auto rounded border border-slate-200 bg-slate-50 p-3 font-mono text-xs leading-5";

// The highlighter is about 27 kB of gzipped JavaScript: it loads with the first code block a page
// shows, so pages and threads without code never download it (bench B4).
const HighlightedCode = lazy(() => import("@/components/thread/highlighted-code"));

/** A fenced code block: plain until the highlighter has loaded, laid out line for line the same, so nothing moves. */
export function CodeBlock({ code, language }: { code: string; language: string }) {
  return (
    <Suspense fallback={<PlainCode code={code} />}>
      <HighlightedCode code={code} language={language} />
    </Suspense>
  );
}

function PlainCode({ code }: { code: string }) {
  return (
    <pre tabIndex={0} className={CODE_BLOCK_CLASS}>
      <code>
        {code.split("\n").map((line, index) => (
          // The highlighter also renders an empty line as a line break, so the block keeps its height.
          <div key={index}>{line === "" ? "\n" : line}</div>
        ))}
      </code>
    </pre>
  );
}
