/**
 * Rows of CSV text (RFC 4180: quoted fields may hold commas, quotes doubled, and line breaks), at most
 * `maxRows` of them. Cells stay text: a formula such as =HYPERLINK(...) is shown, never evaluated.
 */
export function parseCsv(text: string, maxRows: number): { rows: string[][]; complete: boolean } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let index = 0;
  const endRow = () => {
    row.push(field);
    rows.push(row);
    row = [];
    field = "";
  };
  while (index < text.length) {
    const character = text[index]!;
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index += 2;
        continue;
      }
      if (character === '"') quoted = false;
      else field += character;
      index++;
      continue;
    }
    if (character === '"' && field === "") quoted = true;
    else if (character === ",") {
      row.push(field);
      field = "";
    } else if (character === "\n" || character === "\r") {
      endRow();
      if (character === "\r" && text[index + 1] === "\n") index++;
      if (rows.length === maxRows) return { rows, complete: index + 1 >= text.length };
    } else field += character;
    index++;
  }
  if (field !== "" || row.length > 0) endRow();
  return { rows, complete: true };
}
