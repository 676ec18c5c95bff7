import type { APIRequestContext } from "@playwright/test";
import type { z } from "zod";
import { API_BUDGET_HEADERS } from "@/lib/schemas/api-budget";
import { ChatPage, ChatThreadPage, CustodianPage, OrganizationList, ProjectChatPage, ProjectDetail, ProjectPage } from "@/lib/schemas/console";
import { expect, readAuditRows, test } from "./support/fixtures";
import { SMALL_SEED_1 } from "@/tests/support/simulator-ids";
import { database, seedSession, SESSION_COOKIE } from "./support/stack";

let reviewer: { token: string; subject: string };
test.beforeEach(async () => {
  reviewer = await seedSession("reviewer");
});

async function getAs(request: APIRequestContext, path: string) {
  return request.get(path, { headers: { cookie: `${SESSION_COOKIE}=${reviewer.token}` }, maxRedirects: 0 });
}

const ROUTES: Array<{ path: string; schema: z.ZodType; action: string; target: { type: string; id: string } | null; organizationId?: string }> = [
  { path: "/api/organizations", schema: OrganizationList, action: "organization.list", target: null },
  {
    path: `/api/organizations/${SMALL_SEED_1.organization}/users?limit=3`,
    schema: CustodianPage,
    action: "user.list",
    target: { type: "organization", id: SMALL_SEED_1.organization },
    organizationId: SMALL_SEED_1.organization,
  },
  { path: `/api/chats?userIds=${SMALL_SEED_1.user}&limit=5`, schema: ChatPage, action: "chat.list", target: null },
  {
    path: `/api/chats/${SMALL_SEED_1.chat}/messages?limit=20&untruncated=1`,
    schema: ChatThreadPage,
    action: "chat.view",
    target: { type: "chat", id: SMALL_SEED_1.chat },
  },
  { path: "/api/projects?limit=5", schema: ProjectPage, action: "project.list", target: null },
  { path: `/api/projects/${SMALL_SEED_1.project}`, schema: ProjectDetail, action: "project.view", target: { type: "project", id: SMALL_SEED_1.project } },
  {
    path: `/api/projects/${SMALL_SEED_1.project}/chats?limit=5`,
    schema: ProjectChatPage,
    action: "chat.list",
    target: { type: "project", id: SMALL_SEED_1.project },
  },
];

for (const route of ROUTES) {
  test(`GET ${route.path} answers a reviewer with its DTO and records ${route.action} first`, async ({ request }) => {
    const response = await getAs(request, route.path);
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toContain("no-store");
    const body: unknown = await response.json();
    expect(route.schema.safeParse(body).success).toBe(true);

    const rows = await readAuditRows({ subject: reviewer.subject });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: route.action, targetType: route.target?.type ?? null, targetId: route.target?.id ?? null });
    expect(rows[0]!.upstreamRequestId).toEqual(expect.any(String));
    if (route.organizationId) expect(rows[0]!.organizationId).toBe(route.organizationId);
  });
}

test("a chat view records the chat's organisation and only paging parameters", async ({ request }) => {
  const response = await getAs(request, `/api/chats/${SMALL_SEED_1.chat}/messages?limit=2&order=desc`);
  const thread = ChatThreadPage.parse(await response.json());
  const [row] = await readAuditRows({ subject: reviewer.subject });
  expect(row!.organizationId).toBe(thread.chat.organizationUuid);
  expect(row!.params).toEqual({ limit: 2, order: "desc" });
});

test("a soft-deleted chat is shown as deleted", async ({ request }) => {
  const thread = ChatThreadPage.parse(await (await getAs(request, `/api/chats/${SMALL_SEED_1.softDeletedChat}/messages`)).json());
  expect(thread.chat).toMatchObject({ id: SMALL_SEED_1.softDeletedChat, deleted: true, name: "" });
});

test("chats of more than ten users are listed in batches and continue to the end", async ({ request }) => {
  const organizations = OrganizationList.parse(await (await getAs(request, "/api/organizations")).json()).organizations;
  const userIds = new Set<string>();
  for (const organization of organizations) {
    const users = CustodianPage.parse(await (await getAs(request, `/api/organizations/${organization.uuid}/users?limit=1000`)).json()).users;
    for (const user of users) userIds.add(user.id);
  }
  expect(userIds.size).toBeGreaterThan(10);
  const seen: string[] = [];
  let after = "";
  let pages = 0;
  while (pages++ < 100) {
    const response = await getAs(request, `/api/chats?userIds=${[...userIds].join(",")}&limit=10${after ? `&after=${after}` : ""}`);
    expect(response.status()).toBe(200);
    const page = ChatPage.parse(await response.json());
    seen.push(...page.chats.map((chat) => chat.id));
    if (!page.hasMore) break;
    after = page.lastCursor!;
  }
  expect(new Set(seen).size).toBe(seen.length);
  expect(pages).toBeGreaterThan(2);
  expect(seen.length).toBeGreaterThan(20);
});

test("a filter combination the API refuses is explained with a 400, and nothing is recorded as read", async ({ request }) => {
  const response = await getAs(request, `/api/chats?projectIds=${SMALL_SEED_1.project}`);
  expect(response.status()).toBe(400);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("invalid_request");
  expect(body.error.message).toMatch(/project filter works only together with selected users/);
  expect(await readAuditRows({ subject: reviewer.subject })).toEqual([]);
});

test("a query key given twice is refused with a 400 naming it, and nothing is read or recorded", async ({ request }) => {
  const response = await getAs(request, `/api/chats?userIds=${SMALL_SEED_1.user}&limit=5&limit=1000`);
  expect(response.status()).toBe(400);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error).toMatchObject({ code: "invalid_request", message: "Invalid query parameter: limit is given more than once." });
  expect(await readAuditRows({ subject: reviewer.subject })).toEqual([]);
});

for (const hostile of [encodeURIComponent("../x"), "claude_chat_x%2F..", encodeURIComponent("claude_chat_x?user_ids[]=y"), SMALL_SEED_1.project]) {
  test(`a hostile chat id (${hostile}) is refused with 400 before any read, and no content read is recorded`, async ({ request }) => {
    const response = await getAs(request, `/api/chats/${hostile}/messages`);
    expect(response.status()).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("invalid_request");
    expect(await readAuditRows({ subject: reviewer.subject })).toEqual([]);
  });
}

test("every content answer passes on the Compliance API's remaining budget for the minute", async ({ request }) => {
  const response = await getAs(request, "/api/organizations");
  const remaining = Number(response.headers()[API_BUDGET_HEADERS.remaining]);
  const limit = Number(response.headers()[API_BUDGET_HEADERS.limit]);
  expect(Number.isInteger(remaining) && Number.isInteger(limit)).toBe(true);
  expect(limit).toBeGreaterThan(0);
  expect(remaining).toBeLessThan(limit);
  expect(new Date(response.headers()[API_BUDGET_HEADERS.resetsAt]!).getTime()).toBeGreaterThan(Date.now() - 60_000);
});

test("the remembered organisation is stored per reviewer and refused unless it is an organisation UUID", async ({ playwright, baseURL }) => {
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL!, cookie: `${SESSION_COOKIE}=${reviewer.token}` } });
  const stored = await context.put("/api/preferences/organization", { data: { orgUuid: SMALL_SEED_1.organization } });
  expect(stored.status()).toBe(204);
  const row = await database().query<{ selected_organization_uuid: string }>(
    "SELECT p.selected_organization_uuid FROM reviewer_preference p JOIN app_user u ON u.id = p.user_id WHERE u.subject = $1",
    [reviewer.subject],
  );
  expect(row.rows).toEqual([{ selected_organization_uuid: SMALL_SEED_1.organization }]);

  for (const data of [{ orgUuid: "../../etc" }, { orgUuid: SMALL_SEED_1.organization, extra: 1 }, "not json"]) {
    const refused = await context.put("/api/preferences/organization", { data, headers: { "content-type": "application/json" } });
    expect(refused.status()).toBe(400);
  }
  const page = await context.get("/projects", { maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(page.headers().location).toContain(`/projects?org=${SMALL_SEED_1.organization}`);
  await context.dispose();
});
