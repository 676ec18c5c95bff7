/**
 * B1's load generator, run as its own process so that it never shares an event loop with a server it
 * measures: `connections` clients, each sending its next GET as soon as the last answer was read in
 * full (closed loop, no pipelining), over one undici Pool. Runs `warmupMs` unmeasured, then counts
 * the requests that start and end within the next `durationMs`. Usage: load-generator <config JSON>.
 * Prints one JSON line.
 */
import { Pool } from "undici";
import { z } from "zod";
import { percentile } from "./support/stats";

const Config = z.object({
  url: z.url(),
  headers: z.record(z.string(), z.string()),
  connections: z.number().int().min(1),
  warmupMs: z.number().int().min(0),
  durationMs: z.number().int().min(1),
});

const config = Config.parse(JSON.parse(process.argv[2] ?? ""));
const url = new URL(config.url);
const pool = new Pool(url.origin, { connections: config.connections, pipelining: 1 });
const path = `${url.pathname}${url.search}`;

const latencies: number[] = [];
const statuses: Record<string, number> = {};
let bytes = 0;
let failures = 0;
/** Every answer read in full, warm-up included: the servers' CPU time is measured over all of them. */
let totalRequests = 0;
const measureFrom = performance.now() + config.warmupMs;
const measureTo = measureFrom + config.durationMs;
const cpuAtStart = process.cpuUsage();

async function client(): Promise<void> {
  while (performance.now() < measureTo) {
    const started = performance.now();
    try {
      const response = await pool.request({ path, method: "GET", headers: config.headers });
      const body = await response.body.arrayBuffer();
      const ended = performance.now();
      totalRequests += 1;
      if (started >= measureFrom && ended <= measureTo) {
        latencies.push(ended - started);
        statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
        bytes += body.byteLength;
      }
    } catch {
      if (started >= measureFrom) failures += 1;
    }
  }
}

await Promise.all(Array.from({ length: config.connections }, client));
await pool.close();
const cpu = process.cpuUsage(cpuAtStart);
console.log(
  JSON.stringify({
    requests: latencies.length,
    totalRequests,
    requestsPerSecond: latencies.length / (config.durationMs / 1000),
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    maxMs: Math.max(...latencies),
    statuses,
    failures,
    meanBytes: latencies.length ? bytes / latencies.length : 0,
    generatorCpuMs: (cpu.user + cpu.system) / 1000,
  }),
);
