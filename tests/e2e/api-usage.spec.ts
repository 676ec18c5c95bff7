import { expect, test } from "./support/fixtures";
import { arriveHome } from "./support/journey";
import { database, stackInfo } from "./support/stack";

// Docket's own use of the Compliance API, reconciled with the feed, as an auditor reaches it: from the
// home page. The e2e stack's worker reads the feed with no lag (the simulator's feed is immediate).

/** The key the e2e stack gives the web app (lib/devtools/stack.ts): a call made with it outside Docket is a leak. */
const DOCKETS_KEY = "sk-ant-api01-simulator-readonly";

test("an auditor asks for the feed to be read, and sees Docket's calls matched with it; both are audited", async ({ page, auditHead, auditRows }) => {
  const head = await auditHead();
  await arriveHome(page, "auditor@docket.test");
  await page.getByRole("link", { name: "Docket's API use" }).click();
  await expect(page).toHaveURL(/\/api-usage$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Docket's API use");
  await page.getByRole("button", { name: "Read the feed now" }).click();
  await expect(page.getByText("A worker will read the feed within seconds")).toBeVisible();

  await expect
    .poll(async () => {
      await page.reload();
      await expect(page.getByRole("region", { name: "Reconciliation" })).toBeVisible();
      return page.getByText(/^The feed has been read through /).count();
    })
    .toBe(1);
  const calls = Number(await page.locator("dt", { hasText: "Calls Docket made" }).locator("xpath=following-sibling::dd[1]").innerText());
  const shown = Number(await page.locator("dt", { hasText: "Shown in the feed" }).locator("xpath=following-sibling::dd[1]").innerText());
  expect(calls).toBeGreaterThan(0);
  expect(shown).toBeGreaterThan(0);
  await expect(page.getByRole("region", { name: "Counts per day (UTC)" }).locator("tbody tr").first()).toBeVisible();

  const actions = (await auditRows({ afterSeq: head, email: "auditor@docket.test" })).map((row) => row.action);
  expect(actions).toEqual(expect.arrayContaining(["api_usage.view", "api_usage.reconcile"]));
});

test("a call made with Docket's key by another program is listed as a possible leak, on the report and on the home page", async ({ page, signedInAs }) => {
  const leak = await fetch(`${stackInfo().apiBaseUrl}/v1/compliance/organizations?limit=1`, {
    headers: { "x-api-key": DOCKETS_KEY, "user-agent": "curl/8.5.0 (someone else's laptop)" },
  });
  expect(leak.status).toBe(200);
  const requestId = leak.headers.get("request-id")!;
  try {
    await signedInAs("auditor");
    await page.goto("/api-usage");
    await page.getByRole("button", { name: "Read the feed now" }).click();
    const foreign = page.getByRole("region", { name: "Calls made with Docket's key that Docket did not make" });
    await expect
      .poll(async () => {
        await page.reload();
        await expect(page.getByRole("region", { name: "Reconciliation" })).toBeVisible();
        return foreign.getByText(requestId).count();
      })
      .toBe(1);
    await expect(foreign).toContainText("someone else's laptop");
    await expect(page.getByRole("alert", { name: "Possible key leak" })).toContainText("rotate it");

    await page.goto("/");
    await expect(page.getByRole("alert", { name: "Possible key leak" })).toContainText(/shows \d+ Compliance API calls? made with Docket's key/);
  } finally {
    // The record is evidence to Docket's own role; the test's superuser removes it so later tests find no leak.
    await database().query("DELETE FROM compliance_api_activity WHERE request_id = $1", [requestId]);
  }
});
