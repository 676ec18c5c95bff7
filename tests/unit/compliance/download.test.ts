import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Writable } from "node:stream";
import { describe, expect, test } from "vitest";
import { createMd5Verifier, parseContentDispositionFilename } from "@/lib/server/compliance/download";

describe("parseContentDispositionFilename", () => {
  test.each([
    ["attachment; filename*=utf-8''r%C3%A9sum%C3%A9%20final.pdf", "résumé final.pdf"],
    ["attachment; filename*=UTF-8''%D8%AA%D9%82%D8%B1%D9%8A%D8%B1.docx", "تقرير.docx"],
    ["attachment; filename*=utf-8''%F0%9F%93%8E%20%22quoted%22%3B%20name.txt", '📎 "quoted"; name.txt'],
    ["attachment; filename*=utf-8''%E2%80%AEgnp.exe", "\u202egnp.exe"],
    ['attachment; filename="plain \\"q\\".txt"', 'plain "q".txt'],
    ["attachment; filename=bare.csv", "bare.csv"],
    ["attachment; filename=\"fallback.txt\"; filename*=utf-8''%E2%82%AC.txt", "€.txt"],
    ["attachment; filename*=iso-8859-1''%E9t%E9.txt", "été.txt"],
    // What the simulator sends for a name with a line break: it must come back whole, to be made safe later.
    ["attachment; filename*=utf-8''minutes%0D%0ASet-Cookie%3A%20x%3D1.txt", "minutes\r\nSet-Cookie: x=1.txt"],
    // Tolerated although not RFC 5987: the value quoted, or an undecodable one next to a plain name.
    [`attachment; filename*="UTF-8''%E2%82%AC%20quoted.txt"`, "€ quoted.txt"],
    ["attachment; filename=\"plain.txt\"; filename*=utf-8''%E2%82", "plain.txt"],
    ["attachment; filename=\"fallback.txt\"; filename*=koi8-r''%E1.txt", "fallback.txt"],
    // Raw UTF-8 bytes in a plain filename arrive from undici as Latin-1 characters.
    [`attachment; filename="${Buffer.from("résumé 📎.pdf", "utf8").toString("latin1")}"`, "résumé 📎.pdf"],
    [`attachment; filename=${Buffer.from("契約書.pdf", "utf8").toString("latin1")}`, "契約書.pdf"],
    // Latin-1 bytes that are not valid UTF-8 stay as they came.
    ['attachment; filename="\u00e9t\u00e9.txt"', "été.txt"],
  ])("decodes %s", (header, expected) => {
    expect(parseContentDispositionFilename(header)).toBe(expected);
  });

  test("returns null for no header or an undecodable name", () => {
    expect(parseContentDispositionFilename(null)).toBeNull();
    expect(parseContentDispositionFilename("attachment")).toBeNull();
    expect(parseContentDispositionFilename("attachment; filename*=utf-8''%E2%82")).toBeNull();
  });
});

describe("createMd5Verifier", () => {
  const bytes = Buffer.from("evidence ".repeat(10_000));
  const md5 = createHash("md5").update(bytes).digest("base64");

  async function run(expected: string | null) {
    const verifier = createMd5Verifier(expected);
    let received = 0;
    await pipeline(
      Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]),
      verifier.stream,
      new Writable({
        write(chunk: Buffer, _e, done) {
          received += chunk.length;
          done();
        },
      }),
    );
    return { outcome: await verifier.outcome, received };
  }

  test("passes every byte through and confirms a matching digest", async () => {
    const { outcome, received } = await run(md5);
    expect(received).toBe(bytes.length);
    expect(outcome).toMatchObject({ matches: true, bytes: bytes.length, actual: md5 });
  });

  test("reports a mismatch at the end", async () => {
    const { outcome } = await run(createHash("md5").update("other").digest("base64"));
    expect(outcome.matches).toBe(false);
    expect(outcome.actual).toBe(md5);
  });

  test("reports that nothing could be checked when no digest was given", async () => {
    expect((await run(null)).outcome.matches).toBeNull();
  });
});
