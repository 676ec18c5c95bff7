import type { ChatMessage, MessageBlock } from "@/lib/schemas/console";

export type TextBlock = Extract<MessageBlock, { type: "text" }>;
export type ToolUseBlock = Extract<MessageBlock, { type: "tool_use" }>;
export type ToolResultBlock = Extract<MessageBlock, { type: "tool_result" }>;
export type UnknownBlock = Extract<MessageBlock, { type: "unknown" }>;

/** What a message shows, in order: a tool call carries its result, even when the result arrived in a later message. */
export type ThreadItem =
  | { kind: "text"; block: TextBlock }
  | { kind: "tool_call"; use: ToolUseBlock; result: ToolResultBlock | null }
  /** A result whose call is not among the loaded messages (or has no id to match). */
  | { kind: "orphan_result"; result: ToolResultBlock }
  /** A result already shown beside its call in an earlier message. */
  | { kind: "result_shown_with_call"; result: ToolResultBlock; callMessageId: string }
  | { kind: "unknown"; block: UnknownBlock };

export type PairedMessage = { message: ChatMessage; items: ThreadItem[] };

type UsePosition = { messageIndex: number; itemIndex: number; use: ToolUseBlock; result: ToolResultBlock | null };

/**
 * Pairs each tool_result with its tool_use by id across the loaded messages. A result pairs with the
 * earliest earlier call of that id that has no result yet; a duplicate result, or one before its call, stays
 * visible as an orphan.
 * Legacy blocks without ids pair only with an unpaired call of the same name earlier in the same message,
 * because nothing else ties them together.
 */
export function pairToolBlocks(messages: readonly ChatMessage[]): PairedMessage[] {
  const calls: UsePosition[] = [];
  const callsById = new Map<string, UsePosition[]>();
  const paired: PairedMessage[] = messages.map((message, messageIndex) => {
    const items: ThreadItem[] = [];
    const legacyCalls: UsePosition[] = [];
    for (const block of message.blocks) {
      if (block.type === "text") items.push({ kind: "text", block });
      else if (block.type === "unknown") items.push({ kind: "unknown", block });
      else if (block.type === "tool_use") {
        const position: UsePosition = { messageIndex, itemIndex: items.length, use: block, result: null };
        items.push({ kind: "tool_call", use: block, result: null });
        calls.push(position);
        if (block.id === null) legacyCalls.push(position);
        else callsById.set(block.id, [...(callsById.get(block.id) ?? []), position]);
      } else {
        const candidates = block.toolUseId === null ? legacyCalls.filter((call) => call.use.name === block.name) : (callsById.get(block.toolUseId) ?? []);
        const call = candidates.find((candidate) => candidate.result === null);
        if (!call) items.push({ kind: "orphan_result", result: block });
        else {
          call.result = block;
          if (call.messageIndex !== messageIndex) items.push({ kind: "result_shown_with_call", result: block, callMessageId: messages[call.messageIndex]!.id });
        }
      }
    }
    return { message, items };
  });
  for (const call of calls) {
    if (call.result !== null) paired[call.messageIndex]!.items[call.itemIndex] = { kind: "tool_call", use: call.use, result: call.result };
  }
  return paired;
}
