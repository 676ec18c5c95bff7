import type { ChatMessage } from "@/lib/schemas/console";

/** Messages are immutable query data, so each one's text is lowered once, not on every keystroke. */
const textByMessage = new WeakMap<ChatMessage, string>();

/** Everything a reviewer can read in a message, lower-cased, as one string to search. */
export function searchableText(message: ChatMessage): string {
  const cached = textByMessage.get(message);
  if (cached !== undefined) return cached;
  const parts: string[] = [];
  for (const block of message.blocks) {
    if (block.type === "text") parts.push(block.text);
    else if (block.type === "tool_use") parts.push(block.name, block.input);
    else if (block.type === "tool_result") parts.push(block.name ?? "", ...block.content.map((item) => item.text));
    else parts.push(block.rawJson);
  }
  for (const file of [...message.files, ...message.generatedFiles]) parts.push(file.filename ?? "");
  for (const artifact of message.artifacts) parts.push(artifact.title ?? "");
  const text = parts.join("\n").toLowerCase();
  textByMessage.set(message, text);
  return text;
}

/** A search term as it is matched, in messages and in their rendered text alike: trimmed and lower-cased; blank means no search. */
export function searchNeedle(term: string): string {
  return term.trim().toLowerCase();
}

/** Indexes of the messages containing the term, case-insensitively; none for a blank term. */
export function findMatchingMessages(messages: readonly ChatMessage[], term: string): number[] {
  const needle = searchNeedle(term);
  if (needle === "") return [];
  const matches: number[] = [];
  messages.forEach((message, index) => {
    if (searchableText(message).includes(needle)) matches.push(index);
  });
  return matches;
}
