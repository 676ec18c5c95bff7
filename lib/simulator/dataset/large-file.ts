// The benchmark dataset's very large upload (1 GiB + a few bytes). Its bytes are never held:
// block k is a fixed pseudo-random block whose first 16 bytes are replaced by a per-block
// header, so any block can be produced in O(block) time from the seed. The MD5 must be known
// before the response headers go out (Content-MD5, and metadata md5), so it is computed once by
// a streaming pass and memoised; that pass yields to the event loop between slices.

import { createHash } from "node:crypto";
import { Rng, hashInts } from "./prng";

export const LARGE_FILE_SIZE = 1024 ** 3 + 7;
export const LARGE_BLOCK_SIZE = 256 * 1024;
const HEADER_SIZE = 16;
const BLOCKS_PER_SLICE = 64;

export class LargeFile {
  readonly size: number;
  private readonly base: Buffer;
  private readonly seedKey: number;
  private digest: Promise<Buffer> | null = null;

  constructor(seed: number, size = LARGE_FILE_SIZE) {
    this.size = size;
    this.seedKey = hashInts(seed, 0x1a7e);
    this.base = Buffer.allocUnsafe(LARGE_BLOCK_SIZE);
    new Rng(seed, 0xb10c).fill(this.base);
  }

  get blockCount(): number {
    return Math.ceil(this.size / LARGE_BLOCK_SIZE);
  }

  private header(k: number): Buffer {
    const h = Buffer.allocUnsafe(HEADER_SIZE);
    for (let j = 0; j < 4; j++) h.writeUInt32LE(hashInts(this.seedKey, k, j), j * 4);
    return h;
  }

  private blockLength(k: number): number {
    return Math.min(LARGE_BLOCK_SIZE, this.size - k * LARGE_BLOCK_SIZE);
  }

  /** A fresh buffer holding block k (callers hand it to the socket, so it is never reused). */
  block(k: number): Buffer {
    const len = this.blockLength(k);
    const out = Buffer.allocUnsafe(len);
    this.base.copy(out, 0, 0, len);
    this.header(k).copy(out, 0, 0, Math.min(HEADER_SIZE, len));
    return out;
  }

  /** MD5 of the whole file, computed once without materialising it. */
  md5(): Promise<Buffer> {
    this.digest ??= new Promise<Buffer>((resolve) => {
      const hash = createHash("md5");
      let k = 0;
      const slice = (): void => {
        const end = Math.min(this.blockCount, k + BLOCKS_PER_SLICE);
        for (; k < end; k++) {
          const len = this.blockLength(k);
          const headerLen = Math.min(HEADER_SIZE, len);
          hash.update(this.header(k).subarray(0, headerLen));
          if (len > headerLen) hash.update(this.base.subarray(headerLen, len));
        }
        if (k < this.blockCount) setImmediate(slice);
        else resolve(hash.digest());
      };
      slice();
    });
    return this.digest;
  }
}
