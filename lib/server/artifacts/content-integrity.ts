import "server-only";
import type { IntegrityCheck, Md5Outcome } from "@/lib/schemas/artifacts";

export interface ReceivedContent {
  /** MD5 of every byte received; null when the content was too large to read to its end. */
  md5: Buffer | null;
  receivedBytes: number;
}

export interface DeclaredContent {
  /** Lowercase hex, as the metadata endpoints give it. */
  metadataMd5: string | null;
  /** Base64 (RFC 1864), as the content endpoint may send it. */
  contentMd5Header: string | null;
  declaredBytes: number | null;
}

/**
 * Compares the MD5 of the bytes Docket received with every reference the API gave. One reference
 * that disagrees makes a mismatch, whatever the others say: evidence is not verified by a majority.
 */
export function checkIntegrity(received: ReceivedContent, declared: DeclaredContent): IntegrityCheck {
  const metadataMd5Matches = compareWith(received.md5, declared.metadataMd5, decodeHex);
  const contentMd5HeaderMatches = compareWith(received.md5, declared.contentMd5Header, decodeBase64);
  return {
    outcome: outcomeOf([metadataMd5Matches, contentMd5HeaderMatches]),
    computedMd5: received.md5?.toString("hex") ?? null,
    metadataMd5: declared.metadataMd5,
    metadataMd5Matches,
    contentMd5Header: declared.contentMd5Header,
    contentMd5HeaderMatches,
    receivedBytes: received.receivedBytes,
    declaredBytes: declared.declaredBytes,
  };
}

function outcomeOf(comparisons: ReadonlyArray<boolean | null>): Md5Outcome {
  if (comparisons.includes(false)) return "mismatch";
  return comparisons.includes(true) ? "verified" : "unavailable";
}

/** Null when there is nothing to compare; a reference that cannot be decoded does not match. */
function compareWith(actual: Buffer | null, reference: string | null, decode: (text: string) => Buffer | null): boolean | null {
  if (actual === null || reference === null) return null;
  const expected = decode(reference.trim());
  return expected !== null && expected.equals(actual);
}

function decodeHex(text: string): Buffer | null {
  return /^[0-9a-fA-F]{32}$/.test(text) ? Buffer.from(text, "hex") : null;
}

function decodeBase64(text: string): Buffer | null {
  return /^[A-Za-z0-9+/]{22}==$/.test(text) ? Buffer.from(text, "base64") : null;
}

/** What an audit row records of a check: its outcome and the MD5 of the bytes read, never content. */
export function integrityAuditParams(integrity: IntegrityCheck | null): Record<string, unknown> {
  if (integrity === null) return { md5: "unavailable" };
  return { md5: integrity.outcome, md5Received: integrity.computedMd5, bytesReceived: integrity.receivedBytes };
}
