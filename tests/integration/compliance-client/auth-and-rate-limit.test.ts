import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ComplianceApiError } from "@/lib/server/compliance/errors";
import { ADMIN_KEY, clientFor, FULL_KEY, rawGet, READONLY_KEY, startTestSimulator, type RunningSimulator } from "@/tests/support/simulator";
import { ABSENT } from "@/tests/support/simulator-ids";

const RATE_HEADERS = ["anthropic-ratelimit-requests-limit", "anthropic-ratelimit-requests-remaining", "anthropic-ratelimit-requests-reset"];

describe("authentication and scopes", () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startTestSimulator();
  });
  afterAll(() => simulator.close());

  test.each([
    ["no key", null],
    ["an empty key", ""],
    ["an unknown key", "sk-ant-api01-not-a-real-key"],
    ["a Claude API key", "sk-ant-api03-simulator-full"],
  ])("%s gets 401 authentication_error with a request-id and no rate-limit headers", async (_label, key) => {
    const response = await rawGet(simulator, "/v1/compliance/organizations", key);
    expect(response.status).toBe(401);
    expect(response.body?.error).toEqual({ type: "authentication_error", message: "The API key provided is invalid or has been revoked." });
    expect(response.headers.get("request-id")).toMatch(/^req_/);
    for (const header of RATE_HEADERS) expect(response.headers.get(header)).toBeNull();
  });

  test("the admin key reads activities but gets 403 with the documented message on content and org data", async () => {
    expect((await rawGet(simulator, "/v1/compliance/activities?limit=1", ADMIN_KEY)).status).toBe(200);
    const chats = await rawGet(simulator, "/v1/compliance/apps/chats?limit=1", ADMIN_KEY);
    expect(chats.status).toBe(403);
    expect(chats.body?.error).toEqual({
      type: "permission_error",
      message: "Missing required scopes. Got: ['read:compliance_activities'] Needed: ['read:compliance_user_data']",
    });
    const orgs = await rawGet(simulator, "/v1/compliance/organizations", ADMIN_KEY);
    expect(orgs.body?.error?.message).toBe("Missing required scopes. Got: ['read:compliance_activities'] Needed: ['read:compliance_org_data']");
    for (const header of RATE_HEADERS) expect(orgs.headers.get(header)).not.toBeNull();
  });

  test("the read-only key cannot delete, and the client reports it as a permission error", async () => {
    const client = clientFor(simulator, { apiKey: READONLY_KEY });
    const page = await client.chats.list({ limit: 1 });
    const chatId = page.data.data[0]!.id;
    const error = await client.chats.delete(chatId).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ComplianceApiError);
    expect(error).toMatchObject({ status: 403, type: "permission_error" });
    expect((error as Error).message).toContain("Needed: ['delete:compliance_user_data']");
    expect((await clientFor(simulator).chats.getMessages(chatId, { limit: 1 })).data.id).toBe(chatId);
    await client.close();
  });

  test("every authenticated response carries the three rate-limit headers", async () => {
    for (const path of ["/v1/compliance/organizations", `/v1/compliance/apps/chats/${ABSENT.chat}/messages`, "/v1/compliance/apps/chats?limit=0"]) {
      const response = await rawGet(simulator, path, FULL_KEY);
      for (const header of RATE_HEADERS) expect(response.headers.get(header), `${header} on ${path}`).not.toBeNull();
      expect(Date.parse(response.headers.get("anthropic-ratelimit-requests-reset")!)).not.toBeNaN();
    }
  });
});

describe("the shared rate limit", () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startTestSimulator({ rateLimitPerMinute: 5 });
  });
  afterAll(() => simulator.close());

  test("is shared by every key, answers 429 with retry-after, and is not consumed by failed authentication", async () => {
    for (let i = 0; i < 10; i++) expect((await rawGet(simulator, "/v1/compliance/organizations", "sk-ant-api01-wrong")).status).toBe(401);
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof rawGet>> | undefined;
    for (const key of [FULL_KEY, READONLY_KEY, ADMIN_KEY, FULL_KEY, READONLY_KEY, FULL_KEY]) {
      last = await rawGet(simulator, "/v1/compliance/activities?limit=1", key);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(last?.body?.error?.type).toBe("rate_limit_error");
    expect(last?.body?.error?.message).toContain("rate limit of 5 requests per minute");
    expect(Number(last?.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(last?.headers.get("anthropic-ratelimit-requests-remaining")).toBe("0");
  });

  test("the client exposes the budget of the last response", async () => {
    simulator.reset();
    const client = clientFor(simulator);
    await client.organizations.list();
    expect(client.rateLimit).toMatchObject({ limit: 5, remaining: 4 });
    expect(Date.parse(client.rateLimit!.resetsAt!)).toBeGreaterThan(Date.now() - 1000);
    await client.close();
  });
});
