import type { ErrorEnvelope } from "@/lib/schemas/api-error";
import { expect, test } from "./support/fixtures";
import { arriveHome } from "./support/journey";
import { SMALL_SEED_1, UNKNOWN_CHAT } from "@/tests/support/simulator-ids";
import { simulatorControl } from "./support/stack";

// Each journey starts where a person starts (sign-in, then the home page) and goes on in the same
// server. The home page reads the Compliance API from the pages' module graph; the route handlers
// must still recognise every upstream answer afterwards.

const MISSING_CHAT = UNKNOWN_CHAT;
const CHAT = SMALL_SEED_1.chat;
const messagesOf = (chatId: string) => `/v1/compliance/apps/chats/${chatId}/messages`;

test.beforeEach(async ({ page }) => {
  await arriveHome(page, "reviewer@docket.test");
});

test.afterEach(() => simulatorControl("/_simulator/faults", "DELETE"));

test("a missing chat is the API's 404 with its message, on its page and from its route", async ({ page }) => {
  const response = await page.request.get(`/api/chats/${MISSING_CHAT}/messages`);
  expect(response.status()).toBe(404);
  const { error } = (await response.json()) as ErrorEnvelope;
  expect(error.code).toBe("not_found");
  expect(error.message).toContain(`Chat ${MISSING_CHAT} not found.`);
  expect(error.upstreamRequestId).toMatch(/^req_/);

  await page.goto(`/chats/${MISSING_CHAT}`);
  await expect(page.getByRole("alert").filter({ hasText: `Chat ${MISSING_CHAT} not found.` })).toBeVisible();
});

test("a used-up budget is a 429 with its retry time, on the route and on the page", async ({ page }) => {
  await simulatorControl("/_simulator/faults", "PUT", { rules: [{ match: { path: messagesOf(CHAT) }, fault: { type: "rate_limit", retryAfterSeconds: 45 } }] });
  const response = await page.request.get(`/api/chats/${CHAT}/messages`);
  expect(response.status()).toBe(429);
  expect(response.headers()["retry-after"]).toBe("45");
  expect(((await response.json()) as ErrorEnvelope).error.code).toBe("upstream_rate_limited");

  await page.goto(`/chats/${CHAT}`);
  await expect(page.getByRole("alert").filter({ hasText: "budget for this minute is used up" })).toBeVisible();
  await expect(page.getByRole("status", { name: "Compliance API budget" })).toContainText("Compliance API budget used up until");
});

test("a key without the scope a read needs is explained as the administrator's to fix", async ({ page, serverErrors }) => {
  serverErrors.expect({ status: 502, url: new RegExp(`^/api/chats/${CHAT}/messages`) });
  await simulatorControl("/_simulator/faults", "PUT", { rules: [{ match: { method: "GET", path: messagesOf(CHAT) }, fault: { type: "scope_denied" } }] });
  const response = await page.request.get(`/api/chats/${CHAT}/messages`);
  expect(response.status()).toBe(502);
  const { error } = (await response.json()) as ErrorEnvelope;
  expect(error.code).toBe("upstream_scope_missing");
  expect(error.message).toContain("Docket's access key lacks a scope this needs.");
  expect(error.message).toContain("Needed: ['read:compliance_user_data']");

  await page.goto(`/chats/${CHAT}`);
  await expect(page.getByRole("alert").filter({ hasText: "Docket's access key lacks a scope this needs." })).toBeVisible();
});

test("deleting is available: the capability route says so and the chat offers its delete button", async ({ page }) => {
  const response = await page.request.get("/api/deletions/capability");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ canDelete: true, reason: "available" });

  await page.goto(`/chats/${CHAT}`);
  await expect(page.getByRole("button", { name: "Delete chat…" })).toBeVisible();
  await expect(page.getByTestId("delete-unavailable")).toHaveCount(0);
});
