import { createHash, randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { OffThreadMd5 } from "@/lib/server/files/off-thread-md5";

describe("OffThreadMd5", () => {
  test("gives the MD5 of every piece in order, pieces larger than its buffers included", async () => {
    const pieces = [randomBytes(10), randomBytes(4096), randomBytes(70_000), Buffer.alloc(0), randomBytes(1)];
    const hash = new OffThreadMd5(1024, 2);
    for (const piece of pieces) await hash.update(piece);
    expect(await hash.digest()).toBe(createHash("md5").update(Buffer.concat(pieces)).digest("hex"));
  });

  test("the bytes given are copied: changing them afterwards does not change the hash", async () => {
    const piece = Buffer.from("evidence");
    const hash = new OffThreadMd5(64, 1);
    await hash.update(piece);
    piece.fill(0);
    expect(await hash.digest()).toBe(createHash("md5").update("evidence").digest("hex"));
  });

  test("hashes running at once do not mix", async () => {
    const [a, b] = [new OffThreadMd5(16, 1), new OffThreadMd5(16, 1)];
    await Promise.all([a.update(Buffer.from("first file, in several buffers")), b.update(Buffer.from("second"))]);
    expect(await Promise.all([a.digest(), b.digest()])).toEqual([
      createHash("md5").update("first file, in several buffers").digest("hex"),
      createHash("md5").update("second").digest("hex"),
    ]);
  });

  test("an empty input has the MD5 of nothing", async () => {
    expect(await new OffThreadMd5(16, 1).digest()).toBe("d41d8cd98f00b204e9800998ecf8427e");
  });
});
