import { Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import { judgeIntegrity } from "@/lib/server/files/check-integrity";
import { contentMd5ToHex } from "@/lib/server/files/file-target";
import { IMAGE_PREVIEW_MAX_BYTES, previewKindOf, sniffImageType } from "@/lib/server/files/preview-kind";
import { readHead } from "@/lib/server/files/read-head";

describe("previewKindOf", () => {
  test.each([
    ["image/png", 1000, "image"],
    ["image/jpeg", 1000, "image"],
    ["image/gif", 1000, "image"],
    ["image/webp", 1000, "image"],
    ["IMAGE/PNG; charset=binary", 1000, "image"],
    ["image/png", IMAGE_PREVIEW_MAX_BYTES + 1, "none"],
    ["image/png", null, "none"],
    ["image/svg+xml", 1000, "svg_source"],
    ["text/html; charset=utf-8", 1000, "markup_source"],
    ["application/xhtml+xml", 1000, "markup_source"],
    ["application/pdf", 1000, "pdf"],
    ["text/csv", 1000, "csv"],
    ["application/json", 1000, "json"],
    ["application/ld+json", 1000, "json"],
    ["text/markdown", 1000, "markdown"],
    ["text/plain", 1000, "text"],
    ["text/html", 1000, "markup_source"],
    ["application/xml", 1000, "text"],
    ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", 1000, "none"],
    ["application/octet-stream", 1000, "none"],
    [null, 1000, "none"],
  ] as const)("%s of %s bytes → %s", (mimeType, size, expected) => {
    expect(previewKindOf(mimeType, size)).toBe(expected);
  });
});

describe("sniffImageType", () => {
  test.each([
    ["PNG", Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"), "image/png"],
    ["JPEG", Buffer.from("ffd8ffe000104a464946", "hex"), "image/jpeg"],
    ["GIF89a", Buffer.from("GIF89a\x01\x00", "latin1"), "image/gif"],
    ["WebP", Buffer.from("RIFF\x24\x00\x00\x00WEBPVP8 ", "latin1"), "image/webp"],
    ["SVG", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'), null],
    ["HTML", Buffer.from("<!doctype html><script>alert(1)</script>"), null],
    ["a RIFF that is not WebP", Buffer.from("RIFF\x24\x00\x00\x00WAVEfmt ", "latin1"), null],
    ["nothing", Buffer.alloc(0), null],
  ])("%s", (_name, head, expected) => {
    expect(sniffImageType(head)).toBe(expected);
  });
});

describe("contentMd5ToHex", () => {
  test("converts a well-formed RFC 1864 value and refuses anything else", () => {
    expect(contentMd5ToHex("XUFAKrxLKna5cZ2REBfFkg==")).toBe("5d41402abc4b2a76b9719d911017c592");
    expect(contentMd5ToHex(" XUFAKrxLKna5cZ2REBfFkg== ")).toBe("5d41402abc4b2a76b9719d911017c592");
    expect(contentMd5ToHex("5d41402abc4b2a76b9719d911017c592")).toBeNull();
    expect(contentMd5ToHex("XUFAKrxLKna5cZ2REBfFkg")).toBeNull();
    expect(contentMd5ToHex(null)).toBeNull();
  });
});

describe("judgeIntegrity", () => {
  const actual = "a".repeat(32);
  const other = "b".repeat(32);
  test.each([
    ["both records match", { servedMd5: actual, recordedMd5: actual }, "verified", []],
    ["the served MD5 differs", { servedMd5: other, recordedMd5: actual }, "mismatch", ["served_md5_differs"]],
    ["only the upload record differs (the served MD5 is authoritative)", { servedMd5: actual, recordedMd5: other }, "verified", ["recorded_md5_differs"]],
    ["no served MD5, the upload record matches", { servedMd5: null, recordedMd5: actual }, "verified", []],
    ["no served MD5, the upload record differs", { servedMd5: null, recordedMd5: other }, "mismatch", ["recorded_md5_differs"]],
    ["no MD5 at all", { servedMd5: null, recordedMd5: null }, "unverifiable", ["no_md5"]],
  ] as const)("%s", (_name, records, verdict, findings) => {
    expect(judgeIntegrity({ actualMd5: actual, bytes: 10, recordedSizeBytes: 10, ...records })).toEqual({ verdict, findings });
  });

  test("a size that differs from the record is a finding of its own", () => {
    expect(judgeIntegrity({ actualMd5: actual, servedMd5: actual, recordedMd5: actual, bytes: 9, recordedSizeBytes: 10 })).toEqual({
      verdict: "verified",
      findings: ["size_differs"],
    });
  });
});

describe("readHead", () => {
  const body = (...chunks: string[]) => Readable.from(chunks.map((chunk) => Buffer.from(chunk)));

  test("reads a body that fits whole and says so", async () => {
    expect(await readHead(body("abc", "def"), 6)).toEqual({ head: Buffer.from("abcdef"), complete: true });
  });

  test("stops at the limit, mid-chunk, and closes the body", async () => {
    const source = body("abc", "def", "ghi");
    expect(await readHead(source, 4)).toEqual({ head: Buffer.from("abcd"), complete: false });
    expect(source.destroyed).toBe(true);
  });
});
