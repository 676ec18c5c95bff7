/**
 * B8: a collection of at least 12,000 chats of the `large` dataset against the simulator limited to
 * 6,000 requests a minute, with no interactive reserve: run by one worker process, then on a fresh
 * database by two, which share the budget through PostgreSQL. For each run: the requests a minute
 * achieved against the limit, the share the simulator answered 429 (both counted on the simulator's
 * side), whether every chat listed was collected once, and each worker's resident memory, sampled every
 * 500 ms. Then the package of the first run is written to disk as the route streams it, against `cp -r`
 * of the evidence store's objects, the same bytes, to another folder, and against `cat` of those objects
 * into one file (the package's own pattern: many files read, one written).
 *
 * The scope is the first custodians of the first Claude.ai organisation, in the order the API lists
 * them, as many as make 12,000 chats (an organisation has about 100,000), and only chats are included, so
 * that the run is about requests: a chat costs one request a page of 200 messages, where files would
 * add the simulator's generation of their bytes. 12,000 chats, some 13,000 requests, span at least two
 * of the simulator's fixed 60 s windows at the limit, so a run measures the budget, not one window's
 * burst. Needs no Next.js app: the measuring runs in tests/bench/collection-run.ts.
 */
import { join } from "node:path";
import { z } from "zod";
import { createDocketDatabase } from "@/lib/devtools/docket-database";
import { startPostgres } from "@/lib/devtools/postgres";
import { startService } from "@/lib/devtools/services";
import { SIMULATOR_HEADERS } from "../support/bench-stack";
import { runNodeScript } from "../support/processes";
import { figureMaker, type Figure } from "../support/report";

const RATE_LIMIT_PER_MINUTE = 6_000;
const MIN_CHATS = 12_000;
/** The most custodians one chat list takes (the API's limit), as the collection's walks batch them. */
const CUSTODIANS_PER_LIST = 10;
const TARGETS = { limitShare: 0.9, tooManyRequestsPercent: 0.5, peakRssMiB: 256, rssFlatRatio: 1.1 };

const Rss = z.object({
  samples: z.number(),
  startMiB: z.number(),
  peakMiB: z.number(),
  secondQuarterFloorMiB: z.number(),
  lastQuarterFloorMiB: z.number(),
  slopeMiBPerMinute: z.number(),
  everyFiveSecondsMiB: z.array(z.number()),
});
const Run = z.object({
  workers: z.number(),
  custodians: z.number(),
  seconds: z.number(),
  simulator: z.object({ total: z.number(), byStatus: z.record(z.string(), z.number()) }),
  outcome: z.object({
    state: z.string(),
    itemsDone: z.number(),
    itemsKnown: z.number(),
    itemRows: z.number(),
    distinctChats: z.number(),
    itemsDoneRows: z.number(),
    chatsListed: z.number(),
    walks: z.number(),
    walksLeft: z.number(),
    docketRequests: z.number(),
    errors: z.number(),
    bytes: z.number(),
    itemsByWorker: z.record(z.string(), z.number()),
  }),
  rss: z.array(Rss),
  timeline: z.array(z.unknown()),
  packaging: z
    .object({
      storeObjects: z.number(),
      storeBytes: z.number(),
      zipBytes: z.number(),
      prepareSeconds: z.array(z.number()),
      packageSeconds: z.array(z.number()),
      copySeconds: z.array(z.number()),
      catSeconds: z.array(z.number()),
      packageMiBPerSecond: z.number(),
      copyMiBPerSecond: z.number(),
      catMiBPerSecond: z.number(),
    })
    .nullable(),
});
type Run = z.infer<typeof Run>;

const Page = z.object({ data: z.array(z.object({ id: z.string() })), has_more: z.boolean() });
const ChatPage = Page.extend({ last_id: z.string().nullable() });

async function getJson<T>(url: URL, schema: z.ZodType<T>): Promise<T> {
  const response = await fetch(url, { headers: SIMULATOR_HEADERS });
  if (!response.ok) throw new Error(`${url.pathname} answered ${response.status}`);
  return schema.parse(await response.json());
}

/**
 * The custodians of the scope, a list's worth at a time, and how many chats the API lists for them: the
 * count the collection must match. Reads through the API, as an examiner would check; each run resets
 * the simulator's counts and window before it starts.
 */
async function chooseCustodians(simulatorUrl: URL, organization: string): Promise<{ custodians: string[]; chats: number }> {
  const users = await getJson(new URL(`/v1/compliance/organizations/${organization}/users?limit=1000`, simulatorUrl), Page);
  const custodians: string[] = [];
  let chats = 0;
  for (let start = 0; chats < MIN_CHATS; start += CUSTODIANS_PER_LIST) {
    const batch = users.data.slice(start, start + CUSTODIANS_PER_LIST).map((user) => user.id);
    if (batch.length === 0) throw new Error(`The organisation's first ${users.data.length} custodians have only ${chats} chats.`);
    custodians.push(...batch);
    for (let after: string | null = null; ;) {
      const url = new URL("/v1/compliance/apps/chats", simulatorUrl);
      for (const user of batch) url.searchParams.append("user_ids[]", user);
      url.searchParams.set("limit", "1000");
      if (after) url.searchParams.set("after_id", after);
      const page = await getJson(url, ChatPage);
      chats += page.data.length;
      if (!page.has_more) break;
      after = page.last_id;
    }
  }
  return { custodians, chats };
}

const perMinute = (run: Run) => run.simulator.total / (run.seconds / 60);
const tooManyRequestsPercent = (run: Run) => (100 * (run.simulator.byStatus["429"] ?? 0)) / run.simulator.total;
/** Every chat listed became one item, collected once, and the collection says so. */
const collectedWhole = (run: Run, chats: number) => {
  const outcome = run.outcome;
  return (
    outcome.state === "succeeded" &&
    outcome.walksLeft === 0 &&
    outcome.errors === 0 &&
    [outcome.itemsDone, outcome.itemsKnown, outcome.itemRows, outcome.distinctChats, outcome.itemsDoneRows, outcome.chatsListed].every(
      (count) => count === chats,
    )
  );
};
/** The worker whose memory floor rose most from the second quarter of the run (the first is its start) to the last. */
const leastFlat = (run: Run) =>
  run.rss.reduce((worst, rss) => (rss.lastQuarterFloorMiB / rss.secondQuarterFloorMiB > worst.lastQuarterFloorMiB / worst.secondQuarterFloorMiB ? rss : worst));

export async function benchCollections(): Promise<{ figures: Figure[]; details: unknown }> {
  console.log(`Starting the simulator (large dataset, ${RATE_LIMIT_PER_MINUTE} requests a minute) and PostgreSQL…`);
  const simulator = await startService("simulator", process.execPath, ["--import", "tsx", join("lib", "simulator", "main.ts")], {
    env: { ...process.env, SIMULATOR_PORT: "0", SIMULATOR_DATASET: "large", SIMULATOR_CONTROL: "1", SIMULATOR_RATE_LIMIT: String(RATE_LIMIT_PER_MINUTE) },
    ready: /listening on (http:\/\/\S+)/,
    quiet: true,
  });
  const postgres = await startPostgres().catch(async (error: unknown) => {
    await simulator.stop();
    throw error;
  });
  try {
    const simulatorUrl = new URL(simulator.match[1]!);
    const fixtures = await getJson(
      new URL("/_simulator/fixtures", simulatorUrl),
      z.object({ organizations: z.array(z.object({ uuid: z.string(), kind: z.string() })) }),
    );
    const organization = fixtures.organizations.find((candidate) => candidate.kind === "claude_ai")!.uuid;
    const { custodians, chats } = await chooseCustodians(simulatorUrl, organization);
    console.log(`  scope: ${custodians.length} custodians of organisation ${organization}, ${chats} chats`);

    const runs: Run[] = [];
    for (const workers of [1, 2]) {
      const { url: databaseUrl } = await createDocketDatabase(postgres, `bench_collections_${workers}`);
      console.log(`  collecting with ${workers} worker${workers === 1 ? "" : "s"}${workers === 1 ? ", then writing its package" : ""}…`);
      const run = Run.parse(
        await runNodeScript(
          join("tests", "bench", "collection-run.ts"),
          [JSON.stringify({ databaseUrl, simulatorUrl: simulatorUrl.origin, workers, custodians, measurePackage: workers === 1 })],
          ["--import", "./tests/bench/support/server-only-noop.ts"],
        ),
      );
      runs.push(run);
      console.log(
        `  ${run.outcome.state} in ${run.seconds.toFixed(1)} s: ${run.simulator.total} requests (${perMinute(run).toFixed(0)} a minute), ` +
          `${run.simulator.byStatus["429"] ?? 0} answered 429; ${run.outcome.itemsDone} of ${run.outcome.itemsKnown} items; ` +
          `items by worker ${Object.values(run.outcome.itemsByWorker).join(" + ")}; ` +
          `peak RSS ${run.rss.map((rss) => rss.peakMiB.toFixed(0)).join(" and ")} MiB`,
      );
    }

    const figure = figureMaker("B8");
    const runFigures = (run: Run): Figure[] => {
      const label = `${run.workers} worker${run.workers === 1 ? "" : "s"}`;
      const highest = run.rss.reduce((top, rss) => (rss.peakMiB > top.peakMiB ? rss : top));
      const flat = leastFlat(run);
      return [
        figure(
          `${label}: requests a minute vs the limit`,
          perMinute(run),
          RATE_LIMIT_PER_MINUTE,
          "/min",
          "ratio",
          `≥ ${TARGETS.limitShare}`,
          perMinute(run) >= TARGETS.limitShare * RATE_LIMIT_PER_MINUTE,
        ),
        figure(
          `${label}: share of requests answered 429`,
          tooManyRequestsPercent(run),
          null,
          "%",
          "none",
          `≤ ${TARGETS.tooManyRequestsPercent} %`,
          tooManyRequestsPercent(run) <= TARGETS.tooManyRequestsPercent,
        ),
        figure(
          `${label}: chats collected, once each, vs chats listed`,
          run.outcome.itemsDoneRows,
          chats,
          "",
          "ratio",
          "all, succeeded",
          collectedWhole(run, chats),
        ),
        figure(`${label}: requests Docket counted vs the simulator answered`, run.outcome.docketRequests, run.simulator.total, "", "difference"),
        figure(`${label}: wall time`, run.seconds, null, "s", "none"),
        figure(
          `${label}: peak RSS of a worker vs its RSS idle at the start`,
          highest.peakMiB,
          highest.startMiB,
          "MiB",
          "difference",
          `≤ ${TARGETS.peakRssMiB} MiB`,
          highest.peakMiB <= TARGETS.peakRssMiB,
        ),
        figure(
          `${label}: worker RSS floor, last quarter vs second quarter of the run`,
          flat.lastQuarterFloorMiB,
          flat.secondQuarterFloorMiB,
          "MiB",
          "ratio",
          `≤ ×${TARGETS.rssFlatRatio}`,
          flat.lastQuarterFloorMiB <= TARGETS.rssFlatRatio * flat.secondQuarterFloorMiB,
        ),
      ];
    };
    const [one, two] = runs as [Run, Run];
    const packaging = one.packaging!;
    return {
      figures: [
        ...runFigures(one),
        ...runFigures(two),
        figure("requests a minute, 2 workers vs 1", perMinute(two), perMinute(one), "/min", "ratio"),
        figure("package writing vs cp -r of the evidence store's objects", packaging.packageMiBPerSecond, packaging.copyMiBPerSecond, "MiB/s", "ratio"),
        figure("package writing vs cat of those objects into one file", packaging.packageMiBPerSecond, packaging.catMiBPerSecond, "MiB/s", "ratio"),
      ],
      details: { rateLimitPerMinute: RATE_LIMIT_PER_MINUTE, organization, custodians: custodians.length, chats, runs },
    };
  } finally {
    await postgres.stop();
    await simulator.stop();
  }
}
