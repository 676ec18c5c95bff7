import { describe, expect, test } from "vitest";
import { revealInvisible } from "@/components/files/reveal-invisible";

describe("revealInvisible", () => {
  test.each([
    ["invoice\u202efdp.exe", "invoice⟦U+202E⟧fdp.exe", true],
    ["a\r\nb", "a⟦U+000D⟧⟦U+000A⟧b", true],
    ["\u200fהסכם.docx", "⟦U+200F⟧הסכם.docx", true],
    ["team 👩‍💻 ✨.md", "team 👩‍💻 ✨.md", false],
    ["議事録.md", "議事録.md", false],
  ])("%j → %j", (input, text, hadInvisible) => {
    expect(revealInvisible(input)).toEqual({ text, hadInvisible });
  });
});
