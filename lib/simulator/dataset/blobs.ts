// File bodies and their digests. Small bodies are regenerated on demand (cheap and
// deterministic); digests are memoised in a bounded map because metadata responses need them
// far more often than the bytes.

import { createHash } from "node:crypto";
import { fileBytes, type FileSpec } from "./file-bytes";
import type { LargeFile } from "./large-file";

export interface Digest {
  md5: Buffer;
  size: number;
}

const MAX_MEMO = 20_000;

export class Blobs {
  private readonly memo = new Map<number, Digest>();
  private largeReady: Buffer | undefined;

  constructor(readonly largeFile: LargeFile | null) {}

  bytes(spec: FileSpec): Buffer {
    return fileBytes(spec);
  }

  digest(spec: FileSpec): Digest {
    const hit = this.memo.get(spec.key);
    if (hit) return hit;
    const bytes = fileBytes(spec);
    const d = { md5: createHash("md5").update(bytes).digest(), size: bytes.length };
    if (this.memo.size >= MAX_MEMO) this.memo.delete(this.memo.keys().next().value!);
    this.memo.set(spec.key, d);
    return d;
  }

  /** The large file's digest, or null until its one-off streaming pass has finished. */
  largeDigest(): Digest | null {
    return this.largeFile && this.largeReady ? { md5: this.largeReady, size: this.largeFile.size } : null;
  }

  async ensureLarge(): Promise<Digest | null> {
    if (!this.largeFile) return null;
    this.largeReady ??= await this.largeFile.md5();
    return { md5: this.largeReady, size: this.largeFile.size };
  }
}
