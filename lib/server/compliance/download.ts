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
 * plain `filename`. The API does not document how it encodes names, so this reads what servers send
 * in practice too: a `filename*` value in quotes, a `filename*` that cannot be decoded next to a usable
 * `filename`, and a plain `filename` of raw UTF-8 bytes. Returns null rather than guessing when no
 * form can be decoded.
 */
export function parseContentDispositionFilename(header: string | null): string | null {
  if (!header) return null;
  const extended = /(?:^|;)\s*filename\*\s*=\s*"?([^'"]*)'[^']*'([^;"]*)/i.exec(header);
  if (extended) {
    const decoded = decodeExtValue((extended[1] ?? "").trim().toLowerCase(), (extended[2] ?? "").trim());
    if (decoded !== null) return decoded;
  }
  const quoted = /(?:^|;)\s*filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header);
  if (quoted) return fromRawUtf8((quoted[1] ?? "").replace(/\\(.)/g, "$1"));
  const bare = /(?:^|;)\s*filename\s*=\s*([^;\s]+)/i.exec(header);
  return bare?.[1] === undefined ? null : fromRawUtf8(bare[1]);
}

function decodeExtValue(charset: string, encoded: string): string | null {
  if (charset === "utf-8" || charset === "") {
    try {
      return decodeURIComponent(encoded);
    } catch {
      return null;
    }
  }
  if (charset === "iso-8859-1") return encoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return null;
}

/**
 * Header values reach Node as Latin-1, one character per byte. A name sent as raw UTF-8 bytes (which
 * RFC 6266 advises against, but servers do) is read back as UTF-8 when its bytes are valid UTF-8.
 */
function fromRawUtf8(value: string): string {
  if (!/[\u0080-\u00ff]/.test(value) || /[^\u0000-\u00ff]/.test(value)) return value;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(value, "latin1"));
  } catch {
    return value;
  }
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
