import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { checkIntegrity } from "@/lib/server/artifacts/content-integrity";

const bytes = Buffer.from("the exact evidence\n");
const md5 = createHash("md5").update(bytes).digest();
const otherMd5 = createHash("md5").update("something else").digest();
const received = { md5, receivedBytes: bytes.length };

describe("checkIntegrity", () => {
  test("verified when the metadata md5 and the Content-MD5 both match", () => {
    const check = checkIntegrity(received, { metadataMd5: md5.toString("hex"), contentMd5Header: md5.toString("base64"), declaredBytes: bytes.length });
    expect(check).toEqual({
      outcome: "verified",
      computedMd5: md5.toString("hex"),
      metadataMd5: md5.toString("hex"),
      metadataMd5Matches: true,
      contentMd5Header: md5.toString("base64"),
      contentMd5HeaderMatches: true,
      receivedBytes: bytes.length,
      declaredBytes: bytes.length,
    });
  });

  test("accepts an upper-case hex md5 and surrounding white space", () => {
    expect(checkIntegrity(received, { metadataMd5: ` ${md5.toString("hex").toUpperCase()} `, contentMd5Header: null, declaredBytes: null }).outcome).toBe(
      "verified",
    );
  });

  test("one reference that disagrees makes a mismatch, whichever it is", () => {
    const header = checkIntegrity(received, { metadataMd5: md5.toString("hex"), contentMd5Header: otherMd5.toString("base64"), declaredBytes: null });
    expect(header).toMatchObject({ outcome: "mismatch", metadataMd5Matches: true, contentMd5HeaderMatches: false });
    const metadata = checkIntegrity(received, { metadataMd5: otherMd5.toString("hex"), contentMd5Header: md5.toString("base64"), declaredBytes: null });
    expect(metadata).toMatchObject({ outcome: "mismatch", metadataMd5Matches: false, contentMd5HeaderMatches: true });
  });

  test("a reference that is not an MD5 at all does not match", () => {
    expect(checkIntegrity(received, { metadataMd5: "not-an-md5", contentMd5Header: null, declaredBytes: null })).toMatchObject({
      outcome: "mismatch",
      metadataMd5Matches: false,
    });
    expect(checkIntegrity(received, { metadataMd5: null, contentMd5Header: md5.toString("hex"), declaredBytes: null })).toMatchObject({
      outcome: "mismatch",
      contentMd5HeaderMatches: false,
    });
  });

  test("unavailable without references, or when the content was not read to its end", () => {
    expect(checkIntegrity(received, { metadataMd5: null, contentMd5Header: null, declaredBytes: null })).toMatchObject({
      outcome: "unavailable",
      metadataMd5Matches: null,
    });
    const unread = checkIntegrity(
      { md5: null, receivedBytes: 10 },
      { metadataMd5: md5.toString("hex"), contentMd5Header: md5.toString("base64"), declaredBytes: 10 },
    );
    expect(unread).toMatchObject({ outcome: "unavailable", computedMd5: null, metadataMd5Matches: null, contentMd5HeaderMatches: null });
  });

  test("never says verified for bytes other than the ones the references describe", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.uint8Array({ maxLength: 64 }), (served, described) => {
        fc.pre(!Buffer.from(served).equals(Buffer.from(described)));
        const expected = createHash("md5").update(described).digest();
        const check = checkIntegrity(
          { md5: createHash("md5").update(served).digest(), receivedBytes: served.length },
          { metadataMd5: expected.toString("hex"), contentMd5Header: expected.toString("base64"), declaredBytes: described.length },
        );
        return check.outcome === "mismatch";
      }),
    );
  });
});
