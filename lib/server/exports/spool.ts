import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { mkdir, open, rm, type FileHandle } from "node:fs/promises";
import path from "node:path";

export interface SpooledFile {
  path: string;
  bytes: number;
  sha256: string;
  /** Beside the SHA-256, for comparing with the MD5 the Compliance API gives its files. */
  md5: string;
}

/** Text is gathered into writes of this size: one syscall per small Markdown line would dominate. */
const WRITE_BYTES = 256 * 1024;
/** Read back in pieces of this size: memory stays flat whatever the export's size. */
const READ_BYTES = 1024 * 1024;

/**
 * An export written to disk as it is produced and hashed on the way, so that it can be sent with its
 * SHA-256 in a header, and recorded in the audit log, before its first byte leaves. Memory stays at
 * one write buffer whatever the export's size. Spools live in the evidence directory, which holds
 * collected content anyway, never in a shared temporary folder; they are readable by Docket only and
 * removed once sent or abandoned.
 */
export class Spool {
  readonly #path: string;
  readonly #handle: FileHandle;
  readonly #sha256 = createHash("sha256");
  readonly #md5 = createHash("md5");
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  #bytes = 0;

  private constructor(filePath: string, handle: FileHandle) {
    this.#path = filePath;
    this.#handle = handle;
  }

  static async create(directory: string): Promise<Spool> {
    await mkdir(directory, { recursive: true, mode: 0o700 });
    const filePath = path.join(directory, `${randomUUID()}.spool`);
    return new Spool(filePath, await open(filePath, "wx", 0o600));
  }

  async write(text: string): Promise<void> {
    await this.writeBytes(Buffer.from(text, "utf8"));
  }

  async writeBytes(buffer: Buffer): Promise<void> {
    this.#pending.push(buffer);
    this.#pendingBytes += buffer.length;
    if (this.#pendingBytes >= WRITE_BYTES) await this.#flush();
  }

  /** Closes the file for writing; the spool may then be read back with `stream`. */
  async finish(): Promise<SpooledFile> {
    await this.#flush();
    // On disk before it is named evidence or sent: a crash must not leave a hash without its bytes.
    await this.#handle.sync();
    await this.#handle.close();
    return { path: this.#path, bytes: this.#bytes, sha256: this.#sha256.digest("hex"), md5: this.#md5.digest("hex") };
  }

  /** Removes the spool after a failure; safe to call in any state. */
  async discard(): Promise<void> {
    await this.#handle.close().catch(() => undefined);
    await rm(this.#path, { force: true });
  }

  async #flush(): Promise<void> {
    if (this.#pendingBytes === 0) return;
    const buffer = Buffer.concat(this.#pending, this.#pendingBytes);
    this.#pending = [];
    this.#pendingBytes = 0;
    this.#sha256.update(buffer);
    this.#md5.update(buffer);
    this.#bytes += buffer.length;
    await this.#handle.write(buffer);
  }
}

/** Removes a finished spool that will not be sent. */
export async function removeSpooledFile(spooled: SpooledFile): Promise<void> {
  await rm(spooled.path, { force: true });
}

/**
 * A finished spool as a response body, removed from disk when it has been read to the end or the
 * reader went away. `onEnd` is awaited before the stream closes, so the outcome is on record before
 * the browser sees the download complete.
 */
export function streamSpooledFile(
  spooled: SpooledFile,
  onEnd: (outcome: { complete: boolean; bytesSent: number }) => Promise<void>,
): ReadableStream<Uint8Array> {
  let handle: FileHandle | null = null;
  let bytesSent = 0;
  let ended = false;
  const end = async (complete: boolean) => {
    if (ended) return;
    ended = true;
    await handle?.close().catch(() => undefined);
    await rm(spooled.path, { force: true }).catch(() => undefined);
    await onEnd({ complete, bytesSent });
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        handle ??= await open(spooled.path, "r");
        const buffer = Buffer.allocUnsafe(READ_BYTES);
        const { bytesRead } = await handle.read(buffer, 0, READ_BYTES, null);
        if (bytesRead === 0) {
          await end(bytesSent === spooled.bytes);
          controller.close();
          return;
        }
        bytesSent += bytesRead;
        controller.enqueue(buffer.subarray(0, bytesRead));
      } catch (error) {
        await end(false);
        controller.error(error);
      }
    },
    async cancel() {
      await end(false);
    },
  });
}
