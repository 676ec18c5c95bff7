import "server-only";
import { createHash } from "node:crypto";
import { Transform, type Readable } from "node:stream";

export interface Download {
  body: Readable;
  requestId: string | null;
  contentType: string | null;
  /** The raw header, to pass on unchanged only when the bytes are. */
  contentDisposition: string | null;
  /** The file name decoded from Content-Disposition (RFC 6266 / 5987), null if none could be read. */
  filename: string | null;
  /** Base64 MD5 of the bytes as served (RFC 1864). */
  contentMd5: string | null;
  contentLength: number | null;
}

/**
 * Reads the file name from a Content-Disposition header: the RFC 5987 `filename*` form wins over the
 * plain `filename`. Returns null rather than guessing when neither can be decoded.
 */
export function parseContentDispositionFilename(header: string | null): string | null {
  if (!header) return null;
  const extended = /(?:^|;)\s*filename\*\s*=\s*([^']*)'[^']*'([^;]*)/i.exec(header);
  if (extended) {
    const charset = (extended[1] ?? "").trim().toLowerCase();
    const encoded = (extended[2] ?? "").trim();
    if (charset === "utf-8" || charset === "") {
      try {
        return decodeURIComponent(encoded);
      } catch {
        return null;
      }
    }
    if (charset === "iso-8859-1") {
      return encoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    }
  }
  const quoted = /(?:^|;)\s*filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header);
  if (quoted) return (quoted[1] ?? "").replace(/\\(.)/g, "$1");
  const bare = /(?:^|;)\s*filename\s*=\s*([^;\s]+)/i.exec(header);
  return bare?.[1] ?? null;
}

export interface Md5Outcome {
  /** Base64, as in Content-MD5. */
  expected: string | null;
  actual: string;
  /** Lowercase hex, as in the metadata endpoints' md5 field. */
  actualHex: string;
  bytes: number;
  matches: boolean | null;
}

/**
 * A pass-through stream that hashes what flows through it and reports at the end whether the bytes
 * match the expected Content-MD5. It never holds more than one chunk.
 */
export function createMd5Verifier(expectedBase64: string | null): { stream: Transform; outcome: Promise<Md5Outcome> } {
  const hash = createHash("md5");
  let bytes = 0;
  let settle: (outcome: Md5Outcome) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const outcome = new Promise<Md5Outcome>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
    flush(callback) {
      const digest = hash.digest();
      const actual = digest.toString("base64");
      settle({
        expected: expectedBase64,
        actual,
        actualHex: digest.toString("hex"),
        bytes,
        matches: expectedBase64 === null ? null : expectedBase64.trim() === actual,
      });
      callback();
    },
  });
  stream.on("error", (error) => fail(error));
  stream.on("close", () => fail(new Error("The download ended before all its bytes were checked.")));
  // An unobserved rejection (a consumer that only cares about the bytes) must not crash the process.
  outcome.catch(() => undefined);
  return { stream, outcome };
}
