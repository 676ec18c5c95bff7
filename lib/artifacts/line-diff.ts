/**
 * A line diff between two versions of a text, for reviewers comparing artifact versions. Myers'
 * algorithm finds a shortest edit script; it is bounded in input size and in the number of changed
 * lines, because its memory grows with the square of the changes. Pure and client-safe.
 */

export const MAX_DIFF_LINES = 5_000;
export const MAX_DIFF_CHANGES = 2_000;

export interface DiffLine {
  kind: "same" | "removed" | "added";
  /** The line with its line break, if it had one: a missing final newline is a difference too. */
  text: string;
  /** 1-based, in the older text; null for an added line. */
  oldNumber: number | null;
  /** 1-based, in the newer text; null for a removed line. */
  newNumber: number | null;
}

export type LineDiff =
  { kind: "diff"; lines: DiffLine[]; added: number; removed: number } | { kind: "too_many_lines"; limit: number } | { kind: "too_many_changes"; limit: number };

/** Splits after each "\n", so that every line keeps its terminator and "a" differs from "a\n". */
export function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines.length === 1 && lines[0] === "" ? [] : lines;
}

export function diffLines(older: string, newer: string, limits = { maxLines: MAX_DIFF_LINES, maxChanges: MAX_DIFF_CHANGES }): LineDiff {
  const a = splitLines(older);
  const b = splitLines(newer);
  if (a.length > limits.maxLines || b.length > limits.maxLines) return { kind: "too_many_lines", limit: limits.maxLines };
  const codes = new Map<string, number>();
  const encode = (line: string) => {
    let code = codes.get(line);
    if (code === undefined) codes.set(line, (code = codes.size));
    return code;
  };
  const edits = shortestEditScript(a.map(encode), b.map(encode), limits.maxChanges);
  if (!edits) return { kind: "too_many_changes", limit: limits.maxChanges };
  const lines: DiffLine[] = [];
  let added = 0;
  let removed = 0;
  for (const edit of edits) {
    if (edit.kind === "same") lines.push({ kind: "same", text: b[edit.newIndex]!, oldNumber: edit.oldIndex + 1, newNumber: edit.newIndex + 1 });
    else if (edit.kind === "removed") {
      removed++;
      lines.push({ kind: "removed", text: a[edit.oldIndex]!, oldNumber: edit.oldIndex + 1, newNumber: null });
    } else {
      added++;
      lines.push({ kind: "added", text: b[edit.newIndex]!, oldNumber: null, newNumber: edit.newIndex + 1 });
    }
  }
  return { kind: "diff", lines, added, removed };
}

type Edit = { kind: "same"; oldIndex: number; newIndex: number } | { kind: "removed"; oldIndex: number } | { kind: "added"; newIndex: number };

/**
 * Myers' greedy forward search. `frontiers[d]` keeps the furthest x reached on each diagonal k before
 * step d (indices k + d + 1), which is all the backtrack needs. Null when more than `maxChanges` edits
 * would be needed.
 */
function shortestEditScript(a: readonly number[], b: readonly number[], maxChanges: number): Edit[] | null {
  const n = a.length;
  const m = b.length;
  const offset = n + m + 1;
  const furthest = new Int32Array(2 * offset + 1);
  const frontiers: Int32Array[] = [];
  for (let d = 0; d <= Math.min(n + m, maxChanges); d++) {
    frontiers.push(furthest.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && furthest[offset + k - 1]! < furthest[offset + k + 1]!) ? furthest[offset + k + 1]! : furthest[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      furthest[offset + k] = x;
      if (x >= n && y >= m) return backtrack(frontiers, n, m);
    }
  }
  return null;
}

function backtrack(frontiers: readonly Int32Array[], n: number, m: number): Edit[] {
  const edits: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = frontiers.length - 1; d >= 0; d--) {
    const before = frontiers[d]!;
    const at = (k: number) => before[k + d + 1]!;
    const k = x - y;
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      x--;
      y--;
      edits.push({ kind: "same", oldIndex: x, newIndex: y });
    }
    if (d > 0) {
      if (x === previousX) edits.push({ kind: "added", newIndex: previousY });
      else edits.push({ kind: "removed", oldIndex: previousX });
    }
    x = previousX;
    y = previousY;
  }
  return edits.reverse();
}

export type DiffHunkRow = { kind: "line"; line: DiffLine } | { kind: "skipped"; count: number };

/** The changed lines with `context` unchanged lines around each change; longer unchanged runs are folded. */
export function foldUnchanged(lines: readonly DiffLine[], context = 3): DiffHunkRow[] {
  const nearChange = new Array<boolean>(lines.length).fill(false);
  lines.forEach((line, index) => {
    if (line.kind === "same") return;
    for (let near = Math.max(0, index - context); near <= Math.min(lines.length - 1, index + context); near++) nearChange[near] = true;
  });
  const rows: DiffHunkRow[] = [];
  let skipped = 0;
  lines.forEach((line, index) => {
    if (nearChange[index]) {
      if (skipped > 0) rows.push({ kind: "skipped", count: skipped });
      skipped = 0;
      rows.push({ kind: "line", line });
    } else skipped++;
  });
  if (skipped > 0) rows.push({ kind: "skipped", count: skipped });
  return rows;
}
