// The API budget every Docket process shares through one PostgreSQL row, on a real database with a
// clock the test moves: a background request waiting for the next window moves the clock instead of time.
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createSharedBudget } from "@/lib/server/compliance/shared-budget";
import type { RequestBudget } from "@/lib/server/compliance/transport";
import { startTestDatabase, superuserQuery, type TestDatabase } from "@/tests/support/database";

let postgres: TestDatabase;
let db: PrismaClient;
let superuserUrl: string;
let clock: number;
let slept: number[];

beforeAll(async () => {
  postgres = await startTestDatabase();
  ({ db, superuserUrl } = await postgres.createDatabase("shared_budget"));
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
});
beforeEach(async () => {
  // The app may not delete the budget row; a fresh one for each test is the harness's doing.
  await superuserQuery(superuserUrl, "DELETE FROM api_budget");
  clock = Date.parse("2026-12-07T10:00:00Z");
  slept = [];
});

function budget(kind: "interactive" | "background", interactiveReserve = 0.2): RequestBudget {
  return createSharedBudget(db, {
    kind,
    interactiveReserve,
    now: () => clock,
    sleep: async (ms) => {
      slept.push(ms);
      clock += ms;
    },
  });
}

/** The API's answer with a limit of `limit` a minute, `remaining` left, resetting a minute from now. */
async function apiSays(target: RequestBudget, limit: number, remaining: number, status = 200, retryAfterMs: number | null = null) {
  await target.afterResponse({ status, limit, remaining, resetsAt: new Date(clock + 60_000).toISOString(), retryAfterMs });
}

async function used(): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ used: number }>>`SELECT used FROM api_budget WHERE id = 'compliance_api'`;
  return row?.used ?? 0;
}

describe("the shared API budget", () => {
  test("background work uses only what the interactive reserve leaves, then waits for the next window", async () => {
    const worker = budget("background", 0.2);
    await worker.beforeRequest();
    await apiSays(worker, 10, 9);
    for (let sent = 1; sent < 8; sent++) await worker.beforeRequest();
    expect(slept).toEqual([]);
    expect(await used()).toBe(8);

    const start = clock;
    await worker.beforeRequest();
    expect(slept.length).toBeGreaterThan(0);
    expect(clock - start).toBeGreaterThanOrEqual(59_000);
    expect(await used()).toBe(1);
  });

  test("two processes draw on one count", async () => {
    const first = budget("background", 0.5);
    const second = budget("background", 0.5);
    await first.beforeRequest();
    await apiSays(first, 20, 19);
    for (let sent = 1; sent < 10; sent++) await (sent % 2 ? second : first).beforeRequest();
    expect(await used()).toBe(10);
    expect(slept).toEqual([]);
    await second.beforeRequest();
    expect(slept.length).toBeGreaterThan(0);
  });

  test("a person's read never waits, even with the window used up, and is still counted", async () => {
    const worker = budget("background", 0.2);
    await worker.beforeRequest();
    await apiSays(worker, 5, 0);
    const person = budget("interactive");
    for (let read = 0; read < 3; read++) await person.beforeRequest();
    expect(slept).toEqual([]);
    await vi.waitFor(async () => expect(await used()).toBe(8));
  });

  test("what the API reports as used counts other tools' requests too, so background work leaves room for them", async () => {
    const worker = budget("background", 0.2);
    await worker.beforeRequest();
    // Someone else has used 75 of 100: the 80 the worker may use leave it 4 more.
    await apiSays(worker, 100, 25);
    expect(await used()).toBe(75);
    for (let sent = 0; sent < 5; sent++) await worker.beforeRequest();
    expect(slept).toEqual([]);
    await worker.beforeRequest();
    expect(slept.length).toBeGreaterThan(0);
  });

  test("after a 429, background work waits out its retry-after even with budget left; people are not stopped", async () => {
    const worker = budget("background", 0.2);
    await worker.beforeRequest();
    await apiSays(worker, 600, 590, 429, 5_000);
    const person = budget("interactive");
    await person.beforeRequest();
    expect(slept).toEqual([]);

    const start = clock;
    await worker.beforeRequest();
    expect(clock - start).toBeGreaterThanOrEqual(5_000);
    expect(clock - start).toBeLessThan(60_000);
  });
});
