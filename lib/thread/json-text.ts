/** JSON text indented for reading, or the text unchanged when it does not parse (for instance when truncated). */
export function prettyJsonOrRaw(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
