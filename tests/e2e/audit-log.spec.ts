import type { BrowserContext } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { database, seedSession, SESSION_COOKIE, type Persona } from "./support/stack";

async function signedInAs(persona: Persona, context: BrowserContext, baseURL: string) {
  const session = await seedSession(persona);
  await context.addCookies([{ name: SESSION_COOKIE, value: session.token, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
  return session;
}

test("an auditor reads, filters, verifies and exports the log, and each act is recorded", async ({ page, context, baseURL }) => {
  const { subject } = await signedInAs("auditor", context, baseURL!);
  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "audit.view" }).first()).toBeVisible();

  await page.getByLabel("Action").fill("audit.view");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=audit.view/);
  // The table loads after navigation: wait for the filtered rows before reading them.
  await expect(page.getByRole("cell", { name: "audit.view" }).first()).toBeVisible();
  const actions = await page.locator("tbody tr td:nth-child(4)").allTextContents();
  expect(actions.length).toBeGreaterThan(0);
  expect(new Set(actions)).toEqual(new Set(["audit.view"]));

  await page.getByRole("button", { name: "Verify now" }).click();
  await expect(page.getByRole("status")).toContainText("Chain intact");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export JSON Lines" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^docket-audit-.*\.jsonl$/);

  const recorded = await database().query<{ action: string }>("SELECT action FROM audit_event WHERE actor_subject = $1 ORDER BY seq", [subject]);
  expect(recorded.rows.map((row) => row.action)).toEqual(expect.arrayContaining(["audit.view", "audit.verify", "audit.export"]));
});

test("an admin reads the log but is offered neither verification nor export", async ({ page, context, baseURL }) => {
  await signedInAs("admin", context, baseURL!);
  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Verify now" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveCount(0);
});

test("a reviewer is sent to the no-access page and the refusal is recorded", async ({ page, context, baseURL, request }) => {
  const { token, subject } = await signedInAs("reviewer", context, baseURL!);
  await page.goto("/audit");
  await expect(page).toHaveURL(/\/no-access\?reason=forbidden$/);
  const response = await request.get("/api/audit/events", { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
  expect(response.status()).toBe(403);
  const denied = await database().query("SELECT 1 FROM audit_event WHERE actor_subject = $1 AND action = 'access.denied'", [subject]);
  expect(denied.rowCount).toBe(1);
});

test("if the audit row cannot be written, the log is not shown (fail closed)", async ({ context, baseURL, request, serverErrors }) => {
  serverErrors.expect({ status: 503, url: /^\/api\/audit\/events$/ });
  const { token } = await signedInAs("auditor", context, baseURL!);
  // A constraint that refuses only audit.view rows stands in for a failing audit write.
  await database().query("ALTER TABLE audit_event ADD CONSTRAINT e2e_refuse_audit_view CHECK (action <> 'audit.view') NOT VALID");
  try {
    const response = await request.get("/api/audit/events", { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
    expect(response.status()).toBe(503);
    const body = (await response.json()) as { error: { code: string }; items?: unknown };
    expect(body.error.code).toBe("audit_unavailable");
    expect(body.items).toBeUndefined();
  } finally {
    await database().query("ALTER TABLE audit_event DROP CONSTRAINT e2e_refuse_audit_view");
  }
});
