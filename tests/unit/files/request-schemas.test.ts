import { describe, expect, test } from "vitest";
import { DownloadQuery, FILE_PATHS } from "@/lib/server/files/request-schemas";

/** Ids arrive percent-decoded, and anything but the route's own kind of id is refused before a request is built. */
const HOSTILE_IDS = [
  "",
  ".",
  "..",
  "%2e%2e",
  "%252e%252e",
  "claude_file_01abc/../..",
  "claude_file_01abc%2F..",
  "claude_file_01abc\\x",
  "claude_file_01abc?user_ids[]=victim",
  "claude_file_01abc#x",
  "claude_file_01abc;x",
  "claude_file_01abc\u0000",
  "claude_file_01abc\r\nx",
  "сlaude_file_01abc",
  `claude_file_${"a".repeat(10_000)}`,
];

describe("file route paths", () => {
  test.each(HOSTILE_IDS)("an uploaded-file route refuses %j", (fileId) => {
    expect(FILE_PATHS.file.path.safeParse({ fileId }).success).toBe(false);
  });

  test.each(HOSTILE_IDS.map((id) => id.replace("claude_file_", "claude_gen_file_")))("a generated-file route refuses %j", (generatedFileId) => {
    expect(FILE_PATHS.generated_file.path.safeParse({ generatedFileId }).success).toBe(false);
  });

  test("each route takes only its own kind of id, and parses it into the file it names", () => {
    expect(FILE_PATHS.file.path.parse({ fileId: "claude_file_01abc" })).toEqual({ target: { kind: "file", id: "claude_file_01abc" } });
    expect(FILE_PATHS.file.path.safeParse({ fileId: "claude_gen_file_01abc" }).success).toBe(false);
    expect(FILE_PATHS.generated_file.path.parse({ generatedFileId: "claude_gen_file_01a-b_c" })).toEqual({
      target: { kind: "generated_file", id: "claude_gen_file_01a-b_c" },
    });
    expect(FILE_PATHS.generated_file.path.safeParse({ generatedFileId: "claude_file_01abc" }).success).toBe(false);
  });

  test("a receipt is a lower-case version 4 UUID and nothing else", () => {
    const receiptPath = FILE_PATHS.file.receiptPath;
    expect(receiptPath.parse({ fileId: "claude_file_01abc", receiptId: "0f0e0d0c-0b0a-4908-8706-050403020100" })).toMatchObject({
      receiptId: "0f0e0d0c-0b0a-4908-8706-050403020100",
    });
    for (const receiptId of ["0F0E0D0C-0B0A-4908-8706-050403020100", "0f0e0d0c-0b0a-1908-8706-050403020100", "x' OR '1'='1", ""]) {
      expect(receiptPath.safeParse({ fileId: "claude_file_01abc", receiptId }).success).toBe(false);
    }
    expect(DownloadQuery.safeParse({ receipt: "0f0e0d0c-0b0a-4908-8706-050403020100", extra: "1" }).success).toBe(false);
  });
});
