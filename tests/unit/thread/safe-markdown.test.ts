import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SafeMarkdown } from "@/components/thread/safe-markdown";

const render = (text: string) => renderToStaticMarkup(createElement(SafeMarkdown, { text }));

const PAYLOADS = [
  "<img src=x onerror=alert(1)>",
  "<svg onload=alert(1)></svg>",
  "<script>window.__xss=1</script>",
  "<iframe src=https://evil.test></iframe>",
  "<object data=https://evil.test></object>",
  '<a name="x" href="javascript:alert(1)">clobber</a>',
  "[a](javascript:alert(1))",
  "[a](JaVaScRiPt:alert(1))",
  "[a](java&#115;cript:alert(1))",
  "[a](data:text/html,<script>alert(1)</script>)",
  "![a](javascript:alert(1))",
  "[ref][1]\n\n[1]: javascript:alert(1)",
  "<javascript:alert(1)>",
  "[a](/api/chats)",
  '<div style="background:url(https://evil.test/x)">css</div>',
];

describe("SafeMarkdown", () => {
  it.each(PAYLOADS)("renders %s without active content", (payload) => {
    const html = render(payload);
    expect(html).not.toMatch(/<(script|iframe|object|svg|img|style)\b/i);
    // Escaped text may spell an attribute; only real tags matter.
    expect(html).not.toMatch(/<[^>]*\son\w+=/i);
    expect(html).not.toMatch(/href="(?!https?:|mailto:)/i);
    expect(html).not.toMatch(/<[^>]*\sstyle=/i);
  });

  it("shows raw HTML as literal text rather than dropping it", () => {
    expect(render("<script>window.__xss=1</script>")).toContain("&lt;script&gt;window.__xss=1&lt;/script&gt;");
  });

  it("opens safe links in a new tab without a referrer", () => {
    expect(render("[docs](https://example.com/a)")).toContain('href="https://example.com/a" target="_blank" rel="noreferrer noopener nofollow"');
    expect(render("[mail](mailto:legal@example.com)")).toContain('href="mailto:legal@example.com"');
  });

  it("never loads an image: the alt text and URL are shown instead", () => {
    const html = render("![tracking pixel](https://tracker.example/p.png)");
    expect(html).not.toContain("<img");
    expect(html).toContain("tracking pixel");
    expect(html).toContain("https://tracker.example/p.png");
  });

  it("highlights code into text nodes, so a closing tag in code stays literal", () => {
    const html = render("```html\n</code><script>window.__xss=1</script>\n```");
    expect(html).not.toMatch(/<script/i);
    expect(html.replace(/<[^>]+>/g, "")).toContain("&lt;/code&gt;&lt;script&gt;window.__xss=1&lt;/script&gt;");
  });

  it("falls back to plain text above the size limit", () => {
    const html = render(`**bold** ${"x".repeat(200_001)}`);
    expect(html).toContain("too large to format");
    expect(html).not.toContain("<strong>");
  });
});
