import "server-only";
import { Worker } from "node:worker_threads";

/**
 * MD5 over a stream of pieces, computed on a worker thread. Hashing costs about as much main-thread
 * time as forwarding the bytes (MD5 runs at some 650 MiB/s on one core), so a download hashed inline
 * moves at roughly half speed; on a worker, hashing overlaps with forwarding. Each hash owns a few
 * buffers that travel to the worker and back (transferred, never copied), so its memory is fixed
 * and a worker that falls behind makes the reader wait for a free buffer.
 */

// Plain CommonJS evaluated by the worker, so no bundler has to know about a second entry point.
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const { createHash } = require("node:crypto");
const hashes = new Map();
parentPort.on("message", (message) => {
  if (message.type === "update") {
    let hash = hashes.get(message.id);
    if (!hash) hashes.set(message.id, (hash = createHash("md5")));
    hash.update(new Uint8Array(message.buffer, 0, message.length));
    parentPort.postMessage({ type: "hashed", id: message.id, buffer: message.buffer }, [message.buffer]);
  } else if (message.type === "digest") {
    const hash = hashes.get(message.id) ?? createHash("md5");
    hashes.delete(message.id);
    parentPort.postMessage({ type: "digest", id: message.id, hex: hash.digest("hex") });
  } else if (message.type === "discard") {
    hashes.delete(message.id);
  }
});
`;

type Reply = { type: "hashed"; id: number; buffer: ArrayBuffer } | { type: "digest"; id: number; hex: string };

interface Listener {
  hashed(buffer: ArrayBuffer): void;
  digest(hex: string): void;
  fail(error: Error): void;
}

let worker: Worker | null = null;
let nextId = 1;
const listeners = new Map<number, Listener>();

function hashingWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(WORKER_SOURCE, { eval: true });
  // An idle hashing thread must not keep the server process alive on shutdown.
  started.unref();
  started.on("message", (reply: Reply) => {
    const listener = listeners.get(reply.id);
    if (reply.type === "hashed") listener?.hashed(reply.buffer);
    else listener?.digest(reply.hex);
  });
  const failAll = (error: Error) => {
    if (worker === started) worker = null;
    for (const listener of listeners.values()) listener.fail(error);
    listeners.clear();
  };
  started.on("error", failAll);
  started.on("exit", (code) => failAll(new Error(`The MD5 worker thread exited (${code}).`)));
  worker = started;
  return started;
}

/** One running hash, fed with copies of the bytes in buffers of `bufferBytes`, at most `bufferCount` of them. */
export class OffThreadMd5 {
  readonly #id = nextId++;
  readonly #worker = hashingWorker();
  readonly #free: ArrayBuffer[] = [];
  readonly #waitingForBuffer: Array<(buffer: ArrayBuffer) => void> = [];
  #digest: { resolve: (hex: string) => void; reject: (error: Error) => void } | null = null;
  #failure: Error | null = null;
  readonly #bufferBytes: number;
  /** Buffers still to be made: they are made when needed, so a small file costs one. */
  #buffersToMake: number;

  constructor(bufferBytes: number, bufferCount: number) {
    this.#bufferBytes = bufferBytes;
    this.#buffersToMake = bufferCount;
    listeners.set(this.#id, {
      hashed: (buffer) => {
        const waiter = this.#waitingForBuffer.shift();
        if (waiter) waiter(buffer);
        else this.#free.push(buffer);
      },
      digest: (hex) => {
        listeners.delete(this.#id);
        this.#digest?.resolve(hex);
      },
      fail: (error) => {
        this.#failure = error;
        this.#digest?.reject(error);
      },
    });
  }

  /** Copies `bytes` for the worker, a buffer at a time; waits while every buffer is still being hashed. */
  async update(bytes: Uint8Array): Promise<void> {
    for (let offset = 0; offset < bytes.length; offset += this.#bufferBytes) {
      if (this.#failure) throw this.#failure;
      const buffer = this.#free.pop() ?? (this.#buffersToMake-- > 0 ? new ArrayBuffer(this.#bufferBytes) : await this.#returnedBuffer());
      const slice = bytes.subarray(offset, offset + this.#bufferBytes);
      new Uint8Array(buffer).set(slice);
      this.#worker.postMessage({ type: "update", id: this.#id, buffer, length: slice.length }, [buffer]);
    }
  }

  #returnedBuffer(): Promise<ArrayBuffer> {
    return new Promise((resolve) => this.#waitingForBuffer.push(resolve));
  }

  /** Lowercase hex of everything given, once every piece is hashed. */
  digest(): Promise<string> {
    if (this.#failure) return Promise.reject(this.#failure);
    const digest = new Promise<string>((resolve, reject) => (this.#digest = { resolve, reject }));
    this.#worker.postMessage({ type: "digest", id: this.#id });
    return digest;
  }

  /** Forgets the hash of a download that will not finish. */
  discard(): void {
    listeners.delete(this.#id);
    this.#worker.postMessage({ type: "discard", id: this.#id });
  }
}
