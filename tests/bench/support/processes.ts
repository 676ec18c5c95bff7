/**
 * What the benchmarks read about processes, from /proc so that nothing sits on the path being
 * measured: CPU time, resident memory, and which child is the Next.js server.
 */
import { spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The Next.js server this process started: a child of ours that renamed itself next-server. */
export async function findNextServerPid(): Promise<number> {
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    // Fields after the parenthesised command name: state, then the parent's pid.
    const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    const commandLine = await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "");
    if (parent === process.pid && commandLine.startsWith("next-server")) return Number(entry);
  }
  throw new Error("The Next.js server process was not found among this process's children.");
}

/** CPU time a process has used so far, every thread included, in milliseconds (from /proc, in clock ticks of 10 ms). */
export async function cpuMsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  // Fields after the parenthesised command name; utime and stime are the 14th and 15th of the line.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export async function residentBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** Samples a process's resident memory every `everyMs` until stopped; resolves the samples, oldest first. */
export function recordRss(pid: number, everyMs: number): () => Promise<Array<{ atMs: number; bytes: number }>> {
  const samples: Array<{ atMs: number; bytes: number }> = [];
  let running = true;
  const done = (async () => {
    while (running) {
      samples.push({ atMs: performance.now(), bytes: await residentBytes(pid) });
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return async () => {
    running = false;
    await done;
    return samples;
  };
}

/** Samples a process's resident memory every `everyMs` until stopped; resolves the peak. */
export function sampleRss(pid: number, everyMs = 25): () => Promise<number> {
  const stop = recordRss(pid, everyMs);
  return async () => (await stop()).reduce((peak, sample) => Math.max(peak, sample.bytes), 0);
}

/**
 * Runs `node --import tsx [nodeArgs] script args` as its own process (so that it competes with the
 * measured servers for cores, not for this process's event loop) and parses the last line of its
 * standard output as JSON. Its standard error passes through.
 */
export function runNodeScript(script: string, args: string[], nodeArgs: string[] = []): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...nodeArgs, script, ...args], { stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code !== 0) return reject(new Error(`${script} exited ${signal ?? code}`));
      try {
        resolve(JSON.parse(output.trim().split("\n").at(-1) ?? "") as unknown);
      } catch {
        reject(new Error(`${script} printed no JSON result`));
      }
    });
  });
}
