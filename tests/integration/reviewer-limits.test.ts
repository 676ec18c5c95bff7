// Per-person limits, against a real PostgreSQL and the simulator over HTTP: one person's requests to
// Docket's routes, and the Compliance API requests made for them, are refused past their share with
// when to retry, before anything is sent; other people are not affected.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createComplianceClient, type ComplianceClient } from "@/lib/server/compliance/client";
import { asReviewer, countApiRequestForReviewer, countRouteRequest } from "@/lib/server/http/reviewer-limits";
import { startTestDatabase, type TestDatabase } from "@/tests/support/database";
import { READONLY_KEY, startTestSimulator, type RunningSimulator } from "@/tests/support/simulator";

let server: TestDatabase;
let simulator: RunningSimulator;
let db: PrismaClient;
let alice: string;
let bob: string;

beforeAll(async () => {
  [server, simulator] = await Promise.all([startTestDatabase(), startTestSimulator({ rateLimitPerMinute: 100_000 })]);
  ({ db } = await server.createDatabase("reviewer_limits"));
  alice = (await db.appUser.create({ data: { issuer: "https://idp.test", subject: "alice", email: "alice@docket.test" } })).id;
  bob = (await db.appUser.create({ data: { issuer: "https://idp.test", subject: "bob", email: "bob@docket.test" } })).id;
});

afterAll(async () => {
  await simulator?.close();
  await server?.stop();
});

describe("a person's requests to Docket", () => {
  it("are refused past the limit with the seconds left in the minute; another person is not", async () => {
    const limits = { routeRequestsPerMinute: 10, apiShare: 0.5 };
    const now = new Date("2026-12-07T16:00:45.000Z");
    for (let request = 0; request < 10; request++) await countRouteRequest(db, alice, limits, now);
    const refused = await countRouteRequest(db, alice, limits, now).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "reviewer_rate_limited", details: { retryAfterSeconds: 15 } });
    expect((refused as Error).message).toBe(
      "You have made 11 requests this minute, and Docket allows one person 10, so others can work too. Try again in 15 seconds.",
    );
    await expect(countRouteRequest(db, bob, limits, now)).resolves.toBeUndefined();
    // The next minute starts afresh, and a person's rows of earlier hours are cleared.
    await expect(countRouteRequest(db, alice, limits, new Date("2026-12-07T16:01:00.000Z"))).resolves.toBeUndefined();
    await countRouteRequest(db, alice, limits, new Date("2026-12-07T18:00:00.000Z"));
    expect(await db.reviewerUsage.count({ where: { userId: alice } })).toBe(1);
  });
});

describe("the Compliance API requests made for a person", () => {
  it("stop at their share of the API's limit, before the request is sent; outside a person's route nothing is counted", async () => {
    await db.apiBudget.upsert({
      where: { id: "compliance_api" },
      create: { id: "compliance_api", requestLimit: 20, used: 0, windowResetsAt: new Date(Date.now() + 60_000) },
      update: { requestLimit: 20 },
    });
    const client: ComplianceClient = createComplianceClient({
      baseUrl: simulator.url,
      apiKey: READONLY_KEY,
      budget: { beforeRequest: () => countApiRequestForReviewer(), afterResponse: async () => undefined },
    });
    const limits = { routeRequestsPerMinute: 1_000, apiShare: 0.25 };
    simulator.reset();
    const outcomes = await asReviewer({ userId: bob, db, limits }, async () => {
      const results: string[] = [];
      for (let call = 0; call < 6; call++) {
        results.push(
          await client.organizations.list({ limit: 1 }).then(
            () => "sent",
            (error: { code?: string }) => error.code ?? String(error),
          ),
        );
      }
      return results;
    });
    // A quarter of 20 is 5.
    expect(outcomes).toEqual(["sent", "sent", "sent", "sent", "sent", "reviewer_rate_limited"]);
    expect(simulator.requestLog()).toHaveLength(5);
    await client.organizations.list({ limit: 1 });
    expect(simulator.requestLog()).toHaveLength(6);
    await client.close();
  });
});
