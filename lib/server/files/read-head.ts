import "server-only";
import type { Readable } from "node:stream";

/**
 * Reads at most `maxBytes` from the start of a body and closes the rest of it, so a preview of a large
 * file costs its first bytes only. `complete` says whether the body ended within them.
 */
export async function readHead(body: Readable, maxBytes: number): Promise<{ head: Buffer; complete: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      if (size + chunk.length > maxBytes) {
        chunks.push(chunk.subarray(0, maxBytes - size));
        return { head: Buffer.concat(chunks), complete: false };
      }
      chunks.push(chunk);
      size += chunk.length;
    }
  } finally {
    body.destroy();
  }
  return { head: Buffer.concat(chunks), complete: true };
}
