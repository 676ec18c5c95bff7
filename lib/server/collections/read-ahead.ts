import "server-only";
import { readFile } from "node:fs/promises";

/** Objects up to this size are read whole, ahead of the ZIP writer; larger ones are streamed when their turn comes. */
const SMALL_OBJECT_BYTES = 256 * 1024;
/** How many small objects are read ahead at most: 4 MiB of buffers at worst. */
const WINDOW = 16;

/**
 * The ZIP writer takes its entries strictly one after another, so opening and reading each small file
 * when its turn comes leaves the disk idle between them: most of a package's time, where chats and
 * their documents average a few kilobytes. This reads the next small objects while earlier ones are
 * written, in order, within a bounded window.
 */
export class SmallObjectReadAhead {
  readonly #pending = new Map<number, Promise<Buffer>>();
  #nextToStart = 0;

  constructor(
    private readonly entries: ReadonlyArray<{ size: number }>,
    private readonly pathOf: (index: number) => string,
  ) {}

  /**
   * The bytes of entry `index`, read ahead, or null when it is too large to be (stream it instead).
   * Entries must be taken in order; taking one starts reading the ones after it.
   */
  take(index: number): Promise<Buffer> | null {
    const until = Math.min(this.entries.length, index + 1 + WINDOW);
    for (this.#nextToStart = Math.max(this.#nextToStart, index); this.#nextToStart < until; this.#nextToStart++) {
      if (this.entries[this.#nextToStart]!.size > SMALL_OBJECT_BYTES) continue;
      const reading = readFile(this.pathOf(this.#nextToStart));
      // A package broken off early leaves reads nobody takes: their failure is not the download's.
      reading.catch(() => undefined);
      this.#pending.set(this.#nextToStart, reading);
    }
    const reading = this.#pending.get(index) ?? null;
    this.#pending.delete(index);
    return reading;
  }
}
