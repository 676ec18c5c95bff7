/** Ids as pasted: one per line, or separated by commas, semicolons or spaces; each once. */
export function splitIds(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((id) => id !== ""))];
}
