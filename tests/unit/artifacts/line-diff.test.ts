import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffLines, foldUnchanged, splitLines, type DiffLine } from "@/lib/artifacts/line-diff";

/** Lines from a small alphabet, so that random texts share many lines and the diff has work to do. */
const text = fc.array(fc.constantFrom("a\n", "b\n", "c\n", "d\n", "a", "b\r\n", "\n"), { maxLength: 40 }).map((lines) => lines.join(""));

function sides(lines: readonly DiffLine[]) {
  return {
    older: lines
      .filter((line) => line.kind !== "added")
      .map((line) => line.text)
      .join(""),
    newer: lines
      .filter((line) => line.kind !== "removed")
      .map((line) => line.text)
      .join(""),
  };
}

/** The textbook quadratic LCS length: what a shortest edit script must agree with. */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++)
      lengths[i]![j] = a[i - 1] === b[j - 1] ? lengths[i - 1]![j - 1]! + 1 : Math.max(lengths[i - 1]![j]!, lengths[i]![j - 1]!);
  }
  return lengths[a.length]![b.length]!;
}

describe("splitLines", () => {
  it("keeps each line's terminator, so a missing final newline stays visible", () => {
    expect(splitLines("a\nb")).toEqual(["a\n", "b"]);
    expect(splitLines("a\nb\n")).toEqual(["a\n", "b\n"]);
    expect(splitLines("")).toEqual([]);
    expect(splitLines("\n\n")).toEqual(["\n", "\n"]);
  });

  it("rejoins to the original text", () => {
    fc.assert(fc.property(fc.string(), (value) => splitLines(value).join("") === value));
  });
});

describe("diffLines", () => {
  it("marks removed and added lines with their numbers on each side", () => {
    const result = diffLines("one\ntwo\nthree\n", "one\n2\nthree\nfour\n");
    expect(result).toEqual({
      kind: "diff",
      added: 2,
      removed: 1,
      lines: [
        { kind: "same", text: "one\n", oldNumber: 1, newNumber: 1 },
        { kind: "removed", text: "two\n", oldNumber: 2, newNumber: null },
        { kind: "added", text: "2\n", oldNumber: null, newNumber: 2 },
        { kind: "same", text: "three\n", oldNumber: 3, newNumber: 3 },
        { kind: "added", text: "four\n", oldNumber: null, newNumber: 4 },
      ],
    });
  });

  it("treats a line that lost its final newline as changed", () => {
    const result = diffLines("a\nb\n", "a\nb");
    expect(result.kind === "diff" && [result.added, result.removed]).toEqual([1, 1]);
  });

  it("reproduces both texts from the diff, with a minimal number of changes", () => {
    fc.assert(
      fc.property(text, text, (older, newer) => {
        const result = diffLines(older, newer);
        if (result.kind !== "diff") return false;
        expect(sides(result.lines)).toEqual({ older, newer });
        const common = lcsLength(splitLines(older), splitLines(newer));
        expect(result.added + result.removed).toBe(splitLines(older).length + splitLines(newer).length - 2 * common);
        return true;
      }),
    );
  });

  it("numbers each side's lines consecutively from 1", () => {
    fc.assert(
      fc.property(text, text, (older, newer) => {
        const result = diffLines(older, newer);
        if (result.kind !== "diff") return false;
        const oldNumbers = result.lines.flatMap((line) => (line.oldNumber === null ? [] : [line.oldNumber]));
        const newNumbers = result.lines.flatMap((line) => (line.newNumber === null ? [] : [line.newNumber]));
        return oldNumbers.every((number, index) => number === index + 1) && newNumbers.every((number, index) => number === index + 1);
      }),
    );
  });

  it("refuses texts with more lines than the limit instead of working for minutes", () => {
    expect(diffLines("x\n".repeat(11), "y\n", { maxLines: 10, maxChanges: 100 })).toEqual({ kind: "too_many_lines", limit: 10 });
  });

  it("refuses when more lines changed than the limit, and answers when exactly that many did", () => {
    const older = "a\n".repeat(3);
    const newer = "b\n".repeat(3);
    expect(diffLines(older, newer, { maxLines: 10, maxChanges: 5 })).toEqual({ kind: "too_many_changes", limit: 5 });
    expect(diffLines(older, newer, { maxLines: 10, maxChanges: 6 }).kind).toBe("diff");
  });

  it("diffs two 5,000-line texts with a scattered thousand changes", () => {
    const older = Array.from({ length: 5_000 }, (_, index) => `line ${index}\n`).join("");
    const newer = Array.from({ length: 5_000 }, (_, index) => (index % 10 === 0 ? `changed ${index}\n` : `line ${index}\n`)).join("");
    const result = diffLines(older, newer);
    expect(result.kind === "diff" && [result.added, result.removed]).toEqual([500, 500]);
  });
});

describe("foldUnchanged", () => {
  const same = (number: number): DiffLine => ({ kind: "same", text: `${number}\n`, oldNumber: number, newNumber: number });

  it("keeps the context around each change and folds the rest", () => {
    const lines = [
      ...Array.from({ length: 10 }, (_, index) => same(index + 1)),
      { kind: "added", text: "new\n", oldNumber: null, newNumber: 11 } as DiffLine,
      same(11),
    ];
    const rows = foldUnchanged(lines, 2);
    expect(rows.map((row) => (row.kind === "skipped" ? `skip ${row.count}` : row.line.text.trim()))).toEqual(["skip 8", "9", "10", "new", "11"]);
  });

  it("folds everything when nothing changed, and loses no line either way", () => {
    expect(foldUnchanged([same(1), same(2)])).toEqual([{ kind: "skipped", count: 2 }]);
    fc.assert(
      fc.property(text, text, fc.nat(4), (older, newer, context) => {
        const result = diffLines(older, newer);
        if (result.kind !== "diff") return false;
        const rows = foldUnchanged(result.lines, context);
        return rows.reduce((total, row) => total + (row.kind === "skipped" ? row.count : 1), 0) === result.lines.length;
      }),
    );
  });
});
