import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type PgBoss from "pg-boss";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/auth/session-store";
import { evidencePath } from "@/lib/server/collections/evidence-store";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { startTestDatabase, type TestDatabase } from "@/tests/support/database";
import { FULL_KEY, setUpSimulatorWithClient, type RunningSimulator } from "@/tests/support/simulator";
import { SMALL_SEED_1 } from "@/tests/support/simulator-ids";
import {
  createTestCollection,
  seedReviewer,
  startJobQueue,
  startWorker,
  temporaryDirectory,
  workerEnvironment,
  type WorkerProcess,
} from "./collection-support";

let simulator: RunningSimulator;
let client: ComplianceClient;
setUpSimulatorWithClient({ rateLimitPerMinute: 100_000 }, (started) => ({ simulator, client } = started));
let postgres: TestDatabase;
let db: PrismaClient;
let databaseUrl: string;
let boss: PgBoss;
let reviewer: Actor;
let evidence: Awaited<ReturnType<typeof temporaryDirectory>>;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  postgres = await startTestDatabase();
  ({ db, url: databaseUrl } = await postgres.createDatabase("collection_engine"));
  boss = await startJobQueue(databaseUrl, { supervise: false });
  reviewer = await seedReviewer(db, "collector");
  evidence = await temporaryDirectory("docket-evidence-");
}, 60_000);
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
});
afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await postgres?.stop();
  await evidence?.remove();
}, 60_000);

async function worker(extra: Record<string, string> = {}): Promise<WorkerProcess> {
  const started = await startWorker(workerEnvironment(databaseUrl, simulator.url, evidence.path, extra));
  workers.push(started);
  return started;
}

type ApiFile = { id: string; md5: string | null };
type ApiMessage = { files: ApiFile[] | null; generated_files: ApiFile[] | null };

/** What the API holds for a custodian, walked independently of Docket with plain HTTP. */
async function walkCustodian(userId: string): Promise<{ chats: string[]; files: Map<string, string | null> }> {
  const get = async (path: string) => {
    const response = await fetch(new URL(path, simulator.url), { headers: { "x-api-key": FULL_KEY, "anthropic-version": "2023-06-01" } });
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  };
  const chats: string[] = [];
  for (let after: string | null = null; ;) {
    const page = (await get(`/v1/compliance/apps/chats?user_ids[]=${userId}&limit=1000${after ? `&after_id=${after}` : ""}`)) as {
      data: Array<{ id: string }>;
      has_more: boolean;
      last_id: string | null;
    };
    chats.push(...page.data.map((chat) => chat.id));
    if (!page.has_more) break;
    after = page.last_id;
  }
  const files = new Map<string, string | null>();
  for (const chat of chats) {
    for (let after: string | null = null; ;) {
      const page = (await get(`/v1/compliance/apps/chats/${chat}/messages?limit=1000${after ? `&after_id=${after}` : ""}`)) as {
        chat_messages: ApiMessage[];
        has_more: boolean;
        last_id: string | null;
      };
      for (const message of page.chat_messages) for (const file of message.files ?? []) files.set(file.id, file.md5);
      if (!page.has_more) break;
      after = page.last_id;
    }
  }
  return { chats, files };
}

async function waitForState(collectionId: string, states: string[], timeoutMs = 120_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await db.$queryRaw<Array<{ state: string }>>`SELECT state FROM collection WHERE id = ${collectionId}::uuid`;
    if (row && states.includes(row.state)) return row.state;
    if (Date.now() > until) throw new Error(`collection ${collectionId} still ${row?.state} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const md5Of = (bytes: Buffer) => createHash("md5").update(bytes).digest("hex");

describe("a collection run by the worker, a process of its own", () => {
  test("a custodian's chats and files are collected whole: the same as an independent walk of the API, MD5s checked", async () => {
    await worker();
    const { id } = await createTestCollection(client, db, boss, reviewer, {
      matter: "Acme v. Globex",
      reference: "CASE-1",
      scope: { userIds: [SMALL_SEED_1.user], organizationIds: [], projectIds: [] },
      include: ["chats", "files"],
    });
    expect(await waitForState(id, ["succeeded", "failed"])).toBe("succeeded");

    const expected = await walkCustodian(SMALL_SEED_1.user);
    const items = await db.$queryRaw<
      Array<{ kind: string; upstream_id: string; state: string; sha256: string | null; md5_verdict: string | null; md5_actual: string | null }>
    >`
      SELECT kind, upstream_id, state, sha256, md5_verdict, md5_actual FROM collection_item WHERE collection_id = ${id}::uuid`;
    expect(
      items
        .filter((item) => item.kind === "chat")
        .map((item) => item.upstream_id)
        .sort(),
    ).toEqual([...expected.chats].sort());
    expect(new Map(items.filter((item) => item.kind === "file").map((item) => [item.upstream_id, item.md5_actual]))).toEqual(expected.files);
    for (const item of items) {
      expect(item.state, `${item.kind} ${item.upstream_id}`).toBe("done");
      if (item.kind === "file") {
        expect(item.md5_verdict).toBe(expected.files.get(item.upstream_id) === null ? "not_provided" : "matched");
        expect(md5Of(await readFile(evidencePath(evidence.path, item.sha256!)))).toBe(item.md5_actual);
      }
    }
    const [collection] = await db.$queryRaw<Array<{ items_done: number; items_known: number; errors: number; requests: number }>>`
      SELECT items_done, items_known, errors, requests FROM collection WHERE id = ${id}::uuid`;
    expect(collection).toMatchObject({ items_done: items.length, items_known: items.length, errors: 0 });
    expect(collection!.requests).toBeGreaterThanOrEqual(expected.chats.length + 1);
  }, 180_000);

  test("a worker killed (SIGKILL) mid-collection and a new one started: no item twice, none missing, the counters true", async () => {
    simulator.reset();
    // Slow enough that the kill lands mid-collection.
    simulator.setFaults([{ match: { path: "/v1/compliance/apps/chats/" }, fault: { type: "latency", ms: 30 } }]);
    const first = await worker();
    const { id } = await createTestCollection(client, db, boss, reviewer, {
      matter: "Kill test",
      reference: "CASE-2",
      scope: { userIds: [SMALL_SEED_1.user], organizationIds: [], projectIds: [] },
      include: ["chats", "files", "generated_files", "artifacts"],
    });
    await expect.poll(async () => (await progressOf(id)).items_done, { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(5);
    await first.kill();
    const atKill = await progressOf(id);
    expect(atKill.state).toBe("running");
    expect(atKill.items_done).toBeLessThan(atKill.items_known);

    await worker();
    expect(await waitForState(id, ["succeeded", "failed"])).toBe("succeeded");
    simulator.setFaults([]);
    const expected = await walkCustodian(SMALL_SEED_1.user);
    const items = await itemsOf(id);
    expect(
      items
        .filter((item) => item.kind === "chat")
        .map((item) => item.upstream_id)
        .sort(),
    ).toEqual([...expected.chats].sort());
    expect(
      items
        .filter((item) => item.kind === "file")
        .map((item) => item.upstream_id)
        .sort(),
    ).toEqual([...expected.files.keys()].sort());
    // Generated files expire upstream: those are listed as vanished, with the API's reason.
    expect(items.filter((item) => item.state !== "done").map((item) => [item.kind, item.state, item.error !== null])).toEqual(
      items.filter((item) => item.state !== "done").map(() => ["generated_file", "vanished", true]),
    );
    const final = await progressOf(id);
    // Each item counted once, whoever finished it: the counters match the rows.
    expect(final).toMatchObject({ items_done: items.length, items_known: items.length, errors: 0 });
    const [walk] = await db.$queryRaw<Array<{ records: number; done: boolean }>>`SELECT records, done FROM collection_walk WHERE collection_id = ${id}::uuid`;
    expect(walk).toEqual({ records: expected.chats.length, done: true });
  }, 180_000);

  test("with a fifth of requests failing with 5xx and some answered 429, every record is still collected", async () => {
    simulator.reset();
    const { id } = await createTestCollection(client, db, boss, reviewer, {
      matter: "Flaky API",
      reference: "CASE-3",
      scope: { userIds: [SMALL_SEED_1.user], organizationIds: [], projectIds: [] },
      include: ["chats", "files"],
    });
    simulator.setFaults([
      { match: { path: "/v1/compliance/" }, probability: 0.2, fault: { type: "status", status: 503 } },
      { match: { path: "/v1/compliance/" }, times: 6, fault: { type: "rate_limit", retryAfterSeconds: 1 } },
    ]);
    await worker();
    expect(await waitForState(id, ["succeeded", "failed"])).toBe("succeeded");
    const failures = simulator.requestLog().filter((entry) => entry.status === 503 || entry.status === 429);
    expect(failures.length).toBeGreaterThan(6);
    simulator.setFaults([]);
    const expected = await walkCustodian(SMALL_SEED_1.user);
    const items = await itemsOf(id);
    expect(
      items
        .filter((item) => item.kind === "chat")
        .map((item) => item.upstream_id)
        .sort(),
    ).toEqual([...expected.chats].sort());
    expect(
      items
        .filter((item) => item.kind === "file")
        .map((item) => item.upstream_id)
        .sort(),
    ).toEqual([...expected.files.keys()].sort());
    expect(items.every((item) => item.state === "done")).toBe(true);
  }, 180_000);

  test("a file whose bytes do not match the Content-MD5 sent with them is recorded as a mismatch, loudly", async () => {
    simulator.reset();
    const filesChatOwner = await ownerOf(simulator.fixtures.filesChat);
    const { id } = await createTestCollection(client, db, boss, reviewer, {
      matter: "Tampered file",
      reference: "CASE-4",
      scope: { userIds: [filesChatOwner], organizationIds: [], projectIds: [] },
      include: ["files"],
    });
    simulator.setFaults([{ match: { path: "^/v1/compliance/apps/chats/files/[^/]+/content$" }, times: 1, fault: { type: "wrong_md5" } }]);
    await worker();
    expect(await waitForState(id, ["succeeded", "failed"])).toBe("succeeded");
    const mismatched = (await itemsOf(id)).filter((item) => item.md5_verdict === "mismatched");
    expect(mismatched).toHaveLength(1);
    expect(mismatched[0]!.error).toMatch(/^MD5 mismatch: the Compliance API announced [0-9a-f]{32}, the bytes received hash to [0-9a-f]{32}$/);
    expect((await progressOf(id)).errors).toBe(1);
  }, 180_000);

  test("two workers on one collection never fetch an item twice", async () => {
    simulator.reset();
    // One step at a time each, and answers slow enough that neither can finish the collection alone
    // before the other has started: both must take part, or the test would prove nothing.
    simulator.setFaults([{ match: { path: "/v1/compliance/apps/chats/" }, fault: { type: "latency", ms: 50 } }]);
    await Promise.all([worker({ DOCKET_WORKER_CONCURRENCY: "1" }), worker({ DOCKET_WORKER_CONCURRENCY: "1" })]);
    const { id } = await createTestCollection(client, db, boss, reviewer, {
      matter: "Two workers",
      reference: "CASE-5",
      scope: { userIds: [SMALL_SEED_1.user], organizationIds: [], projectIds: [] },
      include: ["chats", "files", "generated_files", "artifacts"],
    });
    expect(await waitForState(id, ["succeeded", "failed"])).toBe("succeeded");
    const log = simulator.requestLog().filter((entry) => entry.status === 200);
    const fetchesOf = (predicate: (entry: (typeof log)[number]) => boolean) => {
      const counts = new Map<string, number>();
      for (const entry of log.filter(predicate)) counts.set(entry.path, (counts.get(entry.path) ?? 0) + 1);
      return counts;
    };
    const firstPages = fetchesOf((entry) => entry.path.endsWith("/messages") && !entry.query.includes("after_id"));
    const contents = fetchesOf((entry) => entry.path.endsWith("/content"));
    expect(firstPages.size).toBeGreaterThan(1);
    expect([...firstPages.values()].every((count) => count === 1)).toBe(true);
    expect([...contents.values()].every((count) => count === 1)).toBe(true);
    const collectors = new Set((await itemsOf(id)).filter((item) => item.state === "done").map((item) => item.collected_by));
    expect(collectors.size).toBe(2);
  }, 180_000);
});

async function progressOf(collectionId: string) {
  const [row] = await db.$queryRaw<Array<{ state: string; items_done: number; items_known: number; errors: number }>>`
    SELECT state, items_done, items_known, errors FROM collection WHERE id = ${collectionId}::uuid`;
  return row!;
}

function itemsOf(collectionId: string) {
  return db.$queryRaw<
    Array<{ kind: string; upstream_id: string; state: string; md5_verdict: string | null; error: string | null; collected_by: string | null }>
  >`
    SELECT kind, upstream_id, state, md5_verdict, error, collected_by FROM collection_item WHERE collection_id = ${collectionId}::uuid`;
}

async function ownerOf(chatId: string): Promise<string> {
  const { data } = await client.chats.getMessages(chatId, { limit: 1 });
  return data.user!.id;
}
