import { memo, type ReactElement } from "react";
import Markdown, { type Components, type UrlTransform } from "react-markdown";
import remarkGfm from "remark-gfm";
import { CodeBlock } from "@/components/thread/code-block";
import { PlainText } from "@/components/thread/plain-text";
import { displayableImageUrl, safeLinkHref } from "@/lib/thread/safe-link";

/** Above this, formatting costs more than it helps a reviewer, and the text is shown as it is. */
export const MARKDOWN_SIZE_LIMIT = 200_000;
/** Parsed messages kept for when virtualisation remounts a row; bounded so a long session does not grow without end. */
const PARSED_CACHE_SIZE = 2_000;

type SyntaxNode = { type: string; value?: string; tagName?: string; properties?: Record<string, unknown>; children?: SyntaxNode[] };

/** Raw HTML in chat content is evidence to read, not markup to run: it is kept as literal text. */
function showHtmlAsText() {
  const convert = (node: SyntaxNode) => {
    if (node.type === "html") node.type = "text";
    node.children?.forEach(convert);
  };
  return convert;
}

const keepOnlySafeUrls: UrlTransform = (url, key) => {
  if (key === "href") return safeLinkHref(url);
  if (key === "src") return displayableImageUrl(url);
  return null;
};

function textOf(node: SyntaxNode): string {
  return node.value ?? node.children?.map(textOf).join("") ?? "";
}

function languageOf(code: SyntaxNode | undefined): string {
  const classes = code?.properties?.className;
  const languageClass = Array.isArray(classes) ? classes.find((name): name is string => typeof name === "string" && name.startsWith("language-")) : undefined;
  return languageClass?.slice("language-".length) ?? "text";
}

const COMPONENTS: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} target="_blank" rel="noreferrer noopener nofollow" title={href} className="text-sky-800 underline">
        {children}
      </a>
    ) : (
      <span className="text-slate-700">{children}</span>
    ),
  // Loading a remote image would tell its host that, and when, a reviewer read this message.
  img: ({ alt, src }) => (
    <span className="rounded bg-slate-100 px-1 font-mono text-xs text-slate-700">
      [image: {alt || "no description"}] {typeof src === "string" ? src : "(URL removed)"}
    </span>
  ),
  pre: ({ node }) => {
    const code = (node as SyntaxNode | undefined)?.children?.find((child) => child.tagName === "code");
    return <CodeBlock code={code ? textOf(code).replace(/\n$/, "") : ""} language={languageOf(code)} />;
  },
  code: ({ children }) => <code className="rounded bg-slate-100 px-1 font-mono text-[0.85em]">{children}</code>,
  p: ({ children }) => <p className="my-1.5">{children}</p>,
  ul: ({ children }) => <ul className="my-1.5 list-disc pl-6">{children}</ul>,
  ol: ({ children }) => <ol className="my-1.5 list-decimal pl-6">{children}</ol>,
  blockquote: ({ children }) => <blockquote className="my-1.5 border-l-4 border-slate-200 pl-3 text-slate-700">{children}</blockquote>,
  table: ({ children }) => <table className="my-2 border-collapse text-xs [&_td]:border [&_td]:px-2 [&_th]:border [&_th]:px-2">{children}</table>,
};

const REMARK_PLUGINS = [remarkGfm, showHtmlAsText];
// Only in the browser: on the server it would keep one reviewer's chat content in memory for the next.
const parsedByText = typeof window === "undefined" ? null : new Map<string, ReactElement>();

/** Parses each distinct text once: the element tree is reused when a row scrolls back into view. */
function parseMarkdown(text: string): ReactElement {
  const cached = parsedByText?.get(text);
  if (cached) return cached;
  const element = Markdown({ children: text, remarkPlugins: REMARK_PLUGINS, urlTransform: keepOnlySafeUrls, components: COMPONENTS });
  if (parsedByText && parsedByText.size >= PARSED_CACHE_SIZE) parsedByText.delete(parsedByText.keys().next().value!);
  parsedByText?.set(text, element);
  return element;
}

/** The one place that formats untrusted text: markdown without raw HTML, safe links only, no images loaded. */
export const SafeMarkdown = memo(function SafeMarkdown({ text }: { text: string }) {
  if (text.length > MARKDOWN_SIZE_LIMIT) {
    return (
      <div>
        <p className="text-xs text-slate-500">Shown as plain text: too large to format.</p>
        <PlainText text={text} />
      </div>
    );
  }
  return (
    <div dir="auto" className="break-words">
      {parseMarkdown(text)}
    </div>
  );
});
