// What the home page says of Docket's key, asked of the simulator with each of its keys.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkComplianceApi } from "@/lib/server/system-status";
import { ADMIN_KEY, clientFor, FULL_KEY, READONLY_KEY, startTestSimulator, type RunningSimulator } from "@/tests/support/simulator";

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startTestSimulator();
});
afterAll(() => simulator.close());

describe("what Docket's key reads", () => {
  test.each([FULL_KEY, READONLY_KEY])("a Compliance Access Key with the read scopes reaches everything (%s)", async (apiKey) => {
    const state = await checkComplianceApi(clientFor(simulator, { apiKey }));
    expect(state).toMatchObject({ state: "ok" });
    expect(state.reach).toBeUndefined();
  });

  test("an Admin API key reads only the feed: the console says so, and why the rest is absent", async () => {
    const state = await checkComplianceApi(clientFor(simulator, { apiKey: ADMIN_KEY }));
    expect(state).toMatchObject({ state: "degraded", reach: "activities_only" });
    expect(state.detail).toContain("reads only the Activity Feed");
    expect(state.detail).toContain("read:compliance_user_data");
  });

  test("a key the API refuses is down, not 'activities only'", async () => {
    const state = await checkComplianceApi(clientFor(simulator, { apiKey: "sk-ant-api01-revoked-long-ago" }));
    expect(state).toMatchObject({ state: "down" });
    expect(state.reach).toBeUndefined();
  });
});
