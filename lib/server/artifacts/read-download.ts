import "server-only";
import { createHash } from "node:crypto";
import type { Download } from "@/lib/server/compliance/download";
import { ComplianceNetworkError } from "@/lib/server/compliance/errors";

/** Artifacts are text: past this (64 MiB) the content is not read further and its MD5 is not checked. */
export const MAX_HASHED_BYTES = 64 * 1024 * 1024;

export interface ReadContent {
  /** The first `keepBytes` bytes. */
  head: Buffer;
  /** Bytes read: all of them, unless the content was longer than the hashing limit. */
  readBytes: number;
  complete: boolean;
  /** MD5 of all the content; null when it was not read to its end. */
  md5: Buffer | null;
}

/**
 * Reads a download to its end, hashing every byte and keeping only the first `keepBytes`: the MD5
 * must cover all the content even when the view shows part of it.
 */
export async function readDownload(download: Download, keepBytes: number, maxHashedBytes = MAX_HASHED_BYTES): Promise<ReadContent> {
  const hash = createHash("md5");
  const kept: Buffer[] = [];
  let keptBytes = 0;
  let readBytes = 0;
  try {
    for await (const chunk of download.body as AsyncIterable<Buffer>) {
      readBytes += chunk.length;
      if (readBytes > maxHashedBytes) {
        download.body.destroy();
        return { head: Buffer.concat(kept), readBytes, complete: false, md5: null };
      }
      hash.update(chunk);
      if (keptBytes < keepBytes) {
        const part = chunk.subarray(0, keepBytes - keptBytes);
        kept.push(part);
        keptBytes += part.length;
      }
    }
  } catch (error) {
    if (error instanceof ComplianceNetworkError) throw error;
    throw new ComplianceNetworkError("body", "The content stopped arriving from the Compliance API before its end. Try again.", errorCode(error));
  }
  return { head: Buffer.concat(kept), readBytes, complete: true, md5: hash.digest() };
}

function errorCode(error: unknown): string | null {
  return typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : null;
}
