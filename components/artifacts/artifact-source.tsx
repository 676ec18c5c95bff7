"use client";

import { lazy, Suspense, useState } from "react";
import { CodeBlock } from "@/components/thread/code-block";
import { Button } from "@/components/ui/button";
import { sourceLanguageOf, type ArtifactKind } from "@/lib/artifacts/artifact-kind";

// The markdown renderer is the largest part of the page's JavaScript, and only markdown artifacts need it (bench B4).
const SafeMarkdown = lazy(() => import("@/components/thread/safe-markdown").then((module) => ({ default: module.SafeMarkdown })));

/**
 * Highlighting splits text into a node per token (and a row per line): past either limit the tab stalls,
 * so the source is shown plain, and the page says why.
 */
const HIGHLIGHT_LIMIT_CHARS = 200_000;
const HIGHLIGHT_LIMIT_LINES = 5_000;

/** An artifact's text: markdown formatted (or as source, on request), everything else as source, never run. */
export function ArtifactSource({ text, kind, title }: { text: string; kind: ArtifactKind; title: string | null }) {
  const [showsSource, setShowsSource] = useState(kind !== "markdown");
  if (text === "") return <p className="text-sm italic text-slate-500">The artifact is empty.</p>;
  return (
    <div>
      {kind === "markdown" && (
        <div role="group" aria-label="Show as" className="mb-2 flex gap-1 text-xs">
          <ToggleButton isPressed={!showsSource} onClick={() => setShowsSource(false)}>
            Formatted
          </ToggleButton>
          <ToggleButton isPressed={showsSource} onClick={() => setShowsSource(true)}>
            Source
          </ToggleButton>
        </div>
      )}
      {showsSource ? (
        <SourceText text={text} language={sourceLanguageOf(kind, title)} />
      ) : (
        <div className="rounded-md border border-slate-200 bg-white p-4 text-sm [&_h1]:mb-2 [&_h1]:text-xl [&_h1]:font-semibold [&_h2]:mb-1 [&_h2]:mt-4 [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:mt-3 [&_h3]:font-semibold">
          <Suspense fallback={<p className="text-slate-500">Formatting…</p>}>
            <SafeMarkdown text={text} />
          </Suspense>
        </div>
      )}
    </div>
  );
}

export function SourceText({ text, language }: { text: string; language: string }) {
  if (language === "text") return <PlainSource text={text} />;
  const lines = countLines(text);
  if (text.length > HIGHLIGHT_LIMIT_CHARS || lines > HIGHLIGHT_LIMIT_LINES) {
    return (
      <div>
        <p role="note" className="mb-1 text-xs text-slate-600">
          Shown without highlighting: it has {lines.toLocaleString("en-GB")} lines and {text.length.toLocaleString("en-GB")} characters, and Docket highlights
          at most {HIGHLIGHT_LIMIT_LINES.toLocaleString("en-GB")} lines or {HIGHLIGHT_LIMIT_CHARS.toLocaleString("en-GB")} characters so the page stays usable.
        </p>
        <PlainSource text={text} />
      </div>
    );
  }
  return <CodeBlock code={text} language={language} />;
}

function PlainSource({ text }: { text: string }) {
  return (
    <pre tabIndex={0} className="overflow-x-auto whitespace-pre-wrap break-words rounded border border-slate-200 bg-slate-50 p-3 font-mono text-xs leading-5">
      {text}
    </pre>
  );
}

function countLines(text: string): number {
  let lines = 1;
  for (let index = text.indexOf("\n"); index !== -1 && index < text.length - 1; index = text.indexOf("\n", index + 1)) lines++;
  return lines;
}

function ToggleButton({ isPressed, onClick, children }: { isPressed: boolean; onClick: () => void; children: string }) {
  return (
    <Button size="small" aria-pressed={isPressed} onClick={onClick}>
      {children}
    </Button>
  );
}
