import { describe, expect, it } from "vitest";
import { findTextMatches } from "@/lib/thread/text-matches";

/** The matched text, read back through the points, as a DOM Range would cover it. */
const covered = (segments: string[], needle: string) =>
  findTextMatches(segments, needle).map(({ start, end }) => {
    if (start.segment === end.segment) return segments[start.segment]!.slice(start.offset, end.offset);
    const middle = segments.slice(start.segment + 1, end.segment).join("");
    return segments[start.segment]!.slice(start.offset) + middle + segments[end.segment]!.slice(0, end.offset);
  });

describe("findTextMatches", () => {
  it("finds every occurrence case-insensitively", () => {
    expect(covered(["Termination and TERMINATION"], "termination")).toEqual(["Termination", "TERMINATION"]);
  });

  it("finds a term that formatting split across text nodes", () => {
    expect(findTextMatches(["the ", "Termi", "nation", " clause"], "termination")).toEqual([
      { start: { segment: 1, offset: 0 }, end: { segment: 2, offset: 6 } },
    ]);
  });

  it("does not overlap matches", () => {
    expect(covered(["aaaa"], "aa")).toEqual(["aa", "aa"]);
  });

  it("keeps offsets right where lower-casing changes the length", () => {
    expect(covered(["İstanbul Termination"], "termination")).toEqual(["Termination"]);
    expect(covered(["😀 Résumé"], "résumé")).toEqual(["Résumé"]);
  });

  it("finds nothing for an empty needle or text", () => {
    expect(findTextMatches(["text"], "")).toEqual([]);
    expect(findTextMatches([], "text")).toEqual([]);
  });
});
