import { createContext, lazy, Suspense, useContext, type ReactNode } from "react";
import { PlainText } from "@/components/thread/plain-text";

const loadRenderer = () => import("@/components/thread/safe-markdown");

// The markdown renderer is the largest part of the thread's JavaScript (bench B4). The server formats the
// first screen, so the renderer loads only once the reviewer goes further, or the thread fetches a page.
const SafeMarkdown = lazy(() => loadRenderer().then((module) => ({ default: module.SafeMarkdown })));

/** Starts loading the renderer before a row needs it, so that rows past the first screen rarely show unformatted. */
export function preloadMarkdownRenderer(): void {
  void loadRenderer();
}

/** Texts the server formatted (the first screen's), by text. */
export const ServerFormattedTexts = createContext<ReadonlyMap<string, ReactNode>>(new Map());

/** A text shown as markdown: as the server formatted it, or else by the renderer, as plain text until it has loaded. */
export function MarkdownText({ text }: { text: string }) {
  const formatted = useContext(ServerFormattedTexts).get(text);
  if (formatted !== undefined) return formatted;
  return (
    <Suspense fallback={<PlainText text={text} />}>
      <SafeMarkdown text={text} />
    </Suspense>
  );
}
