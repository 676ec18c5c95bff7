// Where a secret could be found on this machine: a process's environment and memory, and files. For
// the test that proves the web app never holds the delete key (and, as its control, that the worker
// does). Reads /proc as the stack's own user.
import { open, readdir, readFile, readlink } from "node:fs/promises";
import { join } from "node:path";

/** The pids of processes whose command line contains every one of `parts`. */
export async function pidsOf(...parts: string[]): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const commandLine = await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "");
    const words = commandLine.split("\0");
    if (parts.every((part) => words.includes(part) || words.some((word) => word.endsWith(part)))) pids.push(Number(entry));
  }
  return pids;
}

/** The pid of the process listening on a TCP port (IPv4 or IPv6), found through its socket's inode. */
export async function pidListeningOn(port: number): Promise<number | null> {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    const rows = (await readFile(table, "utf8").catch(() => "")).split("\n").slice(1);
    for (const row of rows) {
      const columns = row.trim().split(/\s+/);
      const localPort = parseInt(columns[1]?.split(":")[1] ?? "", 16);
      if (localPort === port && columns[3] === "0A") inodes.add(columns[9]!);
    }
  }
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const descriptors = await readdir(`/proc/${entry}/fd`).catch(() => []);
    for (const descriptor of descriptors) {
      const target = await readlink(`/proc/${entry}/fd/${descriptor}`).catch(() => "");
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) return Number(entry);
    }
  }
  return null;
}

/** The needle as the runtime may hold it: one byte per character, or two (V8's two-byte strings). */
function encodings(needle: string): Buffer[] {
  return [Buffer.from(needle, "latin1"), Buffer.from(needle, "utf16le")];
}

function holds(haystack: Buffer, needles: Buffer[]): boolean {
  return needles.some((needle) => haystack.includes(needle));
}

export async function environmentHolds(pid: number, needle: string): Promise<boolean> {
  return holds(await readFile(`/proc/${pid}/environ`), encodings(needle));
}

const CHUNK = 16 * 1024 * 1024;

/**
 * Whether any readable, writable private mapping of the process (its heaps, stacks and anonymous
 * memory: where a string read at run time lives) holds the needle. Code and files mapped read-only
 * are left out; regions the kernel will not read are skipped.
 */
export async function memoryHolds(pid: number, needle: string): Promise<boolean> {
  const needles = encodings(needle);
  const overlap = Math.max(...needles.map((encoded) => encoded.length));
  const maps = await readFile(`/proc/${pid}/maps`, "utf8");
  const memory = await open(`/proc/${pid}/mem`, "r");
  try {
    for (const line of maps.split("\n")) {
      const [range, permissions] = line.split(" ");
      if (!range || !permissions?.startsWith("rw") || permissions[3] !== "p") continue;
      const [start, end] = range.split("-").map((address) => parseInt(address, 16)) as [number, number];
      let previousTail = Buffer.alloc(0);
      for (let at = start; at < end; at += CHUNK) {
        const buffer = Buffer.alloc(Math.min(CHUNK, end - at));
        const read = await memory.read(buffer, 0, buffer.length, at).catch(() => null);
        if (!read || read.bytesRead === 0) break;
        const chunk = buffer.subarray(0, read.bytesRead);
        if (holds(Buffer.concat([previousTail, chunk]), needles)) return true;
        previousTail = chunk.subarray(Math.max(0, chunk.length - overlap));
      }
    }
    return false;
  } finally {
    await memory.close();
  }
}

/** The files under `directory` (recursively) whose bytes hold the needle. */
export async function filesHolding(directory: string, needle: string): Promise<string[]> {
  const needles = encodings(needle);
  const found: string[] = [];
  for (const entry of await readdir(directory, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    if (holds(await readFile(file), needles)) found.push(file);
  }
  return found;
}
