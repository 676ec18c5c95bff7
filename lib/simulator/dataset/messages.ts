// Chat messages, generated on demand from (seed, chat, message index). Scripted chats (tools,
// artifacts, files, hostile) cover every documented block shape; ordinary chats mix the same
// shapes at random so a large export meets them everywhere.

import { artifactId, artifactSlots, artifactVersionId } from "./artifacts";
import { ChatKind, FLAG_SOFT_DELETED, type ChatTable } from "./chats";
import { ASSISTANT_REPLIES, BUILTIN_TOOLS, MCP_INTEGRATIONS, MULTILINGUAL, USER_PROMPTS } from "./corpus";
import { HOSTILE_CONNECTOR, HOSTILE_SNIPPETS, veryLongString } from "./hostile";
import { type IdCodec, Kind, PREFIX } from "./ids";
import { hashInts, pickBy } from "./prng";

export interface TextBlock {
  type: "text";
  text: string;
  thinking_redacted: boolean;
  truncated: boolean;
}

export interface ToolUseBlock {
  type: "tool_use";
  id: string | null;
  name: string;
  input: string;
  integration_name: string | null;
  mcp_server_url: string | null;
  truncated: boolean;
}

export interface ToolResultBlock {
  type: "tool_result";
  tool_use_id: string | null;
  name: string;
  content: Array<{ type: "text"; text: string }>;
  is_error: boolean;
  integration_name: string | null;
  mcp_server_url: string | null;
  truncated: boolean;
}

export type Block = TextBlock | ToolUseBlock | ToolResultBlock;

/** Server default for `tool_*_max_chars` (documented by third-party clients; undocumented here). */
export const DEFAULT_TOOL_MAX_CHARS = 10_000;

export function messageId(ids: IdCodec, ci: number, i: number): string {
  return ids.tagged(PREFIX.message, Kind.ChatMessage, ci, i);
}

export function messageUuid(ids: IdCodec, ci: number, i: number): string {
  return ids.uuid(Kind.MessageUuid, ci, i);
}

export function roleOf(i: number): "user" | "assistant" {
  return i % 2 === 0 ? "user" : "assistant";
}

const text = (t: string, thinkingRedacted = false): TextBlock => ({ type: "text", text: t, thinking_redacted: thinkingRedacted, truncated: false });

interface ToolSpec {
  name: string;
  input: unknown;
  output: string | string[];
  isError?: boolean;
  mcp?: { integration: string; url: string } | null;
  /** Legacy blocks recorded before tool-use ids existed. */
  noId?: boolean;
}

function toolPair(ids: IdCodec, ci: number, i: number, k: number, spec: ToolSpec): [ToolUseBlock, ToolResultBlock] {
  const id = spec.noId ? null : ids.tagged(PREFIX.toolUse, Kind.ToolUse, ci, i, k);
  const integration = spec.mcp?.integration ?? null;
  const url = spec.mcp?.url ?? null;
  const outputs = Array.isArray(spec.output) ? spec.output : [spec.output];
  return [
    { type: "tool_use", id, name: spec.name, input: JSON.stringify(spec.input), integration_name: integration, mcp_server_url: url, truncated: false },
    {
      type: "tool_result",
      tool_use_id: id,
      name: spec.name,
      content: outputs.map((t) => ({ type: "text", text: t })),
      is_error: spec.isError ?? false,
      integration_name: integration,
      mcp_server_url: url,
      truncated: false,
    },
  ];
}

const bigTables = new Map<string, string>();

/** Deterministic CSV filler for oversized tool inputs and outputs (memoised: pages repeat them). */
function bigTable(rows: number, h: number): string {
  const key = `${rows}:${h}`;
  const hit = bigTables.get(key);
  if (hit !== undefined) return hit;
  const lines = ["customer_id,month,seats,mrr_usd,churned"];
  for (let r = 0; r < rows; r++) {
    const x = hashInts(h, r);
    lines.push(`C${String(10000 + r)},2026-${String((r % 12) + 1).padStart(2, "0")},${(x % 500) + 1},${((x >>> 9) % 100000) / 100},${(x >>> 20) % 7 === 0}`);
  }
  const table = lines.join("\n");
  if (bigTables.size >= 256) bigTables.clear();
  bigTables.set(key, table);
  return table;
}

const gdrive = MCP_INTEGRATIONS[0]!;
const linear = MCP_INTEGRATIONS[1]!;
const wiki = MCP_INTEGRATIONS[2]!;

function toolsChat(ids: IdCodec, ci: number, i: number): Block[] {
  switch (i) {
    case 0:
      return [
        text("Find the Globex master services agreement in our Drive and summarise the **termination** clause. Also check the latest news about Globex."),
      ];
    case 1:
      return [
        text("I'll search Drive for the agreement first, then look for recent news."),
        ...toolPair(ids, ci, i, 0, {
          name: "drive_search",
          input: { query: "Globex master services agreement termination", max_results: 5 },
          output: "1. Globex MSA (signed 2025-11-02).pdf — Legal/Contracts\n2. Globex MSA redline v3.docx — Legal/Drafts",
          mcp: { integration: gdrive.integration, url: gdrive.url },
        }),
        ...toolPair(ids, ci, i, 1, {
          name: "web_fetch",
          input: { url: "https://news.example.com/companies/globex" },
          output: "Error: request failed with status 403 Forbidden (robots.txt disallows fetching this URL)",
          isError: true,
        }),
        text(
          "**Termination (clause 14.2):** either party may terminate for convenience with 90 days' written notice; termination for cause requires a 30-day cure period.\n\nI could not fetch the news page (access was refused).",
          true,
        ),
      ];
    case 2:
      return [text("Run the churn analysis on the full customer table and show me the raw output.")];
    case 3:
      return [
        text("Running the analysis over all 1,200 rows:"),
        ...toolPair(ids, ci, i, 0, {
          name: "repl",
          input: {
            language: "python",
            code: `import csv, io\nDATA = """${bigTable(1200, 0xc0de)}"""\nrows = list(csv.DictReader(io.StringIO(DATA)))\nprint(len(rows))`,
          },
          output: bigTable(1500, 0x0a7),
        }),
        text("Churn is concentrated in accounts with fewer than 20 seats (see the output above)."),
      ];
    case 4:
      return [text("Look up our incident-response runbook in the wiki.")];
    case 5:
      return [
        ...toolPair(ids, ci, i, 0, {
          name: "wiki_search",
          input: { query: "incident response runbook", space: "SEC" },
          output: `<h1>Incident response</h1>\n${HOSTILE_SNIPPETS[0]}\n${HOSTILE_SNIPPETS[1]}\n<p>Page the on-call via <a href="javascript:window.__xss=1">this link</a>.</p>`,
          mcp: { integration: wiki.integration, url: wiki.url },
        }),
        text("The runbook says to page the on-call engineer first. Note: the page contains embedded HTML/script, which I have not executed."),
      ];
    case 6:
      return [text("Create a Linear issue to follow up on the Globex notice period.")];
    case 7:
      return [
        ...toolPair(ids, ci, i, 0, {
          name: "create_issue",
          input: { team: "LEGAL", title: `Follow up: Globex notice ${HOSTILE_SNIPPETS[12]}`, priority: 2 },
          output: "MCP error -32603: upstream returned 502 Bad Gateway",
          isError: true,
          mcp: { integration: linear.integration, url: linear.url },
        }),
        text("The Linear connector returned an error, so the issue was not created."),
      ];
    case 8:
      return [text(`${MULTILINGUAL[3]!.text}\n\n(Globex についての最新ニュースも検索してください)`)];
    case 9:
      return [
        ...toolPair(ids, ci, i, 0, {
          name: "web_search",
          input: { query: "Globex ニュース 2026" },
          output: ["1. Globex、新CEOを任命 — example.jp", "2. Globex Q2 results beat expectations — news.example.com"],
        }),
        text("検索結果の要約：新CEOが任命され、第2四半期の業績は予想を上回りました。"),
      ];
    case 10:
      return [text("Thanks! Can you also check the older import log?")];
    default:
      return [
        ...toolPair(ids, ci, i, 0, { name: "read_log", input: { path: "imports/2025-12.log" }, output: "12 rows skipped (encoding errors)", noId: true }),
        text("The December import skipped 12 rows because of encoding errors."),
      ];
  }
}

/**
 * The user pastes the whole corpus (shown as plain text), the assistant repeats it as markdown and
 * fenced, and a tool of a hostile custom connector returns it: every rendering path meets every payload.
 */
function hostileChat(ids: IdCodec, ci: number, i: number): Block[] {
  const corpus = HOSTILE_SNIPPETS.join("\n\n");
  if (i === 0) return [text(`Why does this break our page?\n\n${corpus}`)];
  if (i === 1) {
    return [
      // Four backticks: the corpus itself holds a three-backtick fence.
      text(`Rendering it raw would execute it. As markdown:\n\n${corpus}\n\nVerbatim:\n\n\`\`\`\`html\n${corpus}\n\`\`\`\``),
      ...toolPair(ids, ci, i, 0, {
        name: "paste_lookup",
        input: { query: HOSTILE_SNIPPETS[1], selector: HOSTILE_SNIPPETS[12] },
        output: [...HOSTILE_SNIPPETS],
        mcp: HOSTILE_CONNECTOR,
      }),
    ];
  }
  const snippet = HOSTILE_SNIPPETS[i % HOSTILE_SNIPPETS.length]!;
  if (i === 6) return [text(`Here is the token that broke the parser:\n\n${veryLongString(120_000)}`)];
  if (i % 2 === 0) return [text(`Why does this break our page?\n\n${snippet}\n\nand this: ${HOSTILE_SNIPPETS[(i + 3) % HOSTILE_SNIPPETS.length]}`)];
  const blocks: Block[] = [text(`Rendering it raw would execute it. Here it is verbatim:\n\n${snippet}\n\n\`\`\`html\n${snippet}\n\`\`\``)];
  if (i === 3) {
    blocks.push(
      ...toolPair(ids, ci, i, 0, {
        name: "web_fetch",
        input: { url: "javascript:window.__xss=1", headers: { Cookie: "<script>window.__xss=1</script>" } },
        output: `<html><body onload="window.__xss=1">${HOSTILE_SNIPPETS.join("\n")}</body></html>`,
      }),
    );
  }
  return blocks;
}

function genericUserText(seed: number, ci: number, i: number, long: boolean): string {
  const h = hashInts(seed, 0x05e7, ci, i);
  const roll = h % 100;
  let t: string;
  if (roll < 70) t = pickBy(USER_PROMPTS, h >>> 7);
  else if (roll < 85) t = pickBy(MULTILINGUAL, h >>> 7).text;
  else if (roll < 90) t = `Why does this render weirdly in our wiki?\n\n${pickBy(HOSTILE_SNIPPETS, h >>> 7)}`;
  else t = `${pickBy(USER_PROMPTS, h >>> 7)}\n\n${pickBy(MULTILINGUAL, h >>> 11).text}`;
  return long ? `Stand-up #${i / 2 + 1}: ${t}` : t;
}

function genericAssistant(ids: IdCodec, seed: number, ci: number, i: number, long: boolean): Block[] {
  const h = hashInts(seed, 0xa55, ci, i);
  let reply = pickBy(ASSISTANT_REPLIES, h >>> 3);
  if (h % 20 === 0) reply += `\n\nHere is the snippet you pasted, unchanged:\n\n${pickBy(HOSTILE_SNIPPETS, h >>> 9)}`;
  if (long) reply = `Noted for stand-up #${(i + 1) / 2}. ${reply}`;
  const redacted = (h >>> 16) % 10 === 0;
  if ((h >>> 8) % 100 >= 12) return [text(reply, redacted)];
  const t2 = hashInts(seed, 0x7001, ci, i);
  const mcp = t2 % 100 < 40 ? pickBy(MCP_INTEGRATIONS, t2 >>> 7) : null;
  const name = mcp ? pickBy(mcp.tools, t2 >>> 11) : pickBy(BUILTIN_TOOLS, t2 >>> 11);
  const big = (t2 >>> 14) % 50 === 0;
  const isError = (t2 >>> 20) % 100 < 15;
  const output = isError
    ? `Error: ${pickBy(["timeout after 30s", "permission denied", "resource not found", "rate limited by upstream"], t2 >>> 23)}`
    : big
      ? bigTable(700, t2)
      : `Found ${(t2 >>> 9) % 20} results:\n- ${pickBy(MULTILINGUAL, t2 >>> 3).text.slice(0, 60)}\n- https://docs.example.com/page/${(t2 >>> 5) % 1000}`;
  const input = big ? { query: "full export", filter: bigTable(600, t2 ^ 0xbeef) } : { query: genericUserText(seed, ci, i - 1, false).slice(0, 80) };
  return [
    text(pickBy(["Let me look that up.", "I'll check that with a tool.", "Searching now."], t2)),
    ...toolPair(ids, ci, i, 0, { name, input, output, isError, mcp: mcp ? { integration: mcp.integration, url: mcp.url } : null }),
    text(reply, redacted),
  ];
}

const CORPUS_USER_TEXTS = [
  "Exports from the old file share, names exactly as they were.",
  "The invoice page, a scan and two images from the intranet.",
  "The server log and the form the vendor sent.",
];

const CORPUS_ASSISTANT_TEXTS = [
  "I drew the approval stamp as an SVG.",
  "Here is the ledger export script.",
  "I updated the ledger export with the corrected amounts.",
];

/** Full (untruncated) content blocks of message i. */
export function contentOf(t: ChatTable, ids: IdCodec, seed: number, ci: number, i: number): Block[] {
  // A chat its user deleted in claude.ai keeps its messages with empty content (newer docs).
  if (t.flags[ci]! & FLAG_SOFT_DELETED) return [];
  const kind = t.kind[ci] as ChatKind;
  if (kind === ChatKind.Tools) return toolsChat(ids, ci, i);
  if (kind === ChatKind.Hostile) return hostileChat(ids, ci, i);
  const long = kind === ChatKind.Long;
  if (i % 2 === 0) {
    if (kind === ChatKind.Files) return [text(i === 0 ? "Please review these uploads." : `More files (batch ${i / 2 + 1}).`)];
    if (kind === ChatKind.LargeFile) return [text("Attaching the forensic image of the laptop (1 GiB). Please confirm you received it.")];
    if (kind === ChatKind.Corpus) return [text(CORPUS_USER_TEXTS[i / 2] ?? "Thanks, that is everything.")];
    if (kind === ChatKind.Artifacts)
      return [
        text(
          [
            "Draft a launch plan and a pricing script.",
            "Add a timeline and a landing page.",
            "Add risks, a logo and a discount rule.",
            "Turn the pricing into a React table and update the page.",
            "Make the table interactive.",
          ][i / 2] ?? "Thanks!",
        ),
      ];
    return [text(genericUserText(seed, ci, i, long))];
  }
  if (kind === ChatKind.Files) return [text("I've reviewed the files. A summary is attached where relevant.", i === 3)];
  if (kind === ChatKind.LargeFile) return [text("Received. The image is 1 GiB; I can't open raw disk images, but the upload is stored.")];
  if (kind === ChatKind.Corpus) return [text(CORPUS_ASSISTANT_TEXTS[(i - 1) / 2] ?? "Noted.")];
  if (kind === ChatKind.Artifacts) return [text(`Here is version ${Math.ceil(i / 2)} of the documents.`, i === 5)];
  return genericAssistant(ids, seed, ci, i, long);
}

export interface ArtifactRef {
  id: string;
  version_id: string;
  title: string | null;
  artifact_type: string | null;
}

export function artifactRefsOf(t: ChatTable, ids: IdCodec, seed: number, ci: number, i: number): ArtifactRef[] {
  const refs: ArtifactRef[] = [];
  for (const s of artifactSlots(t, seed, ci)) {
    if (!s.versionsAt.includes(i)) continue;
    refs.push({ id: artifactId(ids, ci, s.slot), version_id: artifactVersionId(ids, ci, s.slot, i), title: s.title, artifact_type: s.type });
  }
  return refs;
}

/** `s` cut to `max` code points, or null when it already fits. */
function cutCodePoints(s: string, max: number): string | null {
  if (s.length <= max) return null;
  let count = 0;
  let k = 0;
  while (k < s.length && count < max) {
    const c = s.charCodeAt(k);
    k += c >= 0xd800 && c <= 0xdbff && k + 1 < s.length ? 2 : 1;
    count++;
  }
  return k < s.length ? s.slice(0, k) : null;
}

/** Applies `tool_use_input_max_chars` / `tool_result_max_chars` (-1 = unlimited). */
export function truncateBlocks(blocks: Block[], toolUseMax: number, toolResultMax: number): Block[] {
  return blocks.map((b) => {
    if (b.type === "tool_use" && toolUseMax !== -1) {
      const cut = cutCodePoints(b.input, toolUseMax);
      return cut === null ? b : { ...b, input: cut, truncated: true };
    }
    if (b.type === "tool_result" && toolResultMax !== -1) {
      let truncated = false;
      const content = b.content.map((item) => {
        const cut = cutCodePoints(item.text, toolResultMax);
        if (cut === null) return item;
        truncated = true;
        return { type: "text" as const, text: cut };
      });
      return truncated ? { ...b, content, truncated } : b;
    }
    return b;
  });
}
