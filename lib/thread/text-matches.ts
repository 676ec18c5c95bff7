/** A place in text split into segments (a row's text nodes): which segment, and the UTF-16 offset inside it. */
export type TextPoint = { segment: number; offset: number };
export type TextMatch = { start: TextPoint; end: TextPoint };

/**
 * Every occurrence of a lower-cased needle in the segments read as one text, case-insensitively, without
 * overlaps. A match may span segments: "the **Termination** clause" renders as three text nodes.
 * Lowering goes code point by code point, so that each lowered unit still knows where it came from
 * even where lowering changes the length ("İ" becomes two units).
 */
export function findTextMatches(segments: readonly string[], needle: string): TextMatch[] {
  if (needle === "") return [];
  let lowered = "";
  const origins: Array<{ segment: number; start: number; end: number }> = [];
  segments.forEach((text, segment) => {
    let offset = 0;
    for (const codePoint of text) {
      const lower = codePoint.toLowerCase();
      lowered += lower;
      for (let unit = 0; unit < lower.length; unit++) origins.push({ segment, start: offset, end: offset + codePoint.length });
      offset += codePoint.length;
    }
  });
  const matches: TextMatch[] = [];
  for (let at = lowered.indexOf(needle); at !== -1; at = lowered.indexOf(needle, at + needle.length)) {
    const first = origins[at]!;
    const last = origins[at + needle.length - 1]!;
    matches.push({ start: { segment: first.segment, offset: first.start }, end: { segment: last.segment, offset: last.end } });
  }
  return matches;
}
