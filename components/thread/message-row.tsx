import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { memo, useState } from "react";
import { RevealedName } from "@/components/files/revealed-name";
import { useTimeFormat } from "@/components/layout/time-zone";
import { MarkdownText } from "@/components/thread/markdown-text";
import { PlainText } from "@/components/thread/plain-text";
import { OrphanResultCard, ToolCallCard, TruncatedBadge } from "@/components/thread/tool-call-card";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/error-notice";
import { RawJson } from "@/components/ui/raw-json";
import type { ChatMessage } from "@/lib/schemas/console";
import type { PairedMessage, ThreadItem } from "@/lib/thread/pair-tool-blocks";
import { describeNotice } from "@/lib/thread/message-notice";

/**
 * Whether reading the message again in full would show more: only tool inputs and results have a cap
 * the API lifts on request. A text block flagged truncated (the API's markers, text past its fixed
 * maximum) stays as it is, with its badge.
 */
export function hasFullerToolBlocks(message: ChatMessage): boolean {
  return message.blocks.some((block) => (block.type === "tool_use" || block.type === "tool_result") && block.truncated);
}

function ItemView({ item, role }: { item: ThreadItem; role: string }) {
  switch (item.kind) {
    case "text":
      return (
        <div data-block="text" className="text-sm">
          {item.block.thinkingRedacted && <p className="text-xs italic text-slate-500">Thinking redacted</p>}
          {item.block.truncated && <TruncatedBadge />}
          <div data-search-text>{role === "user" ? <PlainText text={item.block.text} /> : <MarkdownText text={item.block.text} />}</div>
        </div>
      );
    case "tool_call":
      return <ToolCallCard use={item.use} result={item.result} />;
    case "orphan_result":
      return <OrphanResultCard result={item.result} />;
    case "result_shown_with_call":
      return (
        <p className="text-xs text-slate-500">
          Result of {item.result.name ?? "a tool call"}: shown with its call in message {item.callMessageId}.
        </p>
      );
    case "unknown":
      return (
        <div data-block="unknown" className="my-2">
          <p className="text-xs font-semibold text-slate-600">
            Block of a kind Docket does not know ({item.block.originalType ?? "no type"}), as the API sent it:
          </p>
          <pre tabIndex={0} data-search-text className="max-h-80 overflow-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-2 font-mono text-xs">
            {item.block.rawJson}
          </pre>
        </div>
      );
  }
}

const CHIP = "rounded-full border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100";

function Attachments({ message }: { message: ChatMessage }) {
  if (message.files.length + message.generatedFiles.length + message.artifacts.length === 0) return null;
  return (
    <ul aria-label="Attachments" className="mt-2 flex flex-wrap gap-2">
      {message.files.map((file) => (
        <li key={`file-${file.id}`}>
          <Link href={`/files/${encodeURIComponent(file.id)}`} className={CHIP}>
            File: <RevealedName name={file.filename ?? file.id} searchable />
          </Link>
        </li>
      ))}
      {message.generatedFiles.map((file) => (
        <li key={`generated-${file.id}`}>
          <Link href={`/generated-files/${encodeURIComponent(file.id)}`} className={CHIP}>
            Generated: <RevealedName name={file.filename ?? file.id} searchable />
          </Link>
        </li>
      ))}
      {message.artifacts.map((artifact) => (
        <li key={`artifact-${artifact.versionId}`}>
          <Link href={`/artifacts/${encodeURIComponent(artifact.versionId)}`} className={CHIP}>
            Artifact: <RevealedName name={artifact.title ?? artifact.id} searchable />
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Copies the message's deep link; the time beside it is the same link, for when the clipboard is out of reach. */
function CopyLinkButton({ href }: { href: string }) {
  const [outcome, setOutcome] = useState<"copied" | "failed" | null>(null);
  const copy = () => {
    // The clipboard is missing outside secure contexts, and a denied permission rejects: both read as "failed".
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(new URL(href, window.location.origin).toString()))
      .then(
        () => setOutcome("copied"),
        () => setOutcome("failed"),
      );
  };
  return (
    <>
      <Button onClick={copy} variant="link" size="small">
        Copy link
      </Button>
      <span aria-live="polite">{outcome === "copied" ? "Link copied" : outcome === "failed" ? "Could not copy: the time is the link" : ""}</span>
    </>
  );
}

/** A message's permalink (the transcript opened at that message); stable, as the rows are memoised. */
export type MessageLink = (message: ChatMessage) => string;

/**
 * Reads a message's JSON as the API sent it: a session's transcript carries it, a chat's is asked for
 * when a reviewer opens it (sending it with every page would double what the thread reads).
 */
export type RawJsonLoader = (message: ChatMessage, signal: AbortSignal) => Promise<string>;

function MessageRawJson({ message, loadRawJson }: { message: ChatMessage; loadRawJson: RawJsonLoader }) {
  // A message shown with its tool text cut has its raw JSON read cut the same way, and one shown in full in full.
  const raw = useQuery({
    queryKey: ["raw-json", message.id, hasFullerToolBlocks(message)],
    queryFn: ({ signal }) => loadRawJson(message, signal),
    staleTime: Infinity,
  });
  if (raw.isPending) return <p className="mt-2 text-xs text-slate-500">Reading the message as the API sends it…</p>;
  if (raw.isError) return <ErrorNotice error={raw.error} onRetry={() => void raw.refetch()} />;
  return <RawJson json={raw.data} />;
}

function Notice({ message }: { message: ChatMessage }) {
  if (!message.notice) return null;
  const { title, detail, isWarning } = describeNotice(message.notice);
  return (
    <div
      data-notice={message.notice.kind}
      className={`my-1 rounded border px-2 py-1 text-xs ${isWarning ? "border-amber-300 bg-amber-50 text-amber-900" : "border-slate-200 bg-slate-50 text-slate-700"}`}
    >
      <p className="font-semibold">{title}</p>
      <p>{detail}</p>
    </div>
  );
}

type MessageRowProps = {
  linkTo: MessageLink;
  paired: PairedMessage;
  isHighlighted: boolean;
  isReloading: boolean;
  onLoadUntruncated: (messageId: string) => void;
  loadRawJson: RawJsonLoader;
};

/** One message of the thread; memoised so scrolling re-renders only the rows that move into view. */
export const MessageRow = memo(function MessageRow({
  linkTo,
  paired: { message, items },
  isHighlighted,
  isReloading,
  onLoadUntruncated,
  loadRawJson,
}: MessageRowProps) {
  const { format } = useTimeFormat();
  const [showsRawJson, setShowsRawJson] = useState(false);
  const href = linkTo(message);
  return (
    <article
      aria-label={`${message.role} message ${message.id}`}
      aria-current={isHighlighted ? "true" : undefined}
      data-message-id={message.id}
      // Focusable from script only: the j and k keys move focus from message to message.
      tabIndex={-1}
      className={`border-b border-slate-100 px-4 py-3 ${isHighlighted ? "bg-amber-50 ring-2 ring-inset ring-amber-400" : "bg-white"}`}
    >
      <header className="mb-1 flex flex-wrap items-center gap-3 text-xs text-slate-500">
        <span className={`font-semibold uppercase tracking-wide ${message.role === "user" ? "text-sky-800" : "text-violet-800"}`}>{message.role}</span>
        {/* A permalink, loaded in full: the thread's first request then starts at this message. */}
        <a href={href} title="Link to this message" className="hover:underline">
          <time dateTime={message.createdAt}>{format(message.createdAt)}</time>
        </a>
        <CopyLinkButton href={href} />
        {message.sentByUserId && <span>Sent by {message.sentByUserId}</span>}
        {hasFullerToolBlocks(message) && (
          <Button onClick={() => onLoadUntruncated(message.id)} disabled={isReloading} variant="link" size="small" className="text-amber-800">
            {isReloading ? "Loading untruncated…" : "Load untruncated"}
          </Button>
        )}
        <Button onClick={() => setShowsRawJson((shown) => !shown)} aria-expanded={showsRawJson} variant="link" size="small" className="ml-auto">
          Raw JSON
        </Button>
      </header>
      <Notice message={message} />
      {items.length === 0 && message.files.length === 0 && !message.notice && <p className="text-sm italic text-slate-500">No content.</p>}
      {items.map((item, index) => (
        <ItemView key={index} item={item} role={message.role} />
      ))}
      <Attachments message={message} />
      {showsRawJson && <MessageRawJson message={message} loadRawJson={loadRawJson} />}
    </article>
  );
});
