import "server-only";
import type { DisplayedText } from "@/lib/schemas/artifacts";

/**
 * The text a view shows from the first bytes of some content. A cut falls on a character boundary,
 * so the last character shown is whole; a byte-order mark is kept, because it is part of the evidence.
 */
export function toDisplayedText(head: Buffer, totalBytes: number | null): DisplayedText {
  const cut = totalBytes === null || totalBytes > head.length;
  const shown = cut ? head.subarray(0, utf8Boundary(head)) : head;
  let text: string;
  let invalidUtf8 = false;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(shown);
  } catch {
    invalidUtf8 = true;
    text = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(shown);
  }
  return { text, cut, shownBytes: shown.length, totalBytes, invalidUtf8 };
}

/** The length of `bytes` without a multi-byte UTF-8 character that the end cuts through. */
export function utf8Boundary(bytes: Buffer): number {
  const isContinuation = (byte: number) => (byte & 0xc0) === 0x80;
  let lead = bytes.length - 1;
  while (lead >= 0 && bytes.length - lead < 4 && isContinuation(bytes[lead]!)) lead--;
  if (lead < 0) return bytes.length;
  const byte = bytes[lead]!;
  const sequenceLength = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
  return lead + sequenceLength > bytes.length ? lead : bytes.length;
}
