/**
 * B1: two JSON pages the console reads, a chats list (organisation-wide, the console's default page
 * size) and a page of a chat's messages (the thread view's page size, from the 10,000-message chat),
 * fetched through Docket's routes with a signed-in reviewer's session, against a bare Node http +
 * undici pass-through (tests/bench/bare-proxy.ts) of the very upstream requests Docket sends (read back
 * from the simulator's request log), at the same concurrency, no pipelining, with the load generator in
 * a process of its own. First with no upstream latency: every process competes for the same cores, so
 * this is the CPU-bound case, where a proxy's own cost per request shows most. Then with every upstream
 * answer delayed 20 ms, at 64 connections, as performance-anchors.md §6 proposes. For reference, the
 * same pass-through as a route handler of the bare Next.js app shows what Next.js itself costs.
 */
import { join } from "node:path";
import { z } from "zod";
import { startService } from "@/lib/devtools/services";
import { reviewedOrganization, SIMULATOR_API_KEY, type BenchStack } from "../support/bench-stack";
import { cpuMsOf, runNodeScript } from "../support/processes";
import type { Figure } from "../support/report";
import { median } from "../support/stats";

const CONCURRENCIES = [16, 64] as const;
/**
 * The CPU-bound case (no upstream latency), where each proxy's own cost shows most, and the case of
 * performance-anchors.md §6: an upstream answering in 20 ms, at 64 connections.
 */
const CONDITIONS = [
  { label: "", upstreamLatencyMs: 0, concurrencies: CONCURRENCIES, cpuFigures: true },
  { label: ", 20 ms upstream", upstreamLatencyMs: 20, concurrencies: [64], cpuFigures: false },
] as const;
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
    await runNodeScript(join("tests", "bench", "load-generator.ts"), [
      JSON.stringify({ url: target.url, headers: target.headers, connections, warmupMs: WARMUP_MS, durationMs: DURATION_MS }),
    ]),
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
  const proxy = await startService(
    "bare proxy",
    process.execPath,
    ["--import", "tsx", join("tests", "bench", "bare-proxy.ts"), bench.simulatorUrl.origin, SIMULATOR_API_KEY],
    {
      env: process.env,
      ready: /listening on (http:\/\/\S+)/,
      quiet: true,
    },
  );
  try {
    const pages = [
      { name: "chats list", docketPath: `/api/chats?orgIds=${reviewedOrganization(bench.fixtures)}` },
      { name: "messages page", docketPath: `/api/chats/${bench.fixtures.longChat.id}/messages?limit=100` },
    ];
    const figures: Figure[] = [];
    const details: unknown[] = [];
    for (const page of pages) {
      const upstreamPath = await upstreamRequestOf(bench, page.docketPath);
      const targets: Targets = {
        docket: {
          name: "Docket",
          url: new URL(page.docketPath, bench.stack.appUrl).toString(),
          headers: { cookie: bench.cookies.reviewer },
          pid: bench.appPid,
        },
        bare: { name: "bare proxy", url: `${proxy.match[1]!}${upstreamPath}`, headers: {}, pid: proxy.process.pid! },
        next: { name: "bare Next.js route", url: `${bareNext.url}/api/pass-through${upstreamPath}`, headers: {}, pid: bareNext.pid },
      };
      // Unmeasured: lets each server load its code and its JIT settle before the first round.
      for (const target of Object.values(targets)) await load(target, CONCURRENCIES[0], bench.simulatorPid);
      for (const condition of CONDITIONS) {
        await setUpstreamLatency(bench, condition.upstreamLatencyMs);
        try {
          for (const connections of condition.concurrencies) {
            const label = `${page.name}${condition.label} c=${connections}`;
            const measured = await measureSideBySide(
              targets,
              connections,
              bench.simulatorPid,
              label,
              condition.cpuFigures && connections === CONCURRENCIES[0] ? page.name : null,
            );
            figures.push(...measured.figures);
            details.push({
              page: page.name,
              docketPath: page.docketPath,
              upstreamPath,
              upstreamLatencyMs: condition.upstreamLatencyMs,
              connections,
              runs: measured.runs,
            });
          }
        } finally {
          await setUpstreamLatency(bench, 0);
        }
      }
    }
    return { figures, details };
  } finally {
    await proxy.stop();
  }
}

type Targets = Record<"docket" | "bare" | "next", Target>;

/** Every side measured ROUNDS times, interleaved, so that a change in the machine's load between rounds touches all alike. */
async function measureSideBySide(
  targets: Targets,
  connections: number,
  simulatorPid: number,
  label: string,
  cpuOf: string | null,
): Promise<{ figures: Figure[]; runs: Record<keyof Targets, Run[]> }> {
  const runs: Record<keyof Targets, Run[]> = { docket: [], bare: [], next: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const side of ["docket", "bare", "next"] as const) runs[side].push(await load(targets[side], connections, simulatorPid));
  }
  const of = (side: keyof Targets, pick: (run: Run) => number) => median(runs[side].map(pick));
  const rps = (side: keyof Targets) => of(side, (run) => run.requestsPerSecond);
  const p50 = (side: keyof Targets) => of(side, (run) => run.p50Ms);
  const p99 = (side: keyof Targets) => of(side, (run) => run.p99Ms);
  const cpu = (side: keyof Targets) => of(side, (run) => run.serverCpuMsPerRequest);
  const summary = (side: keyof Targets) =>
    `${rps(side).toFixed(0)} req/s p50 ${p50(side).toFixed(1)} ms, ${cpu(side).toFixed(2)} ms CPU (${(of(side, (run) => run.meanBytes) / 1024).toFixed(1)} KiB)`;
  console.log(`  ${label}: Docket ${summary("docket")}; bare proxy ${summary("bare")}; bare Next.js route ${summary("next")}`);
  const figures: Figure[] = [
    {
      benchmark: "B1",
      name: `${label}: throughput`,
      docket: rps("docket"),
      baseline: rps("bare"),
      unit: "req/s",
      compare: "ratio",
      target: `≥ ×${TARGETS.throughputRatio}`,
      meets: rps("docket") >= TARGETS.throughputRatio * rps("bare"),
    },
    {
      benchmark: "B1",
      name: `${label}: p50 latency`,
      docket: p50("docket"),
      baseline: p50("bare"),
      unit: "ms",
      compare: "difference",
      target: `≤ +${TARGETS.p50AddedMs} ms`,
      meets: p50("docket") - p50("bare") <= TARGETS.p50AddedMs,
    },
    {
      benchmark: "B1",
      name: `${label}: p99 latency`,
      docket: p99("docket"),
      baseline: p99("bare"),
      unit: "ms",
      compare: "difference",
      target: "",
      meets: null,
    },
    {
      benchmark: "B1",
      name: `${label}: throughput vs bare Next.js route`,
      docket: rps("docket"),
      baseline: rps("next"),
      unit: "req/s",
      compare: "ratio",
      target: "",
      meets: null,
    },
    {
      benchmark: "B1",
      name: `${label}: p50 latency vs bare Next.js route`,
      docket: p50("docket"),
      baseline: p50("next"),
      unit: "ms",
      compare: "difference",
      target: "",
      meets: null,
    },
  ];
  if (cpuOf !== null) {
    figures.push(
      {
        benchmark: "B1",
        name: `${cpuOf}: server CPU per request`,
        docket: cpu("docket"),
        baseline: cpu("bare"),
        unit: "ms",
        compare: "ratio",
        target: "",
        meets: null,
      },
      {
        benchmark: "B1",
        name: `${cpuOf}: server CPU per request vs bare Next.js route`,
        docket: cpu("docket"),
        baseline: cpu("next"),
        unit: "ms",
        compare: "ratio",
        target: "",
        meets: null,
      },
    );
  }
  return { figures, runs };
}

/** Every Compliance API answer delayed by `ms` (the simulator's latency fault), or none for 0. */
async function setUpstreamLatency(bench: BenchStack, ms: number): Promise<void> {
  const faults = new URL("/_simulator/faults", bench.simulatorUrl);
  const response =
    ms === 0
      ? await fetch(faults, { method: "DELETE" })
      : await fetch(faults, {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify([{ match: { path: "/v1/compliance/" }, fault: { type: "latency", ms } }]),
        });
  if (!response.ok) throw new Error(`The simulator refused the latency setting (${response.status}): ${await response.text()}`);
}
