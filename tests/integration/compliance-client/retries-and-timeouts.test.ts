import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { ComplianceApiError, ComplianceNetworkError } from "@/lib/server/compliance/errors";
import { clientFor, startTestSimulator, type RunningSimulator } from "@/tests/support/simulator";

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startTestSimulator();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

const apiRequests = (method: string, pathStart: string) =>
  simulator.requestLog().filter((entry) => entry.method === method && entry.path.startsWith(pathStart));

async function someChatId(): Promise<string> {
  const client = clientFor(simulator);
  const page = await client.chats.list({ limit: 1 });
  await client.close();
  simulator.reset();
  return page.data.data[0]!.id;
}

describe("retries", () => {
  test("a 429 is waited out for its retry-after, then the read succeeds", async () => {
    simulator.setFaults([{ match: { method: "GET", path: "/v1/compliance/organizations" }, times: 1, fault: { type: "rate_limit", retryAfterSeconds: 1 } }]);
    const client = clientFor(simulator);
    const started = Date.now();
    const result = await client.organizations.list();
    expect(result.data.data.length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(apiRequests("GET", "/v1/compliance/organizations").map((entry) => entry.status)).toEqual([429, 200]);
    await client.close();
  });

  test("a retry-after longer than the cap is not waited for", async () => {
    simulator.setFaults([{ match: { path: "/v1/compliance/organizations" }, times: 1, fault: { type: "rate_limit", retryAfterSeconds: 3600 } }]);
    const client = clientFor(simulator);
    const error = await client.organizations.list().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 429, type: "rate_limit_error", retryAfterSeconds: 3600 });
    expect(apiRequests("GET", "/v1/compliance/organizations")).toHaveLength(1);
    await client.close();
  });

  test.each([500, 502, 503, 529] as const)("a GET answered %i is retried until it succeeds", async (status) => {
    simulator.setFaults([{ match: { method: "GET", path: "/v1/compliance/apps/projects" }, times: 2, fault: { type: "status", status } }]);
    const client = clientFor(simulator);
    const result = await client.projects.list({ limit: 2 });
    expect(result.data.data.length).toBeGreaterThan(0);
    expect(apiRequests("GET", "/v1/compliance/apps/projects").map((entry) => entry.status)).toEqual([status, status, 200]);
    await client.close();
  });

  test("a GET keeps failing after the last attempt with the upstream type and request id", async () => {
    simulator.setFaults([{ match: { path: "/v1/compliance/apps/projects" }, fault: { type: "status", status: 529 } }]);
    const client = clientFor(simulator);
    const error = await client.projects.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ComplianceApiError);
    expect(error).toMatchObject({ status: 529, type: "overloaded_error" });
    expect((error as ComplianceApiError).requestId).toMatch(/^req_/);
    expect(apiRequests("GET", "/v1/compliance/apps/projects")).toHaveLength(4);
    await client.close();
  });

  test("a 500 with x-should-retry: false is not retried", async () => {
    simulator.setFaults([{ match: { path: "/v1/compliance/apps/projects" }, times: 1, fault: { type: "status", status: 500, shouldRetry: false } }]);
    const client = clientFor(simulator);
    await expect(client.projects.list()).rejects.toMatchObject({ status: 500 });
    expect(apiRequests("GET", "/v1/compliance/apps/projects")).toHaveLength(1);
    await client.close();
  });

  test("a DELETE is never retried, even on a transient 503", async () => {
    const chatId = await someChatId();
    simulator.setFaults([{ match: { method: "DELETE" }, times: 1, fault: { type: "status", status: 503 } }]);
    const client = clientFor(simulator);
    await expect(client.chats.delete(chatId)).rejects.toMatchObject({ status: 503 });
    expect(apiRequests("DELETE", "/v1/compliance/apps/chats/")).toHaveLength(1);
    await client.close();
  });

  test("a DELETE answered 409 is reported once, not retried", async () => {
    const client = clientFor(simulator);
    const projects = await client.projects.list({ limit: 100 });
    let withChats: string | undefined;
    for (const project of projects.data.data) {
      if (((await client.projects.get(project.id)).data.chats_count ?? 0) > 0) {
        withChats = project.id;
        break;
      }
    }
    expect(withChats).toBeDefined();
    simulator.reset();
    const error = await client.projects.delete(withChats!).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 409, type: "conflict_error" });
    expect((error as Error).message).toBe(
      `The "${withChats}" project cannot be deleted as it has chats attached to it. Delete or detach all chats, and try deleting the project again.`,
    );
    expect(apiRequests("DELETE", "/v1/compliance/apps/projects/")).toHaveLength(1);
    await client.close();
  });

  test("a connection reset during a read is retried", async () => {
    simulator.setFaults([{ match: { path: "/v1/compliance/organizations" }, times: 1, fault: { type: "reset_body", afterBytes: 10 } }]);
    const client = clientFor(simulator);
    const result = await client.organizations.list();
    expect(result.data.data.length).toBeGreaterThan(0);
    expect(apiRequests("GET", "/v1/compliance/organizations").length).toBeGreaterThanOrEqual(2);
    await client.close();
  });
});

describe("timeouts", () => {
  test("a response whose headers come too late fails as a headers timeout", async () => {
    simulator.setFaults([{ match: { path: "/v1/compliance/organizations" }, fault: { type: "latency", ms: 2_000 } }]);
    const client = clientFor(simulator, { timeouts: { headersMs: 200 }, retry: { maxAttempts: 1 } });
    const error = await client.organizations.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ComplianceNetworkError);
    expect(error).toMatchObject({ phase: "headers" });
    await client.close();
  });

  test("a body that stalls fails as a body timeout", async () => {
    simulator.setFaults([{ match: { path: "/v1/compliance/apps/chats" }, fault: { type: "stall_body", afterBytes: 20 } }]);
    const client = clientFor(simulator, { timeouts: { bodyIdleMs: 300 }, retry: { maxAttempts: 1 } });
    const error = await client.chats.list({ limit: 5 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ComplianceNetworkError);
    expect(error).toMatchObject({ phase: "body" });
    await client.close();
  });

  test("a connection refused fails as a connect error", async () => {
    const client = clientFor(simulator, { baseUrl: "http://127.0.0.1:9", retry: { maxAttempts: 1 } });
    await expect(client.organizations.list()).rejects.toMatchObject({ phase: "connect" });
    await client.close();
  });
});
