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

type HeldMessage = PairedMessage & { openCalls: number };
type OpenCall = { held: HeldMessage; itemIndex: number; use: ToolUseBlock };

/**
 * Pairs each tool_result with its tool_use by id, one message at a time, so that a chat of any length
 * can be paired as it streams past. A result pairs with the earliest earlier call of that id that has
 * no result yet; a duplicate result, or one before its call, stays visible as an orphan.
 * Legacy blocks without ids pair only with an unpaired call of the same name earlier in the same
 * message, because nothing else ties them together.
 *
 * A message whose calls still wait for results is held back, with every message after it (order is
 * kept), until the results arrive or `window` later messages have gone by; then its calls are released
 * without a result, and a result that comes later still is an orphan. Memory is bounded by the window.
 */
export class ToolCallPairer {
  readonly #window: number;
  readonly #held: HeldMessage[] = [];
  readonly #openCallsById = new Map<string, OpenCall[]>();

  constructor(window: number) {
    this.#window = window;
  }

  /** Adds the next message; returns the messages now complete, in order. */
  push(message: ChatMessage): PairedMessage[] {
    const held: HeldMessage = { message, items: [], openCalls: 0 };
    const legacyCalls: OpenCall[] = [];
    for (const block of message.blocks) {
      if (block.type === "text") held.items.push({ kind: "text", block });
      else if (block.type === "unknown") held.items.push({ kind: "unknown", block });
      else if (block.type === "tool_use") {
        const call: OpenCall = { held, itemIndex: held.items.length, use: block };
        held.items.push({ kind: "tool_call", use: block, result: null });
        if (block.id === null) legacyCalls.push(call);
        else {
          held.openCalls++;
          this.#openCallsById.set(block.id, [...(this.#openCallsById.get(block.id) ?? []), call]);
        }
      } else {
        const call = block.toolUseId === null ? this.#takeLegacyCall(legacyCalls, block) : this.#takeOpenCall(block.toolUseId);
        if (!call) held.items.push({ kind: "orphan_result", result: block });
        else {
          call.held.items[call.itemIndex] = { kind: "tool_call", use: call.use, result: block };
          if (call.held !== held) held.items.push({ kind: "result_shown_with_call", result: block, callMessageId: call.held.message.id });
        }
      }
    }
    this.#held.push(held);
    return this.#release(false);
  }

  /** The messages still held back, their open calls without results. */
  finish(): PairedMessage[] {
    return this.#release(true);
  }

  #takeLegacyCall(legacyCalls: OpenCall[], result: ToolResultBlock): OpenCall | undefined {
    const index = legacyCalls.findIndex((call) => call.use.name === result.name);
    return index === -1 ? undefined : legacyCalls.splice(index, 1)[0];
  }

  #takeOpenCall(toolUseId: string): OpenCall | undefined {
    const calls = this.#openCallsById.get(toolUseId);
    const call = calls?.shift();
    if (calls?.length === 0) this.#openCallsById.delete(toolUseId);
    if (call) call.held.openCalls--;
    return call;
  }

  #release(all: boolean): PairedMessage[] {
    const released: PairedMessage[] = [];
    while (this.#held.length > 0 && (all || this.#held[0]!.openCalls === 0 || this.#held.length > this.#window)) {
      const held = this.#held.shift()!;
      if (held.openCalls > 0) this.#forgetOpenCallsOf(held);
      released.push({ message: held.message, items: held.items });
    }
    return released;
  }

  #forgetOpenCallsOf(held: HeldMessage): void {
    for (const [id, calls] of this.#openCallsById) {
      const remaining = calls.filter((call) => call.held !== held);
      if (remaining.length === 0) this.#openCallsById.delete(id);
      else this.#openCallsById.set(id, remaining);
    }
  }
}

/** Pairs the tool blocks of messages already loaded together (the thread view's pages). */
export function pairToolBlocks(messages: readonly ChatMessage[]): PairedMessage[] {
  const pairer = new ToolCallPairer(Number.POSITIVE_INFINITY);
  return [...messages.flatMap((message) => pairer.push(message)), ...pairer.finish()];
}
