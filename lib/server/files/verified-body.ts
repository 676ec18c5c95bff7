import "server-only";
import type { Download } from "@/lib/server/compliance/download";
import { DocketError } from "@/lib/server/docket-error";
import { contentMd5ToHex } from "./file-target";
import { OffThreadMd5 } from "./off-thread-md5";

/** How a download ended, for its audit row: the MD5 outcome is known only after the last byte. */
export type DownloadEnd =
  | { md5: "matched" | "mismatched" | "not_provided"; bytes: number; actualMd5: string; expectedMd5: string | null }
  | { md5: "aborted" | "failed"; bytes: number; actualMd5: null; expectedMd5: string | null };

/** Breaks off a download whose bytes do not match the MD5 the Compliance API sent with them. */
export class IntegrityMismatchError extends DocketError {
  static override readonly brand: string = "IntegrityMismatchError";
  constructor() {
    super("The file's bytes do not match the MD5 the Compliance API sent with them; the download was stopped before its end.");
    this.name = "IntegrityMismatchError";
  }
}

/**
 * Socket reads arrive in chunks of 64 KiB at most. Passed on one by one, each costs a turn of the
 * web stream and a wait for the response to drain, which dominates the cost of a large download;
 * gathered into pieces this large, that cost is paid sixteen times less often.
 */
const PIECE_BYTES = 1024 * 1024;
/** A piece goes out after this long even if not full, so a slow upstream still shows progress. */
const PIECE_GATHER_MS = 50;
/** The most a socket read delivers: a piece is gathered until it reaches PIECE_BYTES, so it may exceed it by this. */
const SOCKET_READ_BYTES = 64 * 1024;
/** Pieces hashing may fall behind forwarding by, before reading waits for it. */
const PIECES_IN_HASHING = 4;

/**
 * The upstream body as a web stream for a Response, hashed as it passes. The latest piece is held
 * back until the next one is ready, so when the upstream ends the MD5 is known before the browser has
 * the whole file: on a mismatch the response is broken off instead of completed, and the browser
 * reports a failed download rather than saving a file that looks whole. Memory stays at a few pieces
 * whatever the size: one held, one being read, and the copies being hashed on a worker thread.
 * Cancelling (the browser went away) destroys the upstream request.
 *
 * `onEnd` is called exactly once, with how it ended. When the bytes matched or did not, the browser
 * learns it only after `onEnd` has settled, so the outcome is on record before the download completes
 * or breaks off (a browser retries a broken-off download at once, and must find the mismatch there).
 * `signal` is the browser request's: when it aborts, the upstream body fails too, and that is
 * recorded as the abort it is.
 */
export function verifiedBody(download: Download, signal: AbortSignal, onEnd: (end: DownloadEnd) => Promise<void>): ReadableStream<Uint8Array> {
  const expectedMd5 = contentMd5ToHex(download.contentMd5);
  const hash = new OffThreadMd5(PIECE_BYTES + SOCKET_READ_BYTES, PIECES_IN_HASHING);
  const chunks = download.body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let bytes = 0;
  let held: Buffer | null = null;
  let ended = false;
  let cancelled = false;
  const end = async (outcome: DownloadEnd) => {
    if (ended) return;
    ended = true;
    await onEnd(outcome);
  };

  let nextChunk: Promise<IteratorResult<Buffer>> | null = null;

  /** The next piece: PIECE_BYTES or more, or what came within PIECE_GATHER_MS of its first chunk; null at the end. */
  async function nextPiece(): Promise<Buffer | null> {
    const parts: Buffer[] = [];
    let size = 0;
    let timer: NodeJS.Timeout | undefined;
    let gatheringEnds: Promise<"gathered"> | null = null;
    try {
      while (size < PIECE_BYTES) {
        if (!nextChunk) {
          nextChunk = chunks.next();
          // Still pending when the download is cancelled, it rejects with no one left to await it.
          nextChunk.catch(() => undefined);
        }
        const next = gatheringEnds ? await Promise.race([nextChunk, gatheringEnds]) : await nextChunk;
        if (next === "gathered") break;
        nextChunk = null;
        if (next.done) break;
        parts.push(next.value);
        size += next.value.length;
        gatheringEnds ??= new Promise((resolve) => (timer = setTimeout(() => resolve("gathered"), PIECE_GATHER_MS)));
      }
    } finally {
      clearTimeout(timer);
    }
    if (size === 0) return null;
    bytes += size;
    const piece = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    await hash.update(piece);
    return piece;
  }

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        for (;;) {
          const piece = await nextPiece();
          if (ended) return;
          if (piece === null) break;
          const previous = held;
          held = piece;
          if (previous) {
            controller.enqueue(previous);
            return;
          }
        }
        const actualMd5 = await hash.digest();
        if (ended) return;
        // A malformed Content-MD5 cannot be checked against: it counts as none rather than as a mismatch.
        if (expectedMd5 !== null && expectedMd5 !== actualMd5) {
          await end({ md5: "mismatched", bytes, actualMd5, expectedMd5 });
          controller.error(new IntegrityMismatchError());
          return;
        }
        if (held) controller.enqueue(held);
        held = null;
        await end({ md5: expectedMd5 === null ? "not_provided" : "matched", bytes, actualMd5, expectedMd5 });
        if (!cancelled) controller.close();
      } catch (error) {
        if (ended) return;
        void end({ md5: signal.aborted ? "aborted" : "failed", bytes, actualMd5: null, expectedMd5 });
        hash.discard();
        download.body.destroy();
        controller.error(error);
      }
    },
    cancel() {
      cancelled = true;
      void end({ md5: "aborted", bytes, actualMd5: null, expectedMd5 });
      held = null;
      hash.discard();
      download.body.destroy();
    },
  });
}
