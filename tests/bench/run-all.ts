/**
 * `npm run bench [-- --only B1,B3]`: every benchmark of issue 7, each against a baseline measured in
 * the same run (performance-anchors.md §6), printed as one table with the machine it ran on and saved
 * as JSON under bench-results/ so that runs can be compared. Builds nothing: it measures the app
 * `npx next build` left in .next. Never part of `npm test`, and no figure here is ever a test assertion.
 *
 *   B1  JSON pages through Docket's routes against a bare Node http + undici pass-through
 *   B2  a 1 GiB download through Docket against the simulator directly and bare proxies
 *   B3  the 10,000-message thread in Chromium against a plain virtualised list of the same texts
 *   B4  gzipped JavaScript per console route against a bare Next.js page
 *   B5  audit appends under 8 concurrent writers, and verifying a chain of 1,000,000 rows
 *   B8  a collection of 12,000 chats against a limit of 6,000 requests a minute, by one worker and by
 *       two: the rate achieved against the limit, 429s, worker memory; and its package written against cp
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Browser } from "@playwright/test";
import { stopServicesOnSignals } from "@/lib/devtools/services";
import playwrightConfig from "@/playwright.config";
import { benchAudit } from "./scenarios/audit";
import { benchCollections } from "./scenarios/collections";
import { benchDownloads } from "./scenarios/downloads";
import { benchFrontEndWeight } from "./scenarios/front-end-weight";
import { benchJsonProxy } from "./scenarios/json-proxy";
import { benchLongThread, readLongThread } from "./scenarios/long-thread";
import { startBareNextApp, type BareNextApp } from "./support/bare-next-app";
import { assertBuilt, SIMULATOR_API_KEY, startBenchStack, type BenchStack } from "./support/bench-stack";
import { loadAverage, machineInfo } from "./support/machine";
import { formatTable, type Figure, type ScenarioReport } from "./support/report";

const SCENARIOS = {
  B1: "JSON proxy",
  B2: "downloads",
  B3: "long thread",
  B4: "front-end weight",
  B5: "audit log",
  B8: "collections",
} as const;
type ScenarioId = keyof typeof SCENARIOS;
const ALL = Object.keys(SCENARIOS) as ScenarioId[];

const { values } = parseArgs({ options: { only: { type: "string" } } });
const selected = values.only ? values.only.split(",").map((id) => id.trim().toUpperCase()) : ALL;
const unknown = selected.filter((id) => !(ALL as string[]).includes(id));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(", ")}: choose among ${ALL.join(", ")}.`);
  process.exit(1);
}
const wanted = (id: ScenarioId) => selected.includes(id);
const needsApp = (["B1", "B2", "B3", "B4"] as const).some(wanted);
const needsBareApp = (["B1", "B3", "B4"] as const).some(wanted);
const needsBrowser = (["B3", "B4"] as const).some(wanted);

if (needsApp) assertBuilt("npm run bench");
process.env.NEXT_TELEMETRY_DISABLED = "1";

const machine = await machineInfo();
console.log(`Machine: ${machine.cpuModel}, ${machine.cpuCount} CPUs, ${machine.memoryGiB} GiB; ${machine.os}; Node ${machine.node}; Next ${machine.next}`);
console.log(`Load average at start: ${machine.loadAverageAtStart.map((value) => value.toFixed(2)).join(" ")} (figures are noisy on a shared machine)`);

const reports: ScenarioReport[] = [];
async function runScenario(benchmark: ScenarioId, measure: () => Promise<{ figures: Figure[]; details: unknown }>): Promise<void> {
  const title = SCENARIOS[benchmark];
  console.log(`\n${benchmark} ${title} (load average ${loadAverage().join(" ")})`);
  const started = performance.now();
  const base = { benchmark, title, loadAverage: loadAverage() };
  try {
    const { figures, details } = await measure();
    reports.push({ ...base, seconds: (performance.now() - started) / 1000, figures, details });
  } catch (error) {
    console.error(error);
    reports.push({
      ...base,
      seconds: (performance.now() - started) / 1000,
      figures: [],
      details: null,
      error: error instanceof Error ? error.message.split("\n")[0]! : String(error),
    });
  }
}

let bench: BenchStack | null = null;
let bareApp: BareNextApp | null = null;
let browser: Browser | null = null;
stopServicesOnSignals(async () => {
  await browser?.close();
  await bareApp?.stop();
  await bench?.stop();
});
try {
  if (needsApp) {
    bench = await startBenchStack();
    const app = bench;
    const thread = wanted("B3") ? await readLongThread(app) : [];
    if (needsBareApp) {
      bareApp = await startBareNextApp({
        upstreamOrigin: app.simulatorUrl.origin,
        apiKey: SIMULATOR_API_KEY,
        publicFiles: { "long-thread.json": JSON.stringify(thread) },
      });
    }
    const bare = bareApp;
    if (needsBrowser) {
      // The end-to-end tests' Chromium and flags (Debian's build; nothing downloaded).
      browser = await chromium.launch(playwrightConfig.use?.launchOptions);
      machine.chromium = browser.version();
    }
    const chromiumBrowser = browser;
    // B2 before B1: B1's load leaves the server's heap holding some 400 MiB of garbage, which the
    // downloads' allocations then collect, so a download measured after it shows that heap, not its own.
    if (wanted("B2")) await runScenario("B2", () => benchDownloads(app));
    if (wanted("B1")) await runScenario("B1", () => benchJsonProxy(app, bare!));
    if (wanted("B3")) await runScenario("B3", () => benchLongThread(app, chromiumBrowser!, bare!.url, thread));
    if (wanted("B4")) await runScenario("B4", () => benchFrontEndWeight(app, chromiumBrowser!, bare!.url));
  }
  if (wanted("B5")) await runScenario("B5", benchAudit);
  if (wanted("B8")) await runScenario("B8", benchCollections);
} finally {
  await browser?.close();
  await bareApp?.stop();
  await bench?.stop();
}

const finishedAt = new Date();
const directory = "bench-results";
const file = join(
  directory,
  `${finishedAt
    .toISOString()
    .replaceAll(":", "-")
    .replace(/\.\d+Z$/, "Z")}.json`,
);
await mkdir(directory, { recursive: true });
await writeFile(file, `${JSON.stringify({ finishedAt: finishedAt.toISOString(), selected, machine, reports }, null, 2)}\n`);

console.log(`\n${formatTable(reports)}\n`);
console.log(
  `Machine: ${machine.cpuModel}, ${machine.cpuCount} CPUs, ${machine.memoryGiB} GiB; Node ${machine.node}; Next ${machine.next}; Chromium ${machine.chromium ?? "not used"}`,
);
console.log(`Load average: ${machine.loadAverageAtStart.join(" ")} at start, ${loadAverage().join(" ")} at the end. Saved ${file}.`);
process.exit(reports.some((report) => report.error) ? 1 : 0);
