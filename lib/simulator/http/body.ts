// Writes a response body chunk by chunk, honouring backpressure ('drain') and stopping as soon
// as the client goes away, so a 1 GiB download never buffers more than a chunk or two. Body
// faults (slow, stall, reset after N bytes) are applied here, for JSON and downloads alike.

import type { ServerResponse } from "node:http";
import type { BodyFault } from "./faults";

/** Produces the body one chunk at a time; null when done. */
export type ChunkSource = () => Buffer | null;

function waitForDrain(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

function writeFlushed(res: ServerResponse, chunk: Buffer): Promise<void> {
  return new Promise((resolve) => res.write(chunk, () => resolve()));
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function writeBody(res: ServerResponse, next: ChunkSource, fault: BodyFault | null): Promise<void> {
  // A client that left before the answer (while a latency fault held it) has closed the response
  // already: its "close" event will not come again, and a write would wait for a drain forever.
  let closed = res.closed || res.destroyed;
  res.once("close", () => {
    closed = true;
  });
  let written = 0;
  for (let chunk = next(); chunk !== null && !closed; chunk = next()) {
    while (chunk.length > 0 && !closed) {
      let piece = chunk;
      if (fault?.type === "stall_body" || fault?.type === "reset_body") {
        const room = fault.afterBytes - written;
        if (room <= 0) {
          // Stall: leave the response open without ever finishing it.
          if (fault.type === "reset_body") res.socket?.resetAndDestroy();
          return;
        }
        if (piece.length > room) piece = piece.subarray(0, room);
      } else if (fault?.type === "slow_body") {
        piece = piece.subarray(0, Math.max(1, Math.floor(fault.bytesPerSecond / 10)));
      }
      chunk = chunk.subarray(piece.length);
      written += piece.length;
      if (fault?.type === "reset_body" && written === fault.afterBytes) {
        // Make sure the first N bytes reached the socket before resetting it.
        await writeFlushed(res, piece);
        continue;
      }
      // Pace before writing, so even a one-piece body takes size / rate seconds to arrive.
      if (fault?.type === "slow_body") await sleep((piece.length / fault.bytesPerSecond) * 1000);
      if (closed) return;
      const ok = res.write(piece);
      if (!ok && !closed) await waitForDrain(res);
    }
  }
  if (!closed) res.end();
}

export function singleChunk(buf: Buffer): ChunkSource {
  let done = false;
  return () => {
    if (done) return null;
    done = true;
    return buf;
  };
}
