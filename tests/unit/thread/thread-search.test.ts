import { describe, expect, it } from "vitest";
import type { ChatMessage } from "@/lib/schemas/console";
import { findMatchingMessages } from "@/lib/thread/thread-search";
import { prettyJsonOrRaw } from "@/lib/thread/json-text";

const message = (id: string, blocks: ChatMessage["blocks"]): ChatMessage => ({
  id,
  role: "user",
  createdAt: "2026-01-01T00:00:00Z",
  blocks,
  files: [],
  generatedFiles: [],
  artifacts: [],
});

describe("findMatchingMessages", () => {
  const messages = [
    message("a", [{ type: "text", text: "The Termination clause", thinkingRedacted: false, truncated: false }]),
    message("b", [
      { type: "tool_use", id: "t", name: "drive_search", input: '{"query":"termination"}', integrationName: null, mcpServerUrl: null, truncated: false },
    ]),
    message("c", [{ type: "unknown", originalType: null, rawJson: "{}" }]),
  ];

  it("finds the term case-insensitively in text and tool inputs", () => {
    expect(findMatchingMessages(messages, "TERMINATION")).toEqual([0, 1]);
  });

  it("finds nothing for a blank term", () => {
    expect(findMatchingMessages(messages, "  ")).toEqual([]);
  });
});

describe("prettyJsonOrRaw", () => {
  it("indents valid JSON and keeps truncated JSON as sent", () => {
    expect(prettyJsonOrRaw('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyJsonOrRaw('{"a":1')).toBe('{"a":1');
  });
});
