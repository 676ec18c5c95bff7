import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import { readDownload } from "@/lib/server/artifacts/read-download";
import type { Download } from "@/lib/server/compliance/download";
import { ComplianceNetworkError } from "@/lib/server/compliance/errors";

const downloadOf = (body: Readable): Download => ({
  body,
  requestId: "req_1",
  contentType: "text/plain; charset=utf-8",
  contentDisposition: null,
  filename: null,
  contentMd5: null,
  contentLength: null,
});

const chunks = (...parts: string[]) => Readable.from(parts.map((part) => Buffer.from(part)));

describe("readDownload", () => {
  test("hashes every byte while keeping only the first ones", async () => {
    const read = await readDownload(downloadOf(chunks("abc", "def", "ghi")), 4);
    expect(read.head.toString()).toBe("abcd");
    expect(read).toMatchObject({ readBytes: 9, complete: true });
    expect(read.md5).toEqual(createHash("md5").update("abcdefghi").digest());
  });

  test("stops past the hashing limit, with no MD5, and releases the stream", async () => {
    const body = chunks("abc", "def", "ghi");
    const read = await readDownload(downloadOf(body), 2, 5);
    expect(read).toMatchObject({ complete: false, md5: null, readBytes: 6 });
    expect(read.head.toString()).toBe("ab");
    expect(body.destroyed).toBe(true);
  });

  test("a body that fails midway is an upstream network failure, not content", async () => {
    const body = new Readable({
      read() {
        this.push(Buffer.from("partial"));
        this.destroy(Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }));
      },
    });
    const failure = readDownload(downloadOf(body), 100);
    await expect(failure).rejects.toBeInstanceOf(ComplianceNetworkError);
    await expect(failure).rejects.toMatchObject({ phase: "body", code: "UND_ERR_SOCKET" });
  });
});
