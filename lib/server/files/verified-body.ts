import "server-only";
import { pipeline } from "node:stream";
import { createMd5Verifier, type Download } from "@/lib/server/compliance/download";
import { contentMd5ToHex } from "./file-target";

/** How a download ended, for its audit row: the MD5 outcome is known only after the last byte. */
export type DownloadEnd =
  | { md5: "matched" | "mismatched" | "not_provided"; bytes: number; actualMd5: string; expectedMd5: string | null }
  | { md5: "aborted" | "failed"; bytes: number; actualMd5: null; expectedMd5: string | null };

/** Breaks off a download whose bytes do not match the MD5 the API sent with them. */
export class IntegrityMismatchError extends Error {
  constructor() {
    super("The file's bytes do not match the MD5 the Compliance API sent with them; the download was stopped before its end.");
    this.name = "IntegrityMismatchError";
  }
}

/**
 * The upstream body as a web stream for a Response, hashed as it passes. The latest chunk is held
 * back until the next one arrives, so when the upstream ends the MD5 is known before the browser has
 * the whole file: on a mismatch the response is broken off instead of completed, and the browser
 * reports a failed download rather than saving a file that looks whole. Memory stays at a chunk or
 * two whatever the size. Cancelling (the browser went away) destroys the upstream request.
 *
 * `onEnd` is called exactly once, with how it ended. `signal` is the browser request's: when it
 * aborts, the upstream body fails too, and that is recorded as the abort it is.
 */
export function verifiedBody(download: Download, signal: AbortSignal, onEnd: (end: DownloadEnd) => void): ReadableStream<Uint8Array> {
  const expectedMd5 = contentMd5ToHex(download.contentMd5);
  // A malformed header cannot be checked against: it counts as none rather than as a mismatch.
  const verifier = createMd5Verifier(expectedMd5 === null ? null : download.contentMd5!.trim());
  pipeline(download.body, verifier.stream, () => undefined);
  const chunks = verifier.stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let bytes = 0;
  let held: Buffer | null = null;
  let ended = false;
  const end = (outcome: DownloadEnd) => {
    if (ended) return;
    ended = true;
    onEnd(outcome);
  };
  const stopUpstream = () => {
    download.body.destroy();
    verifier.stream.destroy();
  };

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        for (;;) {
          const next = await chunks.next();
          if (ended) return;
          if (next.done) break;
          bytes += next.value.length;
          const previous = held;
          held = next.value;
          if (previous) {
            controller.enqueue(previous);
            return;
          }
        }
        const outcome = await verifier.outcome;
        if (ended) return;
        if (outcome.matches === false) {
          end({ md5: "mismatched", bytes, actualMd5: outcome.actualHex, expectedMd5 });
          controller.error(new IntegrityMismatchError());
          return;
        }
        if (held) controller.enqueue(held);
        held = null;
        controller.close();
        end({ md5: outcome.matches ? "matched" : "not_provided", bytes, actualMd5: outcome.actualHex, expectedMd5 });
      } catch (error) {
        if (ended) return;
        end({ md5: signal.aborted ? "aborted" : "failed", bytes, actualMd5: null, expectedMd5 });
        stopUpstream();
        controller.error(error);
      }
    },
    cancel() {
      end({ md5: "aborted", bytes, actualMd5: null, expectedMd5 });
      held = null;
      stopUpstream();
    },
  });
}
