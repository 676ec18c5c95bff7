/**
 * CSV as Docket writes it (the audit export, and every list downloaded as loaded): RFC 4180 with a
 * byte-order mark, so spreadsheet programs read it as UTF-8. Client-safe.
 */
export const CSV_BYTE_ORDER_MARK = "\uFEFF";

/**
 * RFC 4180 quoting, after the OWASP CSV-injection guard: a cell a spreadsheet would read as a
 * formula (= + - @, or a leading tab or carriage return) is prefixed with a quote mark. A null is an
 * empty cell.
 */
export function csvCell(value: string | null): string {
  if (value === null) return "";
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

export function csvLine(cells: ReadonlyArray<string | null>): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** A whole file: the mark, the header, one line per row. */
export function csvDocument(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | null>>): string {
  return CSV_BYTE_ORDER_MARK + csvLine(header) + rows.map(csvLine).join("");
}
