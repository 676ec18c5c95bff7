import fc from "fast-check";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SafeMarkdown } from "@/components/thread/safe-markdown";

const render = (text: string) => renderToStaticMarkup(createElement(SafeMarkdown, { text }));

const PAYLOAD = "window.__xss=1";

/** Schemes in the spellings that have slipped past filters: any case, entities, whitespace and control characters. */
const dangerousScheme = fc.oneof(
  fc.mixedCase(fc.constantFrom("javascript:", "vbscript:", "data:text/html,", "data:image/svg+xml,")),
  fc.constantFrom(
    "java&#115;cript:",
    "&#106;avascript:",
    "&#x6A;avascript:",
    "jav&#x09;ascript:",
    "java\tscript:",
    " javascript:",
    "\u0001javascript:",
    "javascript&colon;",
  ),
);
const url = fc.oneof(
  dangerousScheme.map((scheme) => `${scheme}${PAYLOAD}`),
  fc.constantFrom(
    "https://evil.test/pixel.png",
    "http://evil.example/x",
    "//evil.test/x",
    "/api/chats",
    "../../etc/passwd",
    "mailto:legal@example.com",
    "#__xss",
  ),
);
const words = fc.constantFrom("text", "click me", "__xss", "a b", "", "*bold*", "`code`", "</code>", '"', "'", "<", ">", "&");
const eventHandler = fc.mixedCase(fc.constantFrom("onerror", "onload", "onclick", "ontoggle", "onfocus", "onmouseover", "onanimationstart"));
const tagName = fc.mixedCase(
  fc.constantFrom(
    "script",
    "img",
    "svg",
    "iframe",
    "object",
    "embed",
    "style",
    "a",
    "details",
    "math",
    "video",
    "form",
    "base",
    "meta",
    "link",
    "body",
    "input",
    "noscript",
  ),
);
const attribute = fc.oneof(
  fc.tuple(eventHandler, fc.constantFrom(`"${PAYLOAD}"`, PAYLOAD, `'${PAYLOAD}'`)).map(([name, value]) => `${name}=${value}`),
  fc.tuple(fc.constantFrom("href", "src", "action", "formaction", "data", "srcdoc"), url).map(([name, value]) => `${name}="${value}"`),
  fc.constantFrom(
    'name="__xss"',
    'id="__xss"',
    'style="background:url(https://evil.test/css)"',
    "open",
    "autofocus",
    'http-equiv="refresh" content="0;url=https://evil.test"',
  ),
);

/** Markdown and HTML fragments of the kinds chat content uses to get past a renderer. */
const fragment = fc.oneof(
  words,
  fc.string({ maxLength: 20 }),
  fc.tuple(words, url).map(([label, target]) => `[${label}](${target})`),
  fc.tuple(words, url, words).map(([label, target, title]) => `[${label}](${target} "${title}")`),
  fc.tuple(words, url).map(([label, target]) => `[${label}](<${target}>)`),
  fc.tuple(words, url).map(([alt, target]) => `![${alt}](${target})`),
  fc.tuple(words, url).map(([label, target]) => `[${label}][ref]\n\n[ref]: ${target}\n`),
  url.map((target) => `<${target}>`),
  fc.constantFrom("www.evil.test/x", "https://evil.test/autolink"),
  fc.tuple(tagName, fc.array(attribute, { maxLength: 3 }), words).map(([tag, attributes, body]) => `<${[tag, ...attributes].join(" ")}>${body}</${tag}>`),
  fc.tuple(tagName, fc.array(attribute, { maxLength: 3 })).map(([tag, attributes]) => `<${[tag, ...attributes].join(" ")}/>`),
  fc.constantFrom(
    `&lt;script&gt;${PAYLOAD}&lt;/script&gt;`,
    `&#x3C;img src=x onerror=${PAYLOAD}&#x3E;`,
    `&#60;script&#62;${PAYLOAD}&#60;/script&#62;`,
    `<a name="__xss">clobber</a>`,
    `<!-- <script>${PAYLOAD}</script> -->`,
    `<![CDATA[<script>${PAYLOAD}</script>]]>`,
    `[^__xss]\n\n[^__xss]: footnote [x](javascript:${PAYLOAD})\n`,
    `| <img src=x onerror=${PAYLOAD}> | b |\n|---|---|\n| [c](javascript:${PAYLOAD}) | d |\n`,
    `- [x] <script>${PAYLOAD}</script>\n`,
  ),
  fc
    .tuple(fc.constantFrom("```", "~~~", "````"), fc.constantFrom("", "html", "js", "svg", "<script>"))
    .map(([fence, language]) => `${fence}${language}\n</code><script>${PAYLOAD}</script>\n${fence}`),
  fc.constantFrom(`\`</code><script>${PAYLOAD}</script>\``, `    </code><script>${PAYLOAD}</script>`),
);
const separator = fc.constantFrom("", " ", "\n", "\n\n", "> ", "- ", "1. ", "# ");
const chatText = fc.array(fc.tuple(separator, fragment), { maxLength: 12 }).map((parts) => parts.flat().join(""));

const ENTITIES: Record<string, string> = { amp: "&", quot: '"', "#x27": "'", lt: "<", gt: ">" };
const decodeAttribute = (value: string) => value.replace(/&(amp|quot|#x27|lt|gt);/g, (_, name: string) => ENTITIES[name]!);

/** React escapes `<` in text and in attribute values, so every `<` in the output starts a real tag. */
function tagsOf(html: string): Array<{ name: string; attributes: Array<[string, string]> }> {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)].map(([, name, rest]) => ({
    name: name!.toLowerCase(),
    attributes: [...rest!.matchAll(/([^\s=/]+)(?:="([^"]*)")?/g)].map(([, attributeName, value]) => [
      attributeName!.toLowerCase(),
      decodeAttribute(value ?? ""),
    ]),
  }));
}

describe("SafeMarkdown over generated chat text", () => {
  // A few seconds of rendering: the timeout leaves room for a busy machine running the other suites alongside.
  it("never emits active content, a dangerous or app-relative link, an image source or a clobbering name", { timeout: 20_000 }, () => {
    fc.assert(
      fc.property(chatText, (text) => {
        const html = render(text);
        expect(html).not.toMatch(/<(script|iframe|object|embed|svg|style|img|math|base|meta|link|form)\b/i);
        for (const { name, attributes } of tagsOf(html)) {
          for (const [attributeName, value] of attributes) {
            expect(attributeName, `<${name} ${attributeName}>`).not.toMatch(/^on/);
            expect(["src", "srcdoc", "srcset", "action", "formaction", "data", "name"], `<${name} ${attributeName}>`).not.toContain(attributeName);
            if (attributeName === "href") expect(["http:", "https:", "mailto:"], `<${name} href="${value}">`).toContain(new URL(value).protocol);
            if (attributeName === "id") expect(value === "footnote-label" || value.startsWith("user-content-"), `id="${value}"`).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
