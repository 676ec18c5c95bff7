// Docket's record of its own Compliance API calls, matched against the simulator's feed, in a real
// PostgreSQL: a call the feed shows, one it omits, one made with Docket's key by someone else, and one
// made with another key.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ApiUsageReport } from "@/lib/schemas/api-usage";
import { apiUsageReport, foreignCallsSince } from "@/lib/server/api-usage/api-usage-report";
import { exportApiUsageFindings } from "@/lib/server/api-usage/api-usage-export";
import { createDatabaseCallLog, type DatabaseCallLog } from "@/lib/server/api-usage/call-log";
import { reconcileApiCalls } from "@/lib/server/api-usage/reconcile-api-calls";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { startTestDatabase, type TestDatabase } from "@/tests/support/database";
import { clientFor, FULL_KEY, rawGet, READONLY_KEY, startTestSimulator, type RunningSimulator } from "@/tests/support/simulator";

let server: TestDatabase;
let db: PrismaClient;
let simulator: RunningSimulator;
let calls: DatabaseCallLog;
let client: ComplianceClient;

beforeAll(async () => {
  server = await startTestDatabase();
  ({ db } = await server.createDatabase("api_usage"));
  simulator = await startTestSimulator();
  calls = createDatabaseCallLog(db, "web");
  client = clientFor(simulator, { callLog: calls.log });
});

afterAll(async () => {
  await client?.close();
  await simulator?.close();
  await db?.$disconnect();
  await server?.stop();
});

/**
 * The simulator records a call's activity before it answers, so these tests read the feed up to now
 * and judge calls without the grace the API's minute of delay and clock skew need in production.
 */
const NO_LAG = { visibilityLagMs: 0 };
const NO_GRACE = { graceMs: 0 };
const wholeDay = () => ({ from: new Date(Date.now() - 86_400_000), before: new Date(Date.now() + 86_400_000) });

describe("Docket's use of the API, reconciled with the feed", () => {
  let shown: string[];
  let omitted: string;
  let foreign: string;

  test("every request Docket sends is recorded with its method, path, time, process, outcome and request-id", async () => {
    const before = await db.complianceApiCall.count();
    const organizations = await client.organizations.list({ limit: 1 });
    const activities = await client.activities.list({ limit: 1 });
    await calls.flush();
    const recorded = await db.complianceApiCall.findMany({ orderBy: { id: "asc" }, skip: before });
    expect(recorded).toHaveLength(2);
    expect(recorded[0]).toMatchObject({
      process: "web",
      method: "GET",
      path: "/v1/compliance/organizations?limit=1",
      status: 200,
      requestId: organizations.requestId,
    });
    expect(recorded[0]!.processId).toMatch(/:\d+$/);
    expect(recorded[1]).toMatchObject({ path: "/v1/compliance/activities?limit=1", requestId: activities.requestId });
    shown = [organizations.requestId!, activities.requestId!];
  });

  test("a refused request is recorded with its status, and one that never reached the API with none", async () => {
    simulator.setFaults([{ match: { path: "/v1/compliance/groups" }, times: 1, fault: { type: "status", status: 503, shouldRetry: false } }]);
    await expect(client.groups.list({ limit: 1 })).rejects.toThrow();
    await calls.flush();
    const failed = await db.complianceApiCall.findFirst({ where: { path: { startsWith: "/v1/compliance/groups" } }, orderBy: { id: "desc" } });
    expect(failed).toMatchObject({ status: 503, requestId: expect.stringMatching(/^req_/) });
    shown.push(failed!.requestId!);

    const unreachable = clientFor(simulator, { baseUrl: "http://127.0.0.1:9", callLog: calls.log, retry: { maxAttempts: 1 } });
    await expect(unreachable.organizations.list({ limit: 1 })).rejects.toThrow();
    await unreachable.close();
    await calls.flush();
    const lost = await db.complianceApiCall.findFirst({ orderBy: { id: "desc" } });
    expect(lost).toMatchObject({ status: null, requestId: null });
  });

  test("the reconciliation reads the feed's calls into the database and stops where the feed is settled", async () => {
    simulator.setFaults([{ match: { path: "/v1/compliance/groups" }, times: 1, fault: { type: "unlogged" } }]);
    omitted = (await client.groups.list({ limit: 1 })).requestId!;
    const foreignCall = await rawGet(simulator, "/v1/compliance/organizations?limit=2", FULL_KEY);
    foreign = foreignCall.headers.get("request-id")!;
    expect((await rawGet(simulator, "/v1/compliance/activities?limit=2", READONLY_KEY)).status).toBe(200);
    await calls.flush();

    const run = await reconcileApiCalls({ db, client, holder: "test-worker", ...NO_LAG });
    expect(run).toMatchObject({ ran: true, more: false });
    expect(run.activitiesRead).toBeGreaterThanOrEqual(5);
    const stored = await db.complianceApiActivity.findMany({ where: { requestId: { in: [...shown, omitted, foreign] } } });
    expect(stored.map((row) => row.requestId).sort()).toEqual([...shown, foreign].sort());
    const foreignRow = stored.find((row) => row.requestId === foreign)!;
    expect(foreignRow).toMatchObject({ method: "GET", statusCode: 200, apiKeyId: expect.stringMatching(/^apikey_/) });
    // Not Docket's user agent: the call came from another program holding the same key.
    expect(foreignRow.userAgent).not.toBe("docket");

    const again = await reconcileApiCalls({ db, client, holder: "test-worker", ...NO_LAG });
    expect(again.ran).toBe(true);
    expect(await db.complianceApiActivity.count({ where: { requestId: { in: shown } } })).toBe(shown.length);
  });

  test("the report: Docket's calls the feed shows, the one it omits, the call made with Docket's key by someone else, and another key's", async () => {
    const report = await apiUsageReport(db, wholeDay(), NO_GRACE);
    expect(ApiUsageReport.parse(report)).toEqual(report);
    expect(report.docketKeyIds).toHaveLength(1);
    expect(report.missing.map((call) => call.requestId)).toEqual([omitted]);
    expect(report.totals.missingFromFeed).toBe(1);
    expect(report.foreign.map((call) => call.requestId)).toEqual([foreign]);
    expect(report.totals.foreignWithDocketKey).toBe(1);
    expect(report.otherKeys).toHaveLength(1);
    expect(report.otherKeys[0]!.apiKeyId).not.toBe(report.docketKeyIds[0]);
    expect(report.totals.unattributable).toBe(1);
    expect(report.totals.matched).toBeGreaterThanOrEqual(shown.length);
    expect(report.days.reduce((sum, day) => sum + day.foreignWithDocketKey, 0)).toBe(1);
    expect(await foreignCallsSince(db, wholeDay().from)).toBe(1);
  });

  test("the findings download as CSV: the omitted call, the foreign one, and the other key's, each once", async () => {
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(exportApiUsageFindings(db, wholeDay(), NO_GRACE)).arrayBuffer());
    const [header, ...rows] = text.trimEnd().split("\r\n");
    expect(header).toBe("\uFEFFfinding,at,process,method,path_or_url,status,request_id,api_key_id,ip_address,user_agent,activity_id");
    const byFinding = (finding: string) => rows.filter((row) => row.startsWith(`${finding},`));
    expect(byFinding("missing_from_feed").map((row) => row.split(",")[6])).toEqual([omitted]);
    expect(byFinding("foreign_with_docket_key").map((row) => row.split(",")[6])).toEqual([foreign]);
    expect(byFinding("other_key").length).toBeGreaterThanOrEqual(1);
    expect(new Set(rows).size).toBe(rows.length);
  });

  test("a call is not judged missing before the feed has been read past it", async () => {
    const fresh = (await client.organizations.list({ limit: 3 })).requestId;
    await calls.flush();
    const report = await apiUsageReport(db, wholeDay(), NO_GRACE);
    expect(report.missing.map((call) => call.requestId)).not.toContain(fresh);
    expect(report.totals.awaitingFeed).toBeGreaterThanOrEqual(1);
  });

  test("another key's programs are listed most recent first, so its newest use is never cut off", async () => {
    const agents = Array.from({ length: 7 }, (_, index) => `investigation-probe/${index}`);
    for (const agent of agents) {
      const response = await fetch(`${simulator.url}/v1/compliance/organizations?limit=1`, { headers: { "x-api-key": READONLY_KEY, "user-agent": agent } });
      expect(response.status).toBe(200);
    }
    await reconcileApiCalls({ db, client, holder: "test-worker", ...NO_LAG });
    const report = await apiUsageReport(db, wholeDay(), NO_GRACE);
    const otherKey = report.otherKeys.find((key) => key.userAgents.some((agent) => agent.startsWith("investigation-probe/")))!;
    expect(otherKey.userAgents).toEqual(agents.slice(-5).reverse());
  });

  test("one worker reads at a time: another's lease is respected, an expired one is taken over", async () => {
    await db.$executeRaw`UPDATE api_reconciliation SET lease_holder = 'other-worker', lease_until = now() + interval '1 minute' WHERE id = 1`;
    expect(await reconcileApiCalls({ db, client, holder: "test-worker", ...NO_LAG })).toMatchObject({ ran: false });
    await db.$executeRaw`UPDATE api_reconciliation SET lease_until = now() - interval '1 second' WHERE id = 1`;
    expect(await reconcileApiCalls({ db, client, holder: "test-worker", ...NO_LAG })).toMatchObject({ ran: true });
  });

  test("a failed run records its error and leaves its place in the feed unchanged", async () => {
    const [before] = await db.$queryRaw<Array<{ feed_read_through: Date }>>`SELECT feed_read_through FROM api_reconciliation WHERE id = 1`;
    simulator.setFaults([{ match: { path: "/v1/compliance/activities" }, fault: { type: "status", status: 500, shouldRetry: false } }]);
    await expect(reconcileApiCalls({ db, client, holder: "test-worker", ...NO_LAG })).rejects.toThrow();
    simulator.setFaults([]);
    const [after] = await db.$queryRaw<Array<{ feed_read_through: Date; last_error: string | null; lease_holder: string | null }>>`
      SELECT feed_read_through, last_error, lease_holder FROM api_reconciliation WHERE id = 1`;
    expect(after!.feed_read_through).toEqual(before!.feed_read_through);
    expect(after!.last_error).toEqual(expect.any(String));
    expect(after!.lease_holder).toBeNull();
  });
});
