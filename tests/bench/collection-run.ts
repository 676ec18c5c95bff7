/**
 * One run of B8 (scenarios/collections.ts) in a process of its own, on a freshly migrated database and
 * against a simulator already started: `collection-run '<json>'`, the JSON naming the database, the
 * simulator, how many workers, the custodians and whether to measure the package. Prints one JSON line.
 *
 * The collection is created as the route creates it (createCollection, queued through pg-boss), and
 * run by `npm run worker`'s processes started as the integration tests start them, with no interactive
 * reserve and the default lease. The simulator's request counts are reset just before, so they are
 * the collection's own: every request it answered and how many it refused with 429.
 *
 * Run with `--import ./tests/bench/support/server-only-noop.ts`, not `--conditions=react-server`:
 * createCollection and respondWithPackage share modules with the route wrapper, which imports
 * next/navigation, and React's server build cannot load that.
 */
import { execFile } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { promisify } from "node:util";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { Actor } from "@/lib/server/auth/session-store";
import { respondWithPackage } from "@/lib/server/collections/respond-with-package";
import { createComplianceClient } from "@/lib/server/compliance/client";
import { createSharedBudget } from "@/lib/server/compliance/shared-budget";
import { createDb } from "@/lib/server/db";
import {
  createTestCollection,
  REQUEST_METADATA,
  seedReviewer,
  startJobQueue,
  startWorker,
  temporaryDirectory,
  workerEnvironment,
  type WorkerProcess,
} from "@/tests/integration/collections/collection-support";
import { FULL_KEY } from "@/tests/support/simulator";
import { recordRss } from "./support/processes";
import { slopePerStep } from "./support/stats";

const Input = z.object({
  databaseUrl: z.string(),
  simulatorUrl: z.string(),
  workers: z.number().int().min(1),
  custodians: z.array(z.string()).min(1),
  measurePackage: z.boolean(),
});

const RSS_EVERY_MS = 500;
const PROGRESS_EVERY_MS = 1_000;
const RUN_TIMEOUT_MS = 20 * 60_000;
/** Package writing, `cp` and `cat` take turns this many times; the fastest of each counts (the machine is shared). */
const COPY_ROUNDS = 3;
const MiB = 1024 * 1024;

const run = promisify(execFile);
const input = Input.parse(JSON.parse(process.argv[2] ?? ""));

const RequestCounts = z.object({ total: z.number(), byStatus: z.record(z.string(), z.number()) });
async function simulatorControl(path: string, method = "GET"): Promise<unknown> {
  const response = await fetch(new URL(`/_simulator/${path}`, input.simulatorUrl), { method });
  if (!response.ok) throw new Error(`/_simulator/${path} answered ${response.status}`);
  return response.json();
}
const requestCounts = async () => RequestCounts.parse(await simulatorControl("request-counts"));

type Progress = { seconds: number; state: string; itemsDone: number; itemsKnown: number; simulatorRequests: number; simulator429: number };

/** Polls the collection and the simulator's counts until the collection ends; returns what each poll saw. */
async function followUntilEnded(db: PrismaClient, collectionId: string, startedMs: number): Promise<Progress[]> {
  const timeline: Progress[] = [];
  for (;;) {
    const [row] = await db.$queryRaw<Array<{ state: string; items_done: number; items_known: number }>>`
      SELECT state, items_done, items_known FROM collection WHERE id = ${collectionId}::uuid`;
    const counts = await requestCounts();
    const seconds = (performance.now() - startedMs) / 1000;
    timeline.push({
      seconds,
      state: row!.state,
      itemsDone: row!.items_done,
      itemsKnown: row!.items_known,
      simulatorRequests: counts.total,
      simulator429: counts.byStatus["429"] ?? 0,
    });
    if (!["queued", "running"].includes(row!.state)) return timeline;
    if (seconds * 1000 > RUN_TIMEOUT_MS) throw new Error(`the collection is still ${row!.state} after ${seconds.toFixed(0)} s (${row!.items_done} items done)`);
    await new Promise((resolve) => setTimeout(resolve, PROGRESS_EVERY_MS));
  }
}

/**
 * A worker's resident memory over the run: idle at the start, its peak, and whether it stayed flat once
 * working. V8 lets garbage build up between full collections (up to the worker's old-space cap), so the
 * RSS saws up and down by tens of MiB: what a leak raises is the floor, the lowest sample, compared between
 * the second quarter of the run and the last (the first is left out: the worker builds its working set
 * then).
 */
function rssSummary(samples: Array<{ atMs: number; bytes: number }>) {
  const mib = samples.map((sample) => sample.bytes / MiB);
  const quarter = Math.max(1, Math.floor(mib.length / 4));
  const working = samples.slice(quarter);
  const minutes = (working.at(-1)!.atMs - working[0]!.atMs) / 60_000;
  return {
    samples: mib.length,
    /** Before its first step: what the worker costs idle. */
    startMiB: mib[0]!,
    peakMiB: Math.max(...mib),
    secondQuarterFloorMiB: Math.min(...mib.slice(quarter, 2 * quarter)),
    lastQuarterFloorMiB: Math.min(...mib.slice(-quarter)),
    slopeMiBPerMinute: minutes > 0 ? (slopePerStep(mib.slice(quarter)) * (working.length - 1)) / minutes : 0,
    /** Every tenth sample (5 s apart), to see the saw in the results file. */
    everyFiveSecondsMiB: mib.filter((_, index) => index % 10 === 0).map((value) => Math.round(value)),
  };
}

/** Checks the collection against its lists: every chat listed is one item, collected once, and the counters agree. */
async function readOutcome(db: PrismaClient, collectionId: string) {
  const [collection] = await db.$queryRaw<Array<{ state: string; items_done: number; items_known: number; requests: number; errors: number; bytes: bigint }>>`
    SELECT state, items_done, items_known, requests, errors, bytes FROM collection WHERE id = ${collectionId}::uuid`;
  const [items] = await db.$queryRaw<Array<{ rows: number; distinct_chats: number; done: number }>>`
    SELECT count(*)::int AS rows, count(DISTINCT upstream_id) FILTER (WHERE kind = 'chat')::int AS distinct_chats,
           count(*) FILTER (WHERE state = 'done')::int AS done
      FROM collection_item WHERE collection_id = ${collectionId}::uuid`;
  const [walks] = await db.$queryRaw<Array<{ walks: number; left: number; listed: number }>>`
    SELECT count(*)::int AS walks, count(*) FILTER (WHERE NOT done)::int AS left, coalesce(sum(records), 0)::int AS listed
      FROM collection_walk WHERE collection_id = ${collectionId}::uuid`;
  const collectors = await db.$queryRaw<Array<{ collected_by: string | null; items: number }>>`
    SELECT collected_by, count(*)::int AS items FROM collection_item WHERE collection_id = ${collectionId}::uuid GROUP BY collected_by ORDER BY collected_by`;
  const { state, items_done: itemsDone, items_known: itemsKnown, requests, errors } = collection!;
  return {
    state,
    itemsDone,
    itemsKnown,
    itemRows: items!.rows,
    distinctChats: items!.distinct_chats,
    itemsDoneRows: items!.done,
    chatsListed: walks!.listed,
    walks: walks!.walks,
    walksLeft: walks!.left,
    docketRequests: requests,
    errors,
    bytes: Number(collection!.bytes),
    itemsByWorker: Object.fromEntries(collectors.map((row) => [row.collected_by ?? "none", row.items])),
  };
}

/**
 * Streams the package to a file as the route sends it (respondWithPackage, its audit rows written to the
 * database), against `cp -r` of the evidence store's objects, the same files, to another folder, and
 * against `cat` of them into one file. Each starts after `sync`, so that none pays for writing back what
 * the one before left in the page cache, and nothing is deleted until the end: on these machines' ext4
 * (mounted with `discard`), copies made right after deleting the previous round's were several times
 * slower.
 */
async function measurePackage(db: PrismaClient, actor: Actor, collectionId: string, evidenceDir: string) {
  const [store] = await db.$queryRaw<
    Array<{ objects: number; bytes: bigint }>
  >`SELECT count(*)::int AS objects, coalesce(sum(size), 0) AS bytes FROM evidence_object`;
  const storeBytes = Number(store!.bytes);
  const objects = join(evidenceDir, "objects");
  const output = await temporaryDirectory("docket-bench-package-");
  const { privateKey: signingKey } = generateKeyPairSync("ed25519");
  const timed = async (work: () => Promise<unknown>) => {
    await run("sync");
    const started = performance.now();
    await work();
    return (performance.now() - started) / 1000;
  };
  try {
    const prepareSeconds: number[] = [];
    const packageSeconds: number[] = [];
    const copySeconds: number[] = [];
    const catSeconds: number[] = [];
    let zipBytes = 0;
    for (let round = 0; round < COPY_ROUNDS; round++) {
      const zipPath = join(output.path, `package-${round}.zip`);
      packageSeconds.push(
        await timed(async () => {
          const started = performance.now();
          // Without the app's checkpoint scheduler, as createTestCollection records the creation.
          const response = await respondWithPackage(db, (event) => recordAuditEvent(db, event, { checkpoints: null }), {
            actor,
            metadata: REQUEST_METADATA,
            signal: new AbortController().signal,
            collectionId,
            evidenceDir,
            signingKey,
            interactiveReserve: 0,
          });
          // Until here: reading the items, writing the manifest and signing it, before the first byte.
          prepareSeconds.push((performance.now() - started) / 1000);
          await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), createWriteStream(zipPath));
        }),
      );
      zipBytes = (await stat(zipPath)).size;
      copySeconds.push(await timed(() => run("cp", ["-r", objects, join(output.path, `objects-${round}`)])));
      catSeconds.push(
        await timed(() => run("sh", ["-c", 'find "$1" -type f -print0 | xargs -0 cat > "$2"', "sh", objects, join(output.path, `objects-${round}.cat`)])),
      );
    }
    return {
      storeObjects: store!.objects,
      storeBytes,
      zipBytes,
      prepareSeconds,
      packageSeconds,
      copySeconds,
      catSeconds,
      packageMiBPerSecond: zipBytes / MiB / Math.min(...packageSeconds),
      copyMiBPerSecond: storeBytes / MiB / Math.min(...copySeconds),
      catMiBPerSecond: storeBytes / MiB / Math.min(...catSeconds),
    };
  } finally {
    await output.remove();
  }
}

const db = createDb(input.databaseUrl);
const boss = await startJobQueue(input.databaseUrl, { supervise: false });
const evidence = await temporaryDirectory("docket-bench-evidence-");
const workers: WorkerProcess[] = [];
try {
  const reviewer = await seedReviewer(db, "bench-collector");
  // The default lease, as deployed, not the 3 s the tests use to take over a killed worker quickly:
  // whatever waits on a lease to lapse waits as long as it would in production.
  const environment = workerEnvironment(input.databaseUrl, input.simulatorUrl, evidence.path, {
    DOCKET_INTERACTIVE_RESERVE: "0",
    DOCKET_WORKER_LEASE_SECONDS: "60",
  });
  workers.push(...(await Promise.all(Array.from({ length: input.workers }, () => startWorker(environment)))));
  // The web app's client: its reads count in the budget the workers share.
  const client = createComplianceClient({
    baseUrl: input.simulatorUrl,
    apiKey: FULL_KEY,
    budget: createSharedBudget(db, { kind: "interactive", interactiveReserve: 0 }),
  });
  // A fresh rate-limit window and counts that are this collection's alone.
  await simulatorControl("reset", "POST");
  const stopRss = workers.map((worker) => recordRss(worker.process.pid!, RSS_EVERY_MS));
  const started = performance.now();
  const { id } = await createTestCollection(client, db, boss, reviewer, {
    matter: "B8 collections throughput",
    reference: `B8-${input.workers}-workers`,
    scope: { userIds: input.custodians, organizationIds: [], projectIds: [] },
    include: ["chats"],
  });
  const timeline = await followUntilEnded(db, id, started);
  const seconds = (performance.now() - started) / 1000;
  const rss = (await Promise.all(stopRss.map((stop) => stop()))).map(rssSummary);
  const counts = await requestCounts();
  await client.close();
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
  const outcome = await readOutcome(db, id);
  const packaging = input.measurePackage && outcome.state === "succeeded" ? await measurePackage(db, reviewer, id, evidence.path) : null;
  console.log(
    JSON.stringify({
      workers: input.workers,
      custodians: input.custodians.length,
      seconds,
      simulator: counts,
      outcome,
      rss,
      // Every fifth poll: enough to see the pace, small enough to keep in the results file.
      timeline: timeline.filter((_, index) => index % 5 === 0 || index === timeline.length - 1),
      packaging,
    }),
  );
} finally {
  await Promise.all(workers.map((worker) => worker.stop()));
  await boss.stop({ graceful: false, wait: true });
  await db.$disconnect();
  await evidence.remove();
}
