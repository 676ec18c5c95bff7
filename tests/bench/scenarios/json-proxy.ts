/**
 * B1: two JSON pages the console reads, a chats list (organisation-wide, the console's default page
 * size) and a page of a chat's messages (the thread view's page size, from the 10,000-message chat),
 * fetched through Docket's routes with a signed-in reviewer's session, against a bare Node http +
 * undici pass-through (tests/bench/bare-proxy.ts) of the very upstream requests Docket sends (read back
 * from the simulator's request log), at the same concurrency, no pipelining, with the load generator in
 * a process of its own. The simulator adds no latency: every process competes for the same cores, so
 * this is the CPU-bound case, where a proxy's own cost per request shows most. For reference, the same
 * pass-through as a route handler of the bare Next.js app shows what Next.js itself costs.
 */
import { join } from "node:path";
import { z } from "zod";
import { startService } from "@/lib/devtools/services";
import { reviewedOrganization, SIMULATOR_API_KEY, type BenchStack } from "../support/bench-stack";
import { cpuMsOf, runNodeScript } from "../support/processes";
import type { Figure } from "../support/report";
import { median } from "../support/stats";

const CONCURRENCIES = [16, 64] as const;
const ROUNDS = 3;
const WARMUP_MS = 1_500;
const DURATION_MS = 5_000;
const TARGETS = { throughputRatio: 0.7, p50AddedMs: 3 };

const LoadResult = z.object({
  requests: z.number(),
  totalRequests: z.number(),
  requestsPerSecond: z.number(),
  p50Ms: z.number(),
  p99Ms: z.number(),
  maxMs: z.number(),
  statuses: z.record(z.string(), z.number()),
  failures: z.number(),
  meanBytes: z.number(),
  generatorCpuMs: z.number(),
});
type LoadResult = z.infer<typeof LoadResult>;

const LoggedRequests = z.object({ data: z.array(z.object({ method: z.string(), path: z.string(), query: z.string(), status: z.number() })) });

interface Target {
  name: "Docket" | "bare proxy" | "bare Next.js route";
  url: string;
  headers: Record<string, string>;
  pid: number;
}

type Run = LoadResult & { serverCpuMsPerRequest: number; simulatorCpuMsPerRequest: number };

/** The one upstream request a Docket page sends, read from the simulator's request log. */
async function upstreamRequestOf(bench: BenchStack, docketPath: string): Promise<string> {
  const log = new URL("/_simulator/requests", bench.simulatorUrl);
  await fetch(log, { method: "DELETE" });
  const response = await fetch(new URL(docketPath, bench.stack.appUrl), { headers: { cookie: bench.cookies.reviewer } });
  if (response.status !== 200) throw new Error(`${docketPath} answered ${response.status}: ${await response.text()}`);
  const sent = LoggedRequests.parse(await (await fetch(log)).json()).data.filter((entry) => entry.path.startsWith("/v1/compliance/"));
  if (sent.length !== 1) throw new Error(`${docketPath} sent ${sent.length} upstream requests; B1 compares pages that send one.`);
  return `${sent[0]!.path}${sent[0]!.query ? `?${sent[0]!.query}` : ""}`;
}

async function load(target: Target, connections: number, simulatorPid: number): Promise<Run> {
  const [serverBefore, simulatorBefore] = await Promise.all([cpuMsOf(target.pid), cpuMsOf(simulatorPid)]);
  const result = LoadResult.parse(
    await runNodeScript(join("tests", "bench", "load-generator.ts"), [JSON.stringify({ url: target.url, headers: target.headers, connections, warmupMs: WARMUP_MS, durationMs: DURATION_MS })]),
  );
  const [serverAfter, simulatorAfter] = await Promise.all([cpuMsOf(target.pid), cpuMsOf(simulatorPid)]);
  const notOk = Object.entries(result.statuses).filter(([status]) => status !== "200");
  if (notOk.length > 0 || result.failures > 0) {
    throw new Error(`${target.name} answered ${JSON.stringify(result.statuses)} with ${result.failures} failed requests at ${target.url}`);
  }
  return {
    ...result,
    serverCpuMsPerRequest: (serverAfter - serverBefore) / result.totalRequests,
    simulatorCpuMsPerRequest: (simulatorAfter - simulatorBefore) / result.totalRequests,
  };
}

export async function benchJsonProxy(bench: BenchStack, bareNext: { url: string; pid: number }): Promise<{ figures: Figure[]; details: unknown }> {
  const proxy = await startService("bare proxy", process.execPath, ["--import", "tsx", join("tests", "bench", "bare-proxy.ts"), bench.simulatorUrl.origin, SIMULATOR_API_KEY], {
    env: process.env,
    ready: /listening on (http:\/\/\S+)/,
    quiet: true,
  });
  try {
    const pages = [
      { name: "chats list", docketPath: `/api/chats?orgIds=${reviewedOrganization(bench.fixtures)}` },
      { name: "messages page", docketPath: `/api/chats/${bench.fixtures.longChat.id}/messages?limit=100` },
    ];
    const figures: Figure[] = [];
    const details: unknown[] = [];
    for (const page of pages) {
      const upstreamPath = await upstreamRequestOf(bench, page.docketPath);
      const docket: Target = { name: "Docket", url: new URL(page.docketPath, bench.stack.appUrl).toString(), headers: { cookie: bench.cookies.reviewer }, pid: bench.appPid };
      const bare: Target = { name: "bare proxy", url: `${proxy.match[1]!}${upstreamPath}`, headers: {}, pid: proxy.process.pid! };
      const next: Target = { name: "bare Next.js route", url: `${bareNext.url}/api/pass-through${upstreamPath}`, headers: {}, pid: bareNext.pid };
      // Unmeasured: lets each server load its code and its JIT settle before the first round.
      for (const target of [docket, bare, next]) await load(target, CONCURRENCIES[0], bench.simulatorPid);
      for (const connections of CONCURRENCIES) {
        const runs: { docket: Run[]; bare: Run[]; next: Run[] } = { docket: [], bare: [], next: [] };
        // Interleaved, so that a change in the machine's load between rounds touches all alike.
        for (let round = 0; round < ROUNDS; round++) {
          runs.docket.push(await load(docket, connections, bench.simulatorPid));
          runs.bare.push(await load(bare, connections, bench.simulatorPid));
          runs.next.push(await load(next, connections, bench.simulatorPid));
        }
        const of = (side: Run[], pick: (run: Run) => number) => median(side.map(pick));
        const rps = { docket: of(runs.docket, (run) => run.requestsPerSecond), bare: of(runs.bare, (run) => run.requestsPerSecond), next: of(runs.next, (run) => run.requestsPerSecond) };
        const p50 = { docket: of(runs.docket, (run) => run.p50Ms), bare: of(runs.bare, (run) => run.p50Ms), next: of(runs.next, (run) => run.p50Ms) };
        const p99 = { docket: of(runs.docket, (run) => run.p99Ms), bare: of(runs.bare, (run) => run.p99Ms) };
        const label = `${page.name} c=${connections}`;
        const bytes = { docket: of(runs.docket, (run) => run.meanBytes), bare: of(runs.bare, (run) => run.meanBytes), next: of(runs.next, (run) => run.meanBytes) };
        const summary = (side: keyof typeof rps) => `${rps[side].toFixed(0)} req/s p50 ${p50[side].toFixed(1)} ms (${(bytes[side] / 1024).toFixed(1)} KiB)`;
        console.log(`  ${label}: Docket ${summary("docket")}; bare proxy ${summary("bare")}; bare Next.js route ${summary("next")}`);
        figures.push(
          { benchmark: "B1", name: `${label}: throughput`, docket: rps.docket, baseline: rps.bare, unit: "req/s", compare: "ratio", target: `≥ ×${TARGETS.throughputRatio}`, meets: rps.docket >= TARGETS.throughputRatio * rps.bare },
          { benchmark: "B1", name: `${label}: p50 latency`, docket: p50.docket, baseline: p50.bare, unit: "ms", compare: "difference", target: `≤ +${TARGETS.p50AddedMs} ms`, meets: p50.docket - p50.bare <= TARGETS.p50AddedMs },
          { benchmark: "B1", name: `${label}: p99 latency`, docket: p99.docket, baseline: p99.bare, unit: "ms", compare: "difference", target: "", meets: null },
          { benchmark: "B1", name: `${label}: throughput vs bare Next.js route`, docket: rps.docket, baseline: rps.next, unit: "req/s", compare: "ratio", target: "", meets: null },
        );
        if (connections === CONCURRENCIES[0]) {
          const cpu = (side: Run[]) => of(side, (run) => run.serverCpuMsPerRequest);
          figures.push(
            { benchmark: "B1", name: `${page.name}: server CPU per request`, docket: cpu(runs.docket), baseline: cpu(runs.bare), unit: "ms", compare: "ratio", target: "", meets: null },
            { benchmark: "B1", name: `${page.name}: server CPU per request vs bare Next.js route`, docket: cpu(runs.docket), baseline: cpu(runs.next), unit: "ms", compare: "ratio", target: "", meets: null },
          );
        }
        details.push({ page: page.name, docketPath: page.docketPath, upstreamPath, connections, runs });
      }
    }
    return { figures, details };
  } finally {
    await proxy.stop();
  }
}
