import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { toDisplayedText, utf8Boundary } from "@/lib/server/artifacts/displayed-text";

describe("toDisplayedText", () => {
  test("shows whole content as it is, byte-order mark included", () => {
    const bytes = Buffer.from("\uFEFFrésumé\n", "utf8");
    expect(toDisplayedText(bytes, bytes.length)).toEqual({
      text: "\uFEFFrésumé\n",
      cut: false,
      shownBytes: bytes.length,
      totalBytes: bytes.length,
      invalidUtf8: false,
    });
  });

  test("a cut through a multi-byte character drops that character, and says it cut", () => {
    const bytes = Buffer.from("ab€", "utf8");
    const head = bytes.subarray(0, 4);
    expect(toDisplayedText(head, bytes.length)).toEqual({ text: "ab", cut: true, shownBytes: 2, totalBytes: 5, invalidUtf8: false });
  });

  test("content that was not read to its end is cut, with no total", () => {
    expect(toDisplayedText(Buffer.from("abc"), null)).toMatchObject({ text: "abc", cut: true, totalBytes: null });
  });

  test("bytes that are not UTF-8 are flagged and shown as replacement characters", () => {
    const bytes = Buffer.from([0x61, 0xff, 0x62]);
    expect(toDisplayedText(bytes, bytes.length)).toMatchObject({ text: "a\uFFFDb", invalidUtf8: true, cut: false });
  });
});

describe("utf8Boundary", () => {
  test("a cut anywhere in valid UTF-8 leaves only whole characters, losing at most one", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), fc.nat(), (text, at) => {
        const bytes = Buffer.from(text, "utf8");
        const head = bytes.subarray(0, at % (bytes.length + 1));
        const boundary = utf8Boundary(head);
        const kept = head.subarray(0, boundary).toString("utf8");
        expect(bytes.subarray(0, boundary).toString("utf8")).toBe(kept);
        expect(text.startsWith(kept)).toBe(true);
        expect(head.length - boundary).toBeLessThan(4);
      }),
    );
  });
});
