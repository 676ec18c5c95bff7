/**
 * `npm run bench:download`: downloads the simulator's largest file (1 GiB, `large` dataset) directly
 * from the simulator, through two bare proxies (a pass-through, and one that also hashes inline) and
 * through Docket, in the same run, and prints each throughput, the ratios, the CPU time each process
 * spent per GiB, and the growth of the Docket server's resident memory; then aborts a download through
 * Docket midway and reports whether, and how soon, Docket closed its upstream connection. A
 * measurement, not a test: it never runs in `npm test`. Needs a built app (`npx next build`).
 *
 * Simulator, proxy and reader share the machine's cores, so a proxy's throughput is bounded by the CPU
 * time all three spend per byte; the bare proxies show that bound for any proxy, hashing or not.
 *
 * When Docket's upstream connection closed is read from the kernel's socket table (/proc/net/tcp),
 * so nothing sits on the data path being measured.
 */
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, readlink } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import os, { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { startService, type Service } from "@/lib/devtools/services";
import { startStack, type Stack } from "@/lib/devtools/stack";

const API_KEY = "sk-ant-api01-simulator-full";
const ROUNDS = 2;
const ABORT_AFTER_BYTES = 128 * 1024 * 1024;
const RSS_SAMPLE_MS = 25;
const TARGETS = { ratio: 0.8, rssGrowthMiB: 64, closeMs: 100 };
const MiB = 1024 * 1024;

const now = () => performance.timeOrigin + performance.now();

/** The kernel's view of one of Docket's connections to the simulator. */
interface UpstreamSocket {
  inode: string;
  establishedAt: number;
  closedAt: number | null;
}

/** Socket inodes the process holds open. */
async function socketInodes(pid: number): Promise<Set<string>> {
  const inodes = new Set<string>();
  for (const fd of await readdir(`/proc/${pid}/fd`).catch(() => [])) {
    const link = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => "");
    const inode = /^socket:\[(\d+)\]$/.exec(link)?.[1];
    if (inode) inodes.add(inode);
  }
  return inodes;
}

/**
 * Watches the process's TCP connections to `remotePort` every few milliseconds and records when each
 * leaves the ESTABLISHED state, until stopped.
 */
function watchUpstreamSockets(pid: number, remotePort: number) {
  const sockets = new Map<string, UpstreamSocket>();
  const portHex = remotePort.toString(16).toUpperCase().padStart(4, "0");
  let running = true;
  const done = (async () => {
    while (running) {
      const owned = await socketInodes(pid);
      const table = await readFile("/proc/net/tcp", "utf8");
      const at = now();
      const established = new Set<string>();
      for (const line of table.split("\n").slice(1)) {
        const fields = line.trim().split(/\s+/);
        const [remote, state, inode] = [fields[2], fields[3], fields[9]];
        if (!remote?.endsWith(`:${portHex}`) || !inode || !owned.has(inode) || state !== "01") continue;
        established.add(inode);
        if (!sockets.has(inode)) sockets.set(inode, { inode, establishedAt: at, closedAt: null });
      }
      for (const socket of sockets.values()) if (socket.closedAt === null && !established.has(socket.inode)) socket.closedAt = at;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  })();
  return {
    sockets,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The Next.js server this process started: a child of ours that renamed itself next-server. */
async function findAppPid(): Promise<number> {
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
async function cpuMsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  // Fields after the parenthesised command name; utime and stime are the 14th and 15th of the line.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function residentBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** A reviewer signed in without the IdP: a user row and a session row, as sign-in makes them. */
async function seedReviewerSession(stack: Stack): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
  try {
    const subject = `bench-${randomBytes(4).toString("hex")}`;
    const user = await db.query<{ id: string }>("INSERT INTO app_user (issuer, subject, email, name, idp_groups) VALUES ($1, $2, $3, $4, $5) RETURNING id", [
      stack.idpIssuer,
      subject,
      `${subject}@docket.test`,
      "benchmark",
      ["legal-reviewers"],
    ]);
    await db.query("INSERT INTO auth_session (token_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '1 hour')", [
      createHash("sha256").update(token).digest("hex"),
      user.rows[0]!.id,
    ]);
  } finally {
    await db.end();
  }
  return `next-auth.session-token=${token}`;
}

type Measured = { status: number; bytes: number; ms?: number; cpuMs?: number; abortedAt?: number };

/** CPU milliseconds each process spent on one download. */
type CpuSpent = { simulator: number; proxy: number; reader: number };

function measure(url: string, headers: Record<string, string>, abortAfter?: number): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const args = ["--import", "tsx", join("tests", "bench", "measure-download.ts"), url, JSON.stringify(headers), ...(abortAfter ? [String(abortAfter)] : [])];
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => (code === 0 ? resolve(JSON.parse(output.trim().split("\n").at(-1)!) as Measured) : reject(new Error(`measure-download exited ${code}`))));
  });
}

/** Samples a process's resident memory until stopped; returns the peak. */
function sampleRss(pid: number) {
  let peak = 0;
  let running = true;
  const done = (async () => {
    while (running) {
      peak = Math.max(peak, await residentBytes(pid));
      await new Promise((resolve) => setTimeout(resolve, RSS_SAMPLE_MS));
    }
  })();
  return async () => {
    running = false;
    await done;
    return peak;
  };
}

/** One way of fetching the file, and its timed runs. */
interface Way {
  name: string;
  url: string;
  headers: Record<string, string>;
  /** The process between reader and simulator, if any. */
  proxyPid: number | null;
  runs: Array<{ measured: Measured; cpu: CpuSpent }>;
}

/** Runs one download and records the CPU time the simulator, the proxy and the reader spent on it. */
async function timedRun(way: Way, simulatorPid: number): Promise<Measured> {
  const proxyCpu = async () => (way.proxyPid === null ? 0 : cpuMsOf(way.proxyPid));
  const [simulatorBefore, proxyBefore] = await Promise.all([cpuMsOf(simulatorPid), proxyCpu()]);
  const measured = await measure(way.url, way.headers);
  const [simulatorAfter, proxyAfter] = await Promise.all([cpuMsOf(simulatorPid), proxyCpu()]);
  way.runs.push({ measured, cpu: { simulator: simulatorAfter - simulatorBefore, proxy: proxyAfter - proxyBefore, reader: measured.cpuMs ?? 0 } });
  return measured;
}

function cpuPerGiB(way: Way, sizeBytes: number): string {
  const perGiB = (pick: (spent: CpuSpent) => number) => (Math.min(...way.runs.map((run) => pick(run.cpu))) / (sizeBytes / 1024 ** 3) / 1000).toFixed(2);
  return `simulator ${perGiB((spent) => spent.simulator)}, proxy ${perGiB((spent) => spent.proxy)}, reader ${perGiB((spent) => spent.reader)}`;
}

const throughput = (result: Measured) => result.bytes / MiB / (result.ms! / 1000);
const verdict = (ok: boolean) => (ok ? "meets target" : "MISSES target");

async function main() {
  if (!existsSync(join(".next", "BUILD_ID"))) {
    console.error("bench:download needs a built app: run `npx next build` first.");
    process.exit(1);
  }
  const services: Array<Pick<Service, "stop">> = [];
  try {
    console.log("Starting the simulator (large dataset: its 1 GiB file's MD5 is computed at start)…");
    const simulator = await startService("simulator", process.execPath, ["--import", "tsx", join("lib", "simulator", "main.ts")], {
      env: { ...process.env, SIMULATOR_PORT: "0", SIMULATOR_DATASET: "large", SIMULATOR_CONTROL: "1", SIMULATOR_RATE_LIMIT: "1000000" },
      ready: /listening on (http:\/\/\S+)/,
      quiet: true,
    });
    services.push(simulator);
    const simulatorUrl = new URL(simulator.match[1]!);
    const appPort = await freePort();
    console.log("Starting Docket (PostgreSQL, migrations, the built app)…");
    const stack = await startStack({
      appPort,
      appHost: "127.0.0.1",
      simulatorPort: 0,
      dataset: "large",
      externalApi: { baseUrl: simulatorUrl.origin, apiKey: API_KEY },
      idpPort: 0,
      sandboxPort: 0,
      auditCheckpointFile: join(await mkdtemp(join(tmpdir(), "docket-bench-audit-")), "checkpoint.json"),
      idpTestUsers: false,
      simulatorControl: false,
      quiet: true,
    });
    services.push(stack);
    const cookie = await seedReviewerSession(stack);
    const fixtures = (await (await fetch(new URL("/_simulator/fixtures", simulatorUrl))).json()) as { largestFile: { id: string; sizeBytes: number }; uploadedFiles: Record<string, string> };
    const { id: fileId, sizeBytes } = fixtures.largestFile;
    const direct = new URL(`/v1/compliance/apps/chats/files/${fileId}/content`, simulatorUrl).toString();
    const throughDocket = `${stack.appUrl}/api/files/${fileId}/download`;
    const pid = await findAppPid();

    // Loads the route's code and opens the upstream connection pool, so that neither counts as growth.
    const warmUp = await measure(`${stack.appUrl}/api/files/${fixtures.uploadedFiles.txt}/download`, { cookie });
    if (warmUp.status !== 200) throw new Error(`The warm-up download answered ${warmUp.status}.`);

    const simulatorPid = simulator.process.pid!;
    const bareProxies = await Promise.all(
      (["pass-through", "md5"] as const).map(async (mode) => {
        const proxy = await startService(`bare proxy (${mode})`, process.execPath, ["--import", "tsx", join("tests", "bench", "bare-proxy.ts"), simulatorUrl.origin, API_KEY, mode], {
          env: process.env,
          ready: /listening on (http:\/\/\S+)/,
          quiet: true,
        });
        services.push(proxy);
        return { url: `${proxy.match[1]!}/v1/compliance/apps/chats/files/${fileId}/content`, pid: proxy.process.pid! };
      }),
    );
    const ways: Way[] = [
      { name: "direct from the simulator", url: direct, headers: { "x-api-key": API_KEY, "anthropic-version": "2023-06-01" }, proxyPid: null, runs: [] },
      { name: "bare proxy, no MD5", url: bareProxies[0]!.url, headers: {}, proxyPid: bareProxies[0]!.pid, runs: [] },
      { name: "bare proxy, inline MD5", url: bareProxies[1]!.url, headers: {}, proxyPid: bareProxies[1]!.pid, runs: [] },
      { name: "through Docket", url: throughDocket, headers: { cookie }, proxyPid: pid, runs: [] },
    ];
    const [directWay, , bareMd5Way, docketWay] = ways as [Way, Way, Way, Way];

    console.log(`Downloading ${fileId} (${(sizeBytes / MiB).toFixed(1)} MiB), ${ROUNDS} rounds of ${ways.map((way) => way.name).join(", ")}…`);
    let rssBaseline = Infinity;
    let rssPeak = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const way of ways) {
        const isDocket = way === docketWay;
        if (isDocket) rssBaseline = Math.min(rssBaseline, await residentBytes(pid));
        const stopSampling = isDocket ? sampleRss(pid) : null;
        const run = await timedRun(way, simulatorPid);
        if (stopSampling) rssPeak = Math.max(rssPeak, await stopSampling());
        if (run.status !== 200 || run.bytes !== sizeBytes) throw new Error(`A download ${way.name} answered ${run.status} with ${run.bytes} of ${sizeBytes} bytes.`);
      }
    }

    console.log("Aborting a download through Docket after 128 MiB…");
    const watcher = watchUpstreamSockets(pid, Number(simulatorUrl.port));
    const aborted = await measure(throughDocket, { cookie }, ABORT_AFTER_BYTES);
    const closed = await waitForUpstreamClose(watcher.sockets, aborted.abortedAt!);
    await watcher.stop();

    const best = (way: Way) => Math.max(...way.runs.map((run) => throughput(run.measured)));
    const ratio = best(docketWay) / best(directWay);
    const growthMiB = (rssPeak - rssBaseline) / MiB;
    console.log("");
    console.log("MiB/s per round, and CPU seconds per GiB spent by the simulator, the proxy (every thread) and the reader (least of the rounds):");
    for (const way of ways) console.log(`  ${way.name.padEnd(26)} ${way.runs.map((run) => throughput(run.measured).toFixed(0).padStart(4)).join(" ")}   ${cpuPerGiB(way, sizeBytes)}`);
    for (const way of ways.slice(1)) console.log(`ratio ${way.name} / direct: ${(best(way) / best(directWay)).toFixed(2)}`);
    console.log(`ratio Docket / bare proxy with inline MD5: ${(best(docketWay) / best(bareMd5Way)).toFixed(2)}  (the cost of sessions, audit and the verified hold-back)`);
    console.log(`ratio (best of each):      ${ratio.toFixed(2)}  (${verdict(ratio >= TARGETS.ratio)} ≥ ${TARGETS.ratio}, on ${os.cpus().length} cores shared by simulator, proxy and reader)`);
    console.log(`Docket RSS peak growth:    ${growthMiB.toFixed(1)} MiB over ${(rssBaseline / MiB).toFixed(0)} MiB  (${verdict(growthMiB <= TARGETS.rssGrowthMiB)} ≤ ${TARGETS.rssGrowthMiB} MiB)`);
    if (closed) {
      const closeMs = closed.closedAt! - aborted.abortedAt!;
      console.log(`upstream closed after abort: yes, ${closeMs.toFixed(1)} ms after ${(aborted.bytes / MiB).toFixed(0)} MiB  (${verdict(closeMs <= TARGETS.closeMs)} ≤ ${TARGETS.closeMs} ms)`);
    } else {
      console.log("upstream closed after abort: NO (the connection was still open 5 s later)  (MISSES target)");
    }
  } finally {
    for (const service of services.reverse()) await service.stop().catch((error: unknown) => console.error(error));
  }
}

/**
 * Waits up to five seconds for one of the connections open at the abort to close: the one that carried
 * the body (idle pooled connections stay open for their keep-alive time, far longer).
 */
async function waitForUpstreamClose(sockets: Map<string, UpstreamSocket>, abortedAt: number): Promise<UpstreamSocket | null> {
  const deadline = now() + 5_000;
  for (;;) {
    const closed = [...sockets.values()].filter((socket) => socket.establishedAt <= abortedAt && socket.closedAt !== null && socket.closedAt >= abortedAt);
    if (closed.length > 0) return closed.sort((a, b) => a.closedAt! - b.closedAt!)[0]!;
    if (now() > deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

await main();
