import { describe, expect, it } from "vitest";
import { pairToolBlocks, ToolCallPairer, type PairedMessage } from "@/lib/thread/pair-tool-blocks";
import type { ChatMessage, MessageBlock } from "@/lib/schemas/console";

const message = (id: string, blocks: MessageBlock[]): ChatMessage => ({
  id,
  role: "assistant",
  createdAt: "2026-01-01T00:00:00Z",
  blocks,
  files: [],
  generatedFiles: [],
  artifacts: [],
});
const use = (id: string | null, name = "search"): MessageBlock => ({
  type: "tool_use",
  id,
  name,
  input: "{}",
  integrationName: null,
  mcpServerUrl: null,
  truncated: false,
});
const result = (toolUseId: string | null, text: string, name = "search"): MessageBlock => ({
  type: "tool_result",
  toolUseId,
  name,
  content: [{ type: "text", text }],
  isError: false,
  integrationName: null,
  mcpServerUrl: null,
  truncated: false,
});
const text = (value: string): MessageBlock => ({ type: "text", text: value, thinkingRedacted: false, truncated: false });

describe("pairToolBlocks", () => {
  it("pairs a result with its call in the same message and keeps the order of the other blocks", () => {
    const [paired] = pairToolBlocks([message("m1", [text("before"), use("t1"), result("t1", "out"), text("after")])]);
    expect(paired!.items.map((item) => item.kind)).toEqual(["text", "tool_call", "text"]);
    expect(paired!.items[1]).toMatchObject({ kind: "tool_call", result: { content: [{ text: "out" }] } });
  });

  it("pairs a result that arrives in a later message and notes where it is shown", () => {
    const [first, second] = pairToolBlocks([message("m1", [use("t1")]), message("m2", [result("t1", "late")])]);
    expect(first!.items[0]).toMatchObject({ kind: "tool_call", result: { content: [{ text: "late" }] } });
    expect(second!.items).toEqual([expect.objectContaining({ kind: "result_shown_with_call", callMessageId: "m1" })]);
  });

  it("keeps a call without a result and a result without a call", () => {
    const [paired] = pairToolBlocks([message("m1", [use("t1"), result("t2", "stray")])]);
    expect(paired!.items).toEqual([
      expect.objectContaining({ kind: "tool_call", result: null }),
      expect.objectContaining({ kind: "orphan_result", result: expect.objectContaining({ toolUseId: "t2" }) }),
    ]);
  });

  it("does not pair a result with a call that comes after it", () => {
    const [first, second] = pairToolBlocks([message("m1", [result("t1", "early")]), message("m2", [use("t1")])]);
    expect(first!.items[0]!.kind).toBe("orphan_result");
    expect(second!.items[0]).toMatchObject({ kind: "tool_call", result: null });
  });

  it("pairs duplicate ids in order and shows a surplus result as an orphan", () => {
    const [paired] = pairToolBlocks([message("m1", [use("t1"), use("t1"), result("t1", "a"), result("t1", "b"), result("t1", "c")])]);
    expect(paired!.items).toEqual([
      expect.objectContaining({ kind: "tool_call", result: expect.objectContaining({ content: [{ type: "text", text: "a" }] }) }),
      expect.objectContaining({ kind: "tool_call", result: expect.objectContaining({ content: [{ type: "text", text: "b" }] }) }),
      expect.objectContaining({ kind: "orphan_result", result: expect.objectContaining({ content: [{ type: "text", text: "c" }] }) }),
    ]);
  });

  it("pairs legacy blocks without ids by name within one message only", () => {
    const [first, second] = pairToolBlocks([
      message("m1", [use(null, "fetch"), use(null, "search"), result(null, "found", "search")]),
      message("m2", [result(null, "fetched", "fetch")]),
    ]);
    expect(first!.items[0]).toMatchObject({ kind: "tool_call", result: null });
    expect(first!.items[1]).toMatchObject({ kind: "tool_call", result: { content: [{ text: "found" }] } });
    expect(second!.items[0]!.kind).toBe("orphan_result");
  });

  it("keeps an unknown block whole for the raw JSON view", () => {
    const raw = '{"type":"server_tool_use","x":1}';
    const [paired] = pairToolBlocks([message("m1", [{ type: "unknown", originalType: "server_tool_use", rawJson: raw }])]);
    expect(paired!.items).toEqual([{ kind: "unknown", block: { type: "unknown", originalType: "server_tool_use", rawJson: raw } }]);
  });
});

describe("ToolCallPairer (a chat paired as it streams past)", () => {
  const idsOf = (paired: PairedMessage[]) => paired.map((entry) => entry.message.id);

  it("releases a message at once when none of its calls waits for a result", () => {
    const pairer = new ToolCallPairer(3);
    expect(idsOf(pairer.push(message("m1", [text("hello"), use("t1"), result("t1", "out")])))).toEqual(["m1"]);
    expect(pairer.finish()).toEqual([]);
  });

  it("holds a message and those after it until the result arrives, keeping their order", () => {
    const pairer = new ToolCallPairer(3);
    expect(pairer.push(message("m1", [use("t1")]))).toEqual([]);
    expect(pairer.push(message("m2", [text("meanwhile")]))).toEqual([]);
    const released = pairer.push(message("m3", [result("t1", "late")]));
    expect(idsOf(released)).toEqual(["m1", "m2", "m3"]);
    expect(released[0]!.items[0]).toMatchObject({ kind: "tool_call", result: { content: [{ text: "late" }] } });
    expect(released[2]!.items[0]).toMatchObject({ kind: "result_shown_with_call", callMessageId: "m1" });
  });

  it("gives up on a result after the window: the call is released alone and a later result is an orphan", () => {
    const pairer = new ToolCallPairer(2);
    expect(pairer.push(message("m1", [use("t1")]))).toEqual([]);
    expect(pairer.push(message("m2", [text("one")]))).toEqual([]);
    const released = pairer.push(message("m3", [text("two")]));
    expect(idsOf(released)).toEqual(["m1", "m2", "m3"]);
    expect(released[0]!.items[0]).toMatchObject({ kind: "tool_call", result: null });
    const [late] = pairer.push(message("m4", [result("t1", "too late")]));
    expect(late!.items[0]!.kind).toBe("orphan_result");
  });

  it("never holds more than the window, whatever the chat's length", () => {
    const pairer = new ToolCallPairer(5);
    let heldAtMost = 0;
    let pushed = 0;
    let released = 0;
    for (let index = 0; index < 200; index++) {
      pushed++;
      released += pairer.push(message(`m${index}`, [use(`never-answered-${index}`)])).length;
      heldAtMost = Math.max(heldAtMost, pushed - released);
    }
    released += pairer.finish().length;
    expect(heldAtMost).toBe(5);
    expect(released).toBe(200);
  });

  it("pairs exactly like pairToolBlocks when the window covers the chat", () => {
    const messages = [
      message("m1", [use("t1"), use(null, "fetch")]),
      message("m2", [result("t1", "a"), result(null, "b", "fetch")]),
      message("m3", [use("t2"), result("t2", "c"), result("t2", "d")]),
    ];
    const pairer = new ToolCallPairer(10);
    const streamed = [...messages.flatMap((entry) => pairer.push(entry)), ...pairer.finish()];
    expect(streamed).toEqual(pairToolBlocks(messages));
  });
});
