/**
 * B2: downloads the simulator's largest file (1 GiB, `large` dataset) directly from the simulator,
 * through two bare proxies (a pass-through, and one that also hashes inline) and through Docket, in
 * the same run, and reports each throughput, the ratios, the CPU time each process spent per GiB, and
 * the growth of the Docket server's resident memory; then aborts a download through Docket midway and
 * reports whether, and how soon, Docket closed its upstream connection.
 *
 * Simulator, proxy and reader share the machine's cores, so a proxy's throughput is bounded by the CPU
 * time all three spend per byte; the bare proxies show that bound for any proxy, hashing or not.
 *
 * When Docket's upstream connection closed is read from the kernel's socket table (/proc/net/tcp),
 * so nothing sits on the data path being measured.
 */
import { readdir, readFile, readlink } from "node:fs/promises";
import os from "node:os";
import { join } from "node:path";
import { startService, type Service } from "@/lib/devtools/services";
import { SIMULATOR_API_KEY, SIMULATOR_HEADERS, type BenchStack } from "../support/bench-stack";
import { cpuMsOf, residentBytes, runNodeScript, sampleRss } from "../support/processes";
import { figureMaker, type Figure } from "../support/report";
import { median, slopePerStep } from "../support/stats";

const ROUNDS = 2;
const REPEATED_DOWNLOADS = 8;
const ABORT_AFTER_BYTES = 128 * 1024 * 1024;
/** rssRepeatsRatio: performance-anchors.md §6's leak guard, RSS after a run ≤ 1.1 × before it. */
const TARGETS = { ratio: 0.8, rssGrowthMiB: 64, rssRepeatsRatio: 1.1, closeMs: 100 };
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

type Measured = { status: number; bytes: number; ms?: number; cpuMs?: number; abortedAt?: number };

/** CPU milliseconds each process spent on one download. */
type CpuSpent = { simulator: number; proxy: number; reader: number };

/** One timed download, read by a process of its own (tests/bench/measure-download.ts). */
const measure = (url: string, headers: Record<string, string>, abortAfter?: number) =>
  runNodeScript(join("tests", "bench", "measure-download.ts"), [
    url,
    JSON.stringify(headers),
    ...(abortAfter ? [String(abortAfter)] : []),
  ]) as Promise<Measured>;

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

/** CPU seconds per GiB each process spent (least of the rounds). */
function cpuPerGiB(way: Way, sizeBytes: number): CpuSpent {
  const perGiB = (pick: (spent: CpuSpent) => number) => Math.min(...way.runs.map((run) => pick(run.cpu))) / (sizeBytes / 1024 ** 3) / 1000;
  return { simulator: perGiB((spent) => spent.simulator), proxy: perGiB((spent) => spent.proxy), reader: perGiB((spent) => spent.reader) };
}

const throughput = (result: Measured) => result.bytes / MiB / (result.ms! / 1000);
const verdict = (ok: boolean) => (ok ? "meets target" : "MISSES target");

/** Starts the two bare proxies, runs every download, prints what it found, and returns the figures. */
export async function benchDownloads(bench: BenchStack): Promise<{ figures: Figure[]; details: unknown }> {
  const { simulatorUrl, simulatorPid, stack, appPid: pid, fixtures } = bench;
  const cookie = bench.cookies.reviewer;
  const { id: fileId, sizeBytes } = fixtures.largestFile;
  const direct = new URL(`/v1/compliance/apps/chats/files/${fileId}/content`, simulatorUrl).toString();
  const throughDocket = `${stack.appUrl}/api/files/${fileId}/download`;
  const services: Array<Pick<Service, "stop">> = [];
  try {
    // Loads the route's code and opens the upstream connection pool, so that neither counts as growth.
    const warmUp = await measure(`${stack.appUrl}/api/files/${fixtures.uploadedFiles.txt}/download`, { cookie });
    if (warmUp.status !== 200) throw new Error(`The warm-up download answered ${warmUp.status}.`);

    const bareProxies = await Promise.all(
      (["pass-through", "md5"] as const).map(async (mode) => {
        const proxy = await startService(
          `bare proxy (${mode})`,
          process.execPath,
          ["--import", "tsx", join("tests", "bench", "bare-proxy.ts"), simulatorUrl.origin, SIMULATOR_API_KEY, mode],
          {
            env: process.env,
            ready: /listening on (http:\/\/\S+)/,
            quiet: true,
          },
        );
        services.push(proxy);
        return { url: `${proxy.match[1]!}/v1/compliance/apps/chats/files/${fileId}/content`, pid: proxy.process.pid! };
      }),
    );
    const ways: Way[] = [
      { name: "direct from the simulator", url: direct, headers: { ...SIMULATOR_HEADERS }, proxyPid: null, runs: [] },
      { name: "bare proxy, no MD5", url: bareProxies[0]!.url, headers: {}, proxyPid: bareProxies[0]!.pid, runs: [] },
      { name: "bare proxy, inline MD5", url: bareProxies[1]!.url, headers: {}, proxyPid: bareProxies[1]!.pid, runs: [] },
      { name: "through Docket", url: throughDocket, headers: { cookie }, proxyPid: pid, runs: [] },
    ];
    const [directWay, bareWay, bareMd5Way, docketWay] = ways as [Way, Way, Way, Way];

    console.log(`Downloading ${fileId} (${(sizeBytes / MiB).toFixed(1)} MiB), ${ROUNDS} rounds of ${ways.map((way) => way.name).join(", ")}…`);
    const rssGrowths: number[] = [];
    /** One download through Docket, its peak RSS taken against the RSS just before it. */
    const sampledDocketRun = async (download: () => Promise<Measured>) => {
      const before = await residentBytes(pid);
      const stopSampling = sampleRss(pid);
      const run = await download();
      rssGrowths.push((await stopSampling()) - before);
      return { run, before };
    };
    const checkComplete = (way: Way, run: Measured) => {
      if (run.status !== 200 || run.bytes !== sizeBytes)
        throw new Error(`A download ${way.name} answered ${run.status} with ${run.bytes} of ${sizeBytes} bytes.`);
    };
    let rssBaseline = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const way of ways) {
        if (way === docketWay) {
          const { run, before } = await sampledDocketRun(() => timedRun(way, simulatorPid));
          if (round === 0) rssBaseline = before;
          checkComplete(way, run);
        } else {
          checkComplete(way, await timedRun(way, simulatorPid));
        }
      }
    }

    console.log(`Downloading through Docket ${REPEATED_DOWNLOADS} more times: a leak grows with the count, a late collection does not…`);
    const rssBetweenRepeats: number[] = [];
    for (let repeat = 0; repeat < REPEATED_DOWNLOADS; repeat++) {
      const { run, before } = await sampledDocketRun(() => measure(docketWay.url, docketWay.headers));
      rssBetweenRepeats.push(before);
      checkComplete(docketWay, run);
    }
    rssBetweenRepeats.push(await residentBytes(pid));
    // Halves compared by their medians: RSS between downloads wanders by ±15 MiB as the allocator
    // keeps or returns pages, so a single first and last sample could show growth that is not there.
    const half = Math.floor(rssBetweenRepeats.length / 2);
    const [earlierRss, laterRss] = [median(rssBetweenRepeats.slice(0, half)), median(rssBetweenRepeats.slice(-half))];

    console.log("Aborting a download through Docket after 128 MiB…");
    const watcher = watchUpstreamSockets(pid, Number(simulatorUrl.port));
    const aborted = await measure(throughDocket, { cookie }, ABORT_AFTER_BYTES);
    const closed = await waitForUpstreamClose(watcher.sockets, aborted.abortedAt!);
    await watcher.stop();

    const best = (way: Way) => Math.max(...way.runs.map((run) => throughput(run.measured)));
    const ratio = best(docketWay) / best(directWay);
    const growthMiB = Math.max(...rssGrowths) / MiB;
    const repeatsRatio = laterRss / earlierRss;
    const trendMiB = slopePerStep(rssBetweenRepeats) / MiB;
    const closeMs = closed ? closed.closedAt! - aborted.abortedAt! : null;
    const formatCpu = (spent: CpuSpent) => `simulator ${spent.simulator.toFixed(2)}, proxy ${spent.proxy.toFixed(2)}, reader ${spent.reader.toFixed(2)}`;
    console.log("");
    console.log("MiB/s per round, and CPU seconds per GiB spent by the simulator, the proxy (every thread) and the reader (least of the rounds):");
    for (const way of ways)
      console.log(
        `  ${way.name.padEnd(26)} ${way.runs.map((run) => throughput(run.measured).toFixed(0).padStart(4)).join(" ")}   ${formatCpu(cpuPerGiB(way, sizeBytes))}`,
      );
    for (const way of ways.slice(1)) console.log(`ratio ${way.name} / direct: ${(best(way) / best(directWay)).toFixed(2)}`);
    console.log(
      `ratio Docket / bare proxy with inline MD5: ${(best(docketWay) / best(bareMd5Way)).toFixed(2)}  (the cost of sessions, audit and the verified hold-back)`,
    );
    console.log(
      `ratio (best of each):      ${ratio.toFixed(2)}  (${verdict(ratio >= TARGETS.ratio)} ≥ ${TARGETS.ratio}, on ${os.cpus().length} cores shared by simulator, proxy and reader)`,
    );
    console.log(
      `Docket RSS peak growth:    ${growthMiB.toFixed(1)} MiB, the most any download added to the RSS just before it (${rssGrowths.map((growth) => (growth / MiB).toFixed(0)).join(", ")}; ${(rssBaseline / MiB).toFixed(0)} MiB before the first)  (${verdict(growthMiB <= TARGETS.rssGrowthMiB)} ≤ ${TARGETS.rssGrowthMiB} MiB)`,
    );
    console.log(
      `Docket RSS over ${REPEATED_DOWNLOADS} repeated downloads: ${rssBetweenRepeats.map((rss) => (rss / MiB).toFixed(0)).join(", ")} MiB before each and after the last; trend ${trendMiB >= 0 ? "+" : ""}${trendMiB.toFixed(1)} MiB per download; later half ×${repeatsRatio.toFixed(2)} the earlier (medians)  (${verdict(repeatsRatio <= TARGETS.rssRepeatsRatio)} ≤ ×${TARGETS.rssRepeatsRatio})`,
    );
    console.log(
      closeMs === null
        ? "upstream closed after abort: NO (the connection was still open 5 s later)  (MISSES target)"
        : `upstream closed after abort: yes, ${closeMs.toFixed(1)} ms after ${(aborted.bytes / MiB).toFixed(0)} MiB  (${verdict(closeMs <= TARGETS.closeMs)} ≤ ${TARGETS.closeMs} ms)`,
    );

    const figure = figureMaker("B2");
    return {
      figures: [
        figure(
          "1 GiB download, vs direct from the simulator",
          best(docketWay),
          best(directWay),
          "MiB/s",
          "ratio",
          `≥ ×${TARGETS.ratio}`,
          ratio >= TARGETS.ratio,
        ),
        figure("1 GiB download, vs bare pass-through proxy", best(docketWay), best(bareWay), "MiB/s", "ratio", "", null),
        figure("1 GiB download, vs bare proxy hashing inline", best(docketWay), best(bareMd5Way), "MiB/s", "ratio", "", null),
        figure(
          "server RSS growth during a download (worst, each over the RSS just before it)",
          growthMiB,
          null,
          "MiB",
          "none",
          `≤ ${TARGETS.rssGrowthMiB} MiB`,
          growthMiB <= TARGETS.rssGrowthMiB,
        ),
        figure(
          `server RSS over ${REPEATED_DOWNLOADS} repeated downloads, later half vs earlier (medians)`,
          laterRss / MiB,
          earlierRss / MiB,
          "MiB",
          "ratio",
          `≤ ×${TARGETS.rssRepeatsRatio}`,
          repeatsRatio <= TARGETS.rssRepeatsRatio,
        ),
        figure("upstream closed after a client abort", closeMs, null, "ms", "none", `≤ ${TARGETS.closeMs} ms`, closeMs !== null && closeMs <= TARGETS.closeMs),
      ],
      details: {
        fileId,
        sizeBytes,
        ways: ways.map((way) => ({
          name: way.name,
          mibPerSecond: way.runs.map((run) => throughput(run.measured)),
          cpuSecondsPerGiB: cpuPerGiB(way, sizeBytes),
        })),
        rssBaselineMiB: rssBaseline / MiB,
        rssGrowthMiB: growthMiB,
        rssGrowthsMiB: rssGrowths.map((growth) => growth / MiB),
        rssBetweenRepeatsMiB: rssBetweenRepeats.map((rss) => rss / MiB),
        rssTrendMiBPerDownload: trendMiB,
        abortedAfterMiB: aborted.bytes / MiB,
        upstreamClosedMs: closeMs,
      },
    };
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
