import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/lib/simulator/server";
import { ABSENT } from "@/tests/support/simulator-ids";
import { ADMIN, call, expectError, qs, READONLY, start } from "./helpers";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await start();
});
afterAll(() => sim.close());

const REQUEST_ID = /^req_[1-9A-HJ-NP-Za-km-z]{24}$/;

describe("authentication and scopes", () => {
  it.each([
    ["missing", null],
    ["empty", ""],
    ["unknown", "sk-ant-api01-not-a-real-key"],
    ["a Claude API key", "sk-ant-api03-simulator-full"],
  ])("answers 401 with the documented message for a %s key", async (_label, key) => {
    const res = await call(sim, "/v1/compliance/activities", { key });
    expect(expectError(res, 401, "authentication_error")).toBe("The API key provided is invalid or has been revoked.");
    expect(res.headers.get("anthropic-ratelimit-requests-limit")).toBeNull();
  });

  it("accepts Authorization: Bearer as well as x-api-key", async () => {
    const res = await call(sim, "/v1/compliance/organizations", { key: null, headers: { authorization: "Bearer sk-ant-api01-simulator-full" } });
    expect(res.status).toBe(200);
  });

  it("ignores anthropic-version", async () => {
    const res = await call(sim, "/v1/compliance/organizations", { headers: { "anthropic-version": "2023-06-01" } });
    expect(res.status).toBe(200);
  });

  it("rejects the admin key on content endpoints with the Python-list 403 message", async () => {
    const res = await call(sim, "/v1/compliance/apps/chats", { key: ADMIN });
    expect(expectError(res, 403, "permission_error")).toBe(
      "Missing required scopes. Got: ['read:compliance_activities'] Needed: ['read:compliance_user_data']",
    );
    const org = await call(sim, "/v1/compliance/organizations", { key: ADMIN });
    expect(expectError(org, 403, "permission_error")).toBe("Missing required scopes. Got: ['read:compliance_activities'] Needed: ['read:compliance_org_data']");
    expect((await call(sim, "/v1/compliance/activities?limit=1", { key: ADMIN })).status).toBe(200);
  });

  it("rejects deletes from the read-only key, listing every scope it has", async () => {
    const res = await call(sim, `/v1/compliance/apps/chats/${sim.fixtures.toolsChat}`, { method: "DELETE", key: READONLY });
    expect(expectError(res, 403, "permission_error")).toBe(
      "Missing required scopes. Got: ['read:compliance_activities', 'read:compliance_org_data', 'read:compliance_user_data'] Needed: ['delete:compliance_user_data']",
    );
  });
});

describe("validation (400 invalid_request_error)", () => {
  it("names the parameter and echoes the value of a bad timestamp", async () => {
    const res = await call(sim, `/v1/compliance/apps/chats${qs({ "created_at.gte": "2024-01-01" })}`);
    expect(expectError(res, 400, "invalid_request_error")).toBe(
      'The `created_at.gte` parameter contains an invalid timestamp format. Timestamps must be provided in RFC 3339 format e.g., "2024-03-01T00:00:00Z". Got "2024-01-01".',
    );
    const upd = await call(sim, `/v1/compliance/apps/chats${qs({ order_by: "updated_at", "updated_at.lt": "2026-13-01T00:00:00Z" })}`);
    expect(expectError(upd, 400, "invalid_request_error")).toContain(
      '`updated_at.lt` parameter contains an invalid timestamp format. Timestamps must be provided in RFC 3339 format e.g., "2024-03-01T00:00:00Z". Got "2026-13-01T00:00:00Z".',
    );
  });

  it.each([
    ["/v1/compliance/apps/chats", 1000, "1500"],
    ["/v1/compliance/activities", 5000, "5001"],
    ["/v1/compliance/apps/projects", 100, "0"],
    ["/v1/compliance/organizations", 1000, "abc"],
    ["/v1/compliance/apps/sessions/local", 500, "-3"],
  ])("rejects a limit outside %s's range with its own max", async (path, max, value) => {
    const res = await call(sim, `${path}?limit=${value}`);
    expect(expectError(res, 400, "invalid_request_error")).toBe(`The limit parameter must be between 1 and ${max}, inclusive. Got ${value}.`);
  });

  it("enforces the chat list rules", async () => {
    const user = sim.fixtures.userWithManyChats.id;
    const cases: Array<Record<string, string | string[]>> = [
      { "user_ids[]": Array.from({ length: 11 }, () => user) },
      { "user_ids[]": [user], order_by: "updated_at" },
      { "project_ids[]": [sim.fixtures.projectWithChats] },
      { order_by: "updated_at", "created_at.gte": "2026-01-01T00:00:00Z" },
      { "updated_at.gte": "2026-01-01T00:00:00Z" },
      { before_id: "eyJrIjogImNyZWF0ZWRfYXQifQ==" },
      { order_by: "modified_at" },
      { "user_ids[]": [user], after_id: "x", before_id: "y" },
      { after_id: "not-a-cursor" },
    ];
    for (const params of cases) {
      const res = await call(sim, `/v1/compliance/apps/chats${qs(params)}`);
      expect(res.status, JSON.stringify(params)).toBe(400);
      expect(res.body.error.type).toBe("invalid_request_error");
    }
    const project = await call(sim, `/v1/compliance/apps/chats${qs({ "user_ids[]": [user], "project_ids[]": [sim.fixtures.projectWithChats] })}`);
    expect(project.status).toBe(200);
  });

  it("enforces the activity filters", async () => {
    const both = await call(
      sim,
      `/v1/compliance/activities${qs({ "activity_types[]": "claude_chat_created", "exclude_activity_types[]": "sso_login_succeeded" })}`,
    );
    expectError(both, 400, "invalid_request_error");
    const unknown = await call(sim, `/v1/compliance/activities${qs({ "activity_types[]": "made_up_event" })}`);
    expect(expectError(unknown, 400, "invalid_request_error")).toContain("made_up_event");
    const order = await call(sim, "/v1/compliance/activities?order=newest");
    expectError(order, 400, "invalid_request_error");
    const raw = await call(sim, `/v1/compliance/activities?after_id=${ABSENT.activity}`);
    expect(expectError(raw, 400, "invalid_request_error")).toBe(`Invalid \`after_id\`. No activity found for \`after_id\` "${ABSENT.activity}"`);
  });

  it.each(["0", "-2", "1.5", "ten"])("rejects tool_result_max_chars=%s and tool_use_input_max_chars=%s", async (v) => {
    for (const p of ["tool_result_max_chars", "tool_use_input_max_chars"]) {
      const res = await call(sim, `/v1/compliance/apps/chats/${sim.fixtures.toolsChat}/messages?${p}=${v}`);
      expect(expectError(res, 400, "invalid_request_error")).toContain(p);
    }
  });

  it("applies the session-specific rules", async () => {
    const lt = await call(
      sim,
      `/v1/compliance/apps/sessions/local${qs({ "created_at.gte": "2026-07-01T00:00:00Z", "created_at.lt": "2026-07-01T00:00:00Z" })}`,
    );
    expect(expectError(lt, 400, "invalid_request_error")).toBe("created_at.lt must be strictly after created_at.gte.");
    const zero = await call(sim, `/v1/compliance/apps/sessions/local/${sim.fixtures.localSession}/messages?tool_result_max_bytes=0`);
    expectError(zero, 400, "invalid_request_error");
    const remoteZero = await call(sim, `/v1/compliance/apps/sessions/remote/${sim.fixtures.remoteSessionActive}/messages?tool_use_input_max_bytes=0`);
    expectError(remoteZero, 400, "invalid_request_error");
    expectError(await call(sim, "/v1/compliance/apps/sessions/local/not-a-session"), 400, "invalid_request_error");
    expectError(await call(sim, "/v1/compliance/apps/sessions/remote/clls_wrongprefix/messages"), 400, "invalid_request_error");
  });

  it("rejects page tokens that are malformed or issued by another endpoint", async () => {
    const users = await call(sim, `/v1/compliance/organizations/${sim.fixtures.organizations[0]!.uuid}/users?limit=1`);
    expect(users.body.next_page).toMatch(/^page_/);
    const elsewhere = await call(sim, `/v1/compliance/apps/projects?page=${users.body.next_page}`);
    expect(expectError(elsewhere, 400, "invalid_request_error")).toBe("The page parameter is not a valid cursor for this request.");
    expectError(await call(sim, "/v1/compliance/groups?page=garbage"), 400, "invalid_request_error");
    const local = await call(sim, `/v1/compliance/apps/sessions/local/${sim.fixtures.localSession}/messages?limit=2`);
    const otherOrder = await call(
      sim,
      `/v1/compliance/apps/sessions/local/${sim.fixtures.localSession}/messages?limit=2&order=desc&page=${local.body.next_page}`,
    );
    expect(expectError(otherOrder, 400, "invalid_request_error")).toBe("The page parameter is not a valid cursor for this request.");
  });
});

describe("404 not_found_error", () => {
  it("uses the documented message for each resource", async () => {
    const f = sim.fixtures;
    const cases: Array<[string, string]> = [
      [`/v1/compliance/apps/chats/${ABSENT.chat}/messages`, `Chat ${ABSENT.chat} not found.`],
      [`/v1/compliance/apps/chats/files/${ABSENT.file}`, "No file found with provided id, or it has already been deleted."],
      ["/v1/compliance/apps/chats/files/not-an-id/content", "No file found with provided id, or it has already been deleted."],
      [`/v1/compliance/apps/projects/${ABSENT.project}`, "No project is found with the provided id."],
      [`/v1/compliance/apps/projects/documents/${ABSENT.projectDocument}`, "No project document found with provided id, or it has already been deleted."],
      [
        `/v1/compliance/organizations/${ABSENT.organization}/users`,
        `The "${ABSENT.organization}" organization does not exist or the requester is not authorized to access it.`,
      ],
      [`/v1/compliance/organizations/${f.organizations[0]!.uuid}/roles/${ABSENT.role}`, "Role not found."],
      [`/v1/compliance/groups/${ABSENT.group}`, "Group not found."],
      [
        `/v1/compliance/organizations/${f.parentOrganization.uuid}/settings`,
        `organization \`${f.parentOrganization.uuid}\` not found in this organization's hierarchy`,
      ],
      ["/v1/compliance/organizations/not-a-uuid/settings", "organization `not-a-uuid` not found in this organization's hierarchy"],
      [`/v1/compliance/apps/sessions/local/${ABSENT.localSession}`, "Local session not found."],
      [`/v1/compliance/apps/sessions/remote/${f.remoteSessionPending}/messages`, "Remote session not found."],
      [`/v1/compliance/apps/sessions/remote/${ABSENT.remoteSession}/messages`, "Remote session not found."],
    ];
    for (const [path, message] of cases) {
      expect(expectError(await call(sim, path), 404, "not_found_error"), path).toBe(message);
    }
  });

  it("answers an unknown path with a generic 404 and a wrong method with 405", async () => {
    const unknown = await call(sim, "/v1/compliance/nothing-here");
    expectError(unknown, 404, "not_found_error");
    expect(unknown.headers.get("anthropic-ratelimit-requests-limit")).not.toBeNull();
    const outside = await call(sim, "/v2/whatever", { key: null });
    expectError(outside, 404, "not_found_error");
    const wrong = await call(sim, `/v1/compliance/apps/chats/${sim.fixtures.toolsChat}`);
    expectError(wrong, 405, "invalid_request_error");
    expect(wrong.headers.get("allow")).toBe("DELETE");
  });
});

describe("request ids", () => {
  it("sets a request-id header on every kind of response", async () => {
    const f = sim.fixtures;
    const responses = await Promise.all([
      call(sim, "/v1/compliance/organizations"),
      call(sim, "/v1/compliance/organizations", { key: null }),
      call(sim, "/nope", { key: null }),
      call(sim, `/v1/compliance/apps/chats/files/${f.uploadedFiles.pdf}/content`),
      call(sim, "/v1/compliance/apps/chats?limit=0"),
    ]);
    const ids = responses.map((r) => r.headers.get("request-id"));
    for (const id of ids) expect(id).toMatch(REQUEST_ID);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
