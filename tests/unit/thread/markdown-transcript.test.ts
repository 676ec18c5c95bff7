import { describe, expect, it } from "vitest";
import type { ChatMessage, ChatSummary, MessageBlock } from "@/lib/schemas/console";
import { chatSubject, transcriptFooter, transcriptHeader, transcriptMessage, type TranscriptOptions } from "@/lib/thread/markdown-transcript";
import { pairToolBlocks } from "@/lib/thread/pair-tool-blocks";

const chat = (overrides: Partial<ChatSummary> = {}): ChatSummary => ({
  id: "claude_chat_01AAAAAAAAAAAAAAAAAAAAAA",
  name: "Quarterly numbers",
  deleted: false,
  deletedAt: null,
  owner: { id: "user_01BBBBBBBBBBBBBBBBBBBBBB", email: "alice@example.com" },
  model: "claude-opus-4",
  projectId: null,
  organizationUuid: "3f1c9c1e-0000-4000-8000-000000000001",
  createdAt: "2026-03-01T09:00:00.000000Z",
  updatedAt: "2026-03-01T10:00:00.000000Z",
  href: null,
  ...overrides,
});

const message = (id: string, role: string, blocks: MessageBlock[], extra: Partial<ChatMessage> = {}): ChatMessage => ({
  id,
  role,
  createdAt: "2026-03-01T09:05:00.000000Z",
  blocks,
  files: [],
  generatedFiles: [],
  artifacts: [],
  ...extra,
});

const text = (value: string, flags: { truncated?: boolean; thinkingRedacted?: boolean } = {}): MessageBlock => ({
  type: "text",
  text: value,
  truncated: flags.truncated ?? false,
  thinkingRedacted: flags.thinkingRedacted ?? false,
});

const use = (id: string | null, input: string, extra: Partial<Extract<MessageBlock, { type: "tool_use" }>> = {}): MessageBlock => ({
  type: "tool_use",
  id,
  name: "search_drive",
  input,
  integrationName: null,
  mcpServerUrl: null,
  truncated: false,
  ...extra,
});

const result = (toolUseId: string | null, output: string, extra: Partial<Extract<MessageBlock, { type: "tool_result" }>> = {}): MessageBlock => ({
  type: "tool_result",
  toolUseId,
  name: "search_drive",
  content: [{ type: "text", text: output }],
  isError: false,
  integrationName: null,
  mcpServerUrl: null,
  truncated: false,
  ...extra,
});

const options = (includeMetadata: boolean): TranscriptOptions => ({
  includeMetadata,
  provenance: { exportedAt: "2026-12-07T00:00:00.000Z", exportedBy: "reviewer@docket.test", docketVersion: "0.1.0" },
});

/** The whole transcript of some messages, paired as the export pairs them. */
function transcript(summary: ChatSummary, messages: ChatMessage[], includeMetadata = true): string {
  const body = pairToolBlocks(messages).map((paired, index) => transcriptMessage(chatSubject(summary), paired, index + 1, options(includeMetadata)));
  return [transcriptHeader(summary, options(includeMetadata)), ...body, transcriptFooter(messages.length)].join("\n");
}

/** Lines that are not inside a fenced block: the transcript's own structure. */
function structuralLines(markdown: string): string[] {
  const lines: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split("\n")) {
    const opening = /^(`{3,})/.exec(line)?.[1];
    if (fence === null && opening) fence = opening;
    else if (fence !== null && line === fence) fence = null;
    else if (fence === null) lines.push(line);
  }
  return lines;
}

describe("the Markdown transcript", () => {
  it("opens with the chat's facts and the export's provenance when metadata is included", () => {
    const header = transcriptHeader(chat(), options(true));
    expect(header).toContain("# Chat transcript: Quarterly numbers");
    expect(header).toContain("| Chat id | `claude_chat_01AAAAAAAAAAAAAAAAAAAAAA` |");
    expect(header).toContain("| Owner | alice@example.com (`user_01BBBBBBBBBBBBBBBBBBBBBB`) |");
    expect(header).toContain("| Model | `claude-opus-4` |");
    expect(header).toContain("| Exported | 2026-12-07T00:00:00.000Z by reviewer@docket.test |");
  });

  it("leaves the facts and message ids out without metadata, but keeps authors, times and content", () => {
    const markdown = transcript(chat(), [message("claude_msg_1", "user", [text("Hello")])], false);
    expect(markdown).not.toContain("| Chat id |");
    expect(markdown).not.toContain("claude_msg_1");
    expect(markdown).toContain("## 1. User (alice@example.com) · 2026-03-01T09:05:00.000000Z");
    expect(markdown).toContain("```\nHello\n```");
  });

  it("writes every message with its author, time and id", () => {
    const markdown = transcript(chat(), [
      message("claude_msg_1", "user", [text("Q")]),
      message("claude_msg_2", "assistant", [text("A")]),
      message("m3", "system", []),
    ]);
    expect(markdown).toContain("## 1. User (alice@example.com) · 2026-03-01T09:05:00.000000Z");
    expect(markdown).toContain("## 2. Claude · 2026-03-01T09:05:00.000000Z");
    expect(markdown).toContain("## 3. Role `system`");
    expect(markdown).toContain("Message id: `claude_msg_2`");
    expect(markdown).toContain("*End of transcript: 3 messages.*");
  });

  it("shows a tool call with its input, MCP server, integration and paired result, and an error as such", () => {
    const markdown = transcript(chat(), [
      message("m1", "assistant", [
        use("toolu_1", '{"query":"budget"}', { integrationName: "Google Drive", mcpServerUrl: "https://mcp.example.com/sse" }),
        result("toolu_1", "3 documents found", { isError: true, mcpServerUrl: "https://mcp.example.com/sse" }),
      ]),
    ]);
    expect(markdown).toContain("**Tool call** `search_drive` via integration Google Drive, MCP server `https://mcp.example.com/sse` · call id `toolu_1`");
    expect(markdown).toContain('```json\n{\n  "query": "budget"\n}\n```');
    expect(markdown).toContain("Result (**error**) from MCP server `https://mcp.example.com/sse`:");
    expect(markdown).toContain("```\n3 documents found\n```");
  });

  it("says when a call has no result, when a result has no call, and where a later result was shown", () => {
    const markdown = transcript(chat(), [
      message("m1", "assistant", [use("toolu_1", "{}"), use("toolu_2", "{}")]),
      message("m2", "assistant", [result("toolu_1", "late"), result("toolu_9", "stray")]),
    ]);
    expect(markdown).toContain("*No result was recorded for this call.*");
    expect(markdown).toContain("*Result of `search_drive`: shown with its call in message `m1`.*");
    expect(markdown).toContain("**Tool result without its call** (call id `toolu_9`)");
  });

  it("marks truncated text, input and output, and redacted thinking", () => {
    const markdown = transcript(chat(), [
      message("m1", "assistant", [
        text("cut here", { truncated: true }),
        text("", { thinkingRedacted: true }),
        use("toolu_1", '{"query":"bud', { truncated: true }),
        result("toolu_1", "partial", { truncated: true }),
      ]),
    ]);
    expect(markdown).toContain("*Text truncated by the Compliance API.*");
    expect(markdown).toContain("*Thinking redacted.*");
    expect(markdown).toContain('```json\n{"query":"bud\n```\n\n*Input truncated by the Compliance API.*');
    expect(markdown).toContain("*Result truncated by the Compliance API.*");
  });

  it("keeps a block of a kind Docket does not know, as the API sent it", () => {
    const rawJson = '{"type":"server_tool_use","x":1}';
    const markdown = transcript(chat(), [message("m1", "assistant", [{ type: "unknown", originalType: "server_tool_use", rawJson }])]);
    expect(markdown).toContain("**Block of a kind Docket does not know** (`server_tool_use`), as the API sent it:");
    expect(markdown).toContain(`\`\`\`json\n${rawJson}\n\`\`\``);
  });

  it("lists attachments with name, size and MD5, and artifacts with their version ids", () => {
    const file = { id: "claude_file_1", filename: "budget.xlsx", mimeType: null, md5: "0cc175b9c0f1b6a831c399e269772661", sizeBytes: 1234, createdAt: null };
    const markdown = transcript(chat(), [
      message("m1", "user", [text("see attached")], {
        files: [file],
        generatedFiles: [{ ...file, id: "claude_gen_1", filename: "chart.png", md5: null, sizeBytes: null }],
        artifacts: [{ id: "art_1", versionId: "artver_1", title: "Plan", artifactType: "text/markdown" }],
      }),
    ]);
    expect(markdown).toContain("- Uploaded file budget.xlsx: `claude_file_1`, 1234 bytes, MD5 `0cc175b9c0f1b6a831c399e269772661`");
    expect(markdown).toContain("- Generated file chart.png: `claude_gen_1`, size not given, MD5 not given");
    expect(markdown).toContain("- Artifact Plan (`text/markdown`): artifact `art_1`, version `artver_1`");
  });

  it("says a soft-deleted chat's messages have no content, and why", () => {
    const deleted = chat({ name: "", deleted: true, deletedAt: "2026-04-01T00:00:00Z" });
    const markdown = transcript(deleted, [message("m1", "user", [])]);
    expect(markdown).toContain("# Chat transcript: (no name)");
    expect(markdown).toContain("**This chat was deleted by its user in claude.ai on 2026-04-01T00:00:00Z.**");
    expect(markdown).toContain("*(No content: the chat was deleted in claude.ai.)*");
  });

  it("cannot be forged by content: fences outlast any backticks inside, and headings inside content stay inside", () => {
    const hostile = "```\n---\n\n## 2. Claude · 2026-01-01T00:00:00Z\n\nI approve the wire transfer.\n````";
    const markdown = transcript(chat(), [message("m1", "user", [text(hostile)]), message("m2", "assistant", [result(null, "`````")])]);
    const headings = structuralLines(markdown).filter((line) => line.startsWith("## "));
    expect(headings).toEqual(["## 1. User (alice@example.com) · 2026-03-01T09:05:00.000000Z", "## 2. Claude · 2026-03-01T09:05:00.000000Z"]);
    expect(markdown).toContain(`\`\`\`\`\`\n${hostile}\n\`\`\`\`\``);
  });

  it("escapes markup and HTML in names and emails, and keeps them on one line", () => {
    const header = transcriptHeader(chat({ name: "<img src=x onerror=alert(1)>\n# Fake *bold*" }), options(true));
    expect(header.split("\n")[0]).toBe("# Chat transcript: \\<img src=x onerror=alert(1)\\> # Fake \\*bold\\*");
  });
});
