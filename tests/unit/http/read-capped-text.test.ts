import { describe, expect, it } from "vitest";
import { readCappedText } from "@/lib/server/http/route";

/** A body that never ends, counting the chunks anyone pulled from it. */
function endlessBody(chunkBytes: number) {
  const pulled = { chunks: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.chunks += 1;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x61));
    },
    cancel() {
      pulled.cancelled = true;
    },
  });
  return { stream, pulled };
}

describe("readCappedText", () => {
  it("reads a body within the cap, across chunks, as UTF-8", async () => {
    const encoded = new TextEncoder().encode('{"comment":"déjà vu ✓"}');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoded.slice(0, 15));
        controller.enqueue(encoded.slice(15));
        controller.close();
      },
    });
    expect(await readCappedText(stream, 1024)).toBe('{"comment":"déjà vu ✓"}');
    expect(await readCappedText(null, 1024)).toBe("");
  });

  it("stops reading an endless body just past the cap, cancels it, and answers 413", async () => {
    const { stream, pulled } = endlessBody(16 * 1024);
    await expect(readCappedText(stream, 64 * 1024)).rejects.toMatchObject({ code: "payload_too_large" });
    // Five chunks of 16 KiB pass 64 KiB; the stream's queue may have pulled one ahead.
    expect(pulled.chunks).toBeLessThanOrEqual(6);
    expect(pulled.cancelled).toBe(true);
  });
});
