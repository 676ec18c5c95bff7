/** Control and bidi formatting characters: invisible, or able to reorder what is shown around them. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/**
 * A name as a reviewer must see it: an invisible character such as U+202E (which makes
 * "invoice‮fdp.exe" read as "invoiceexe.pdf") is written out as its code point instead of acting.
 */
export function revealInvisible(text: string): { text: string; hadInvisible: boolean } {
  let hadInvisible = false;
  const revealed = text.replace(INVISIBLE, (character) => {
    hadInvisible = true;
    return `⟦U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}⟧`;
  });
  return { text: revealed, hadInvisible };
}
