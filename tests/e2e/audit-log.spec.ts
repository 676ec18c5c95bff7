import { expect, test } from "./support/fixtures";
import { database, SESSION_COOKIE } from "./support/stack";

test("an auditor reads, filters, verifies and exports the log, and each act is recorded", async ({ page, signedInAs, auditRows }) => {
  const { subject } = await signedInAs("auditor");
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

  const recorded = await auditRows({ subject });
  expect(recorded.map((row) => row.action)).toEqual(expect.arrayContaining(["audit.view", "audit.verify", "audit.export"]));
});

test("an admin reads the log but is offered neither verification nor export", async ({ page, signedInAs }) => {
  await signedInAs("admin");
  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Verify now" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveCount(0);
});

test("a reviewer is sent to the no-access page and the refusal is recorded", async ({ page, request, signedInAs, auditRows }) => {
  const { token, subject } = await signedInAs("reviewer");
  await page.goto("/audit");
  await expect(page).toHaveURL(/\/no-access\?reason=forbidden$/);
  const response = await request.get("/api/audit/events", { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
  expect(response.status()).toBe(403);
  expect(await auditRows({ subject, action: "access.denied" })).toHaveLength(1);
});

test("if the audit row cannot be written, the log is not shown (fail closed)", async ({ request, serverErrors, signedInAs }) => {
  serverErrors.expect({ status: 503, url: /^\/api\/audit\/events$/ });
  const { token } = await signedInAs("auditor");
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
