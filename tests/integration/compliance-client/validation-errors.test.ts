import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ComplianceApiError } from "@/lib/server/compliance/errors";
import { clientFor, rawGet, startTestSimulator, type RunningSimulator } from "@/tests/support/simulator";
import { absentUser } from "@/tests/support/simulator-ids";

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startTestSimulator();
});
afterAll(() => simulator.close());

// Ids of the dataset, so that only the rule under test can make a request invalid.
const user = () => simulator.fixtures.userWithManyChats.id;
const project = () => simulator.fixtures.projectWithChats;

async function expectInvalid(pathAndQuery: string, message?: string | RegExp) {
  const response = await rawGet(simulator, pathAndQuery);
  expect(response.status, pathAndQuery).toBe(400);
  expect(response.body?.error?.type).toBe("invalid_request_error");
  expect(response.headers.get("request-id")).toMatch(/^req_\w+$/);
  if (message !== undefined) {
    if (typeof message === "string") expect(response.body?.error?.message).toBe(message);
    else expect(response.body?.error?.message).toMatch(message);
  }
  return response.body?.error?.message ?? "";
}

describe("documented 400 rules (answered by the simulator as the reference documents them)", () => {
  test("a bad RFC 3339 timestamp names the parameter and echoes the value", async () => {
    await expectInvalid(
      "/v1/compliance/activities?created_at.gte=2024-01-01",
      'The `created_at.gte` parameter contains an invalid timestamp format. Timestamps must be provided in RFC 3339 format e.g., "2024-03-01T00:00:00Z". Got "2024-01-01".',
    );
    await expectInvalid(
      "/v1/compliance/apps/chats?order_by=updated_at&updated_at.lt=tomorrow",
      'The `updated_at.lt` parameter contains an invalid timestamp format. Timestamps must be provided in RFC 3339 format e.g., "2024-03-01T00:00:00Z". Got "tomorrow".',
    );
  });

  test.each([
    ["/v1/compliance/activities?limit=5001", "The limit parameter must be between 1 and 5000, inclusive. Got 5001."],
    ["/v1/compliance/apps/chats?limit=1500", "The limit parameter must be between 1 and 1000, inclusive. Got 1500."],
    ["/v1/compliance/apps/projects?limit=0", "The limit parameter must be between 1 and 100, inclusive. Got 0."],
    ["/v1/compliance/organizations?limit=1001", "The limit parameter must be between 1 and 1000, inclusive. Got 1001."],
    ["/v1/compliance/apps/sessions/local?limit=501", "The limit parameter must be between 1 and 500, inclusive. Got 501."],
  ])("limit out of range names the endpoint's maximum: %s", async (path, message) => {
    await expectInvalid(path, message);
  });

  test("both cursors at once", async () => {
    await expectInvalid(`/v1/compliance/apps/chats?user_ids[]=${user()}&after_id=abc&before_id=def`);
    await expectInvalid("/v1/compliance/activities?after_id=abc&before_id=def");
  });

  test("order_by=updated_at with user_ids[]", async () => {
    await expectInvalid(`/v1/compliance/apps/chats?order_by=updated_at&user_ids[]=${user()}`, /order_by/);
  });

  test("an org-wide time filter that does not match the sort key", async () => {
    await expectInvalid("/v1/compliance/apps/chats?updated_at.gte=2026-01-01T00:00:00Z", /updated_at/);
    await expectInvalid("/v1/compliance/apps/chats?order_by=updated_at&created_at.gte=2026-01-01T00:00:00Z", /created_at/);
  });

  test("before_id on an org-wide query", async () => {
    const first = await rawGet(simulator, "/v1/compliance/apps/chats?limit=2");
    const firstId = (first.body as unknown as { first_id: string }).first_id;
    await expectInvalid(`/v1/compliance/apps/chats?before_id=${encodeURIComponent(firstId)}`, /before_id/);
  });

  test("project_ids[] without user_ids[]", async () => {
    await expectInvalid(`/v1/compliance/apps/chats?project_ids[]=${project()}`, /project_ids/);
  });

  test("more than 10 user_ids[]", async () => {
    const query = Array.from({ length: 11 }, (_, i) => `user_ids[]=${absentUser(i)}`).join("&");
    await expectInvalid(`/v1/compliance/apps/chats?${query}`, /user_ids/);
  });

  test("a cursor issued under the other order_by", async () => {
    const page = await rawGet(simulator, "/v1/compliance/apps/chats?limit=2");
    const lastId = (page.body as unknown as { last_id: string }).last_id;
    await expectInvalid(`/v1/compliance/apps/chats?order_by=updated_at&after_id=${encodeURIComponent(lastId)}`);
  });

  test.each([
    "/v1/compliance/apps/chats?after_id=not-a-cursor",
    "/v1/compliance/activities?after_id=%7B%7D",
    "/v1/compliance/organizations?page=garbage",
    "/v1/compliance/apps/projects?page=page_bm90IGpzb24",
    "/v1/compliance/apps/sessions/local?page=page_xyz",
  ])("a malformed cursor or page token: %s", async (path) => {
    await expectInvalid(path);
  });

  test("a page token issued by another endpoint", async () => {
    const projects = await rawGet(simulator, "/v1/compliance/apps/projects?limit=1");
    const token = (projects.body as unknown as { next_page: string | null }).next_page;
    expect(token).not.toBeNull();
    await expectInvalid(`/v1/compliance/organizations?page=${encodeURIComponent(token!)}`);
  });

  test("activity_types[] with exclude_activity_types[]", async () => {
    await expectInvalid("/v1/compliance/activities?activity_types[]=claude_chat_created&exclude_activity_types[]=claude_chat_viewed");
  });

  test("local sessions: created_at.lt not after created_at.gte", async () => {
    await expectInvalid(
      "/v1/compliance/apps/sessions/local?created_at.gte=2026-07-01T00:00:00Z&created_at.lt=2026-07-01T00:00:00Z",
      "created_at.lt must be strictly after created_at.gte.",
    );
  });

  test("the client surfaces an API-side 400 as a typed error with the message and request id", async () => {
    const client = clientFor(simulator);
    const error = await client.chats.list({ userIds: [user()], orderBy: "updated_at" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ComplianceApiError);
    expect(error).toMatchObject({ status: 400, type: "invalid_request_error" });
    expect((error as ComplianceApiError).requestId).toMatch(/^req_/);
    expect((error as ComplianceApiError).message).toMatch(/order_by/);
    await client.close();
  });
});
