import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { checkPackageAsReadmeSays, readZip, unpackZip } from "../support/zip";
import { signInThroughIdp } from "../e2e/support/journey";
import { DEMO_SMOKE } from "./demo-smoke-ports";

/** The simulator's full key (design.md): the demo's own, used here only to look upstream. */
const SIMULATOR_FULL_KEY = "sk-ant-api01-simulator-full";

/** A person in a browser of their own, signed in through the demo's identity provider and at home. */
async function personAtHome(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  failOnServerErrors(page);
  await signInThroughIdp(page, email);
  await expect(page.getByRole("heading", { name: /^Welcome, / })).toBeVisible();
  return page;
}

const serverErrors: string[] = [];
function failOnServerErrors(page: Page): void {
  page.on("response", (response) => {
    if (response.status() >= 500 && response.url().startsWith(DEMO_SMOKE.appUrl))
      serverErrors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
}

test("the demo, as a newcomer starts it: a reviewer requests a deletion, an approver approves it, the chat is gone and the audit log verifies", async ({
  browser,
}) => {
  const reviewer = await personAtHome(browser, "reviewer@docket.test");
  await expect(reviewer.getByRole("region", { name: "System status" }).getByText(/requests left this minute/)).toBeVisible();

  // From the home page to a chat, by the links a person follows.
  await reviewer.getByRole("region", { name: "Review" }).getByRole("link", { name: "Chats" }).click();
  await expect(reviewer.getByRole("heading", { level: 1, name: "Chats" })).toBeVisible();
  const firstChat = reviewer.getByRole("region", { name: "Chats" }).locator("tbody tr td:first-child a").first();
  const chatId = (await firstChat.getAttribute("href"))!.split("/").pop()!.split("?")[0]!;
  await firstChat.click();
  await expect(reviewer).toHaveURL(new RegExp(`/chats/${chatId}`));

  await reviewer.getByRole("button", { name: "Delete chat…" }).click();
  const dialog = reviewer.getByRole("dialog");
  await expect(dialog.getByTestId("destruction-summary")).toBeVisible();
  await dialog.getByRole("radio", { name: "Retention policy" }).check();
  await dialog.getByLabel("Reference (ticket, matter or case number)").fill("DEMO-1");
  await dialog.getByLabel(/^Type the chat's (name or )?id to confirm/).fill(chatId);
  await dialog.getByRole("button", { name: "Request deletion", exact: true }).click();
  await expect(dialog.getByText("Request created: the chat is deleted only once a second person approves it.")).toBeVisible();

  const approver = await personAtHome(browser, "approver@docket.test");
  await approver.getByRole("link", { name: "Open the approvals queue" }).click();
  const card = approver.getByRole("article", { name: /^Deletion request for chat / }).filter({ hasText: "DEMO-1" });
  await card.getByLabel("Comment (required to approve or reject)").fill("Checked with the DPO.");
  await card.getByRole("button", { name: "Approve and delete the chat" }).click();
  const decided = approver.getByRole("region", { name: "Just decided" });
  await expect(decided.getByTestId("deletion-status")).toContainText("Deleted");

  // Gone upstream, as the Compliance API itself says.
  const upstream = await fetch(`${DEMO_SMOKE.apiUrl}/v1/compliance/apps/chats/${chatId}/messages?limit=1`, { headers: { "x-api-key": SIMULATOR_FULL_KEY } });
  expect(upstream.status).toBe(404);

  const auditor = await personAtHome(browser, "auditor@docket.test");
  await auditor.getByRole("link", { name: "Open the audit log" }).click();
  await expect(auditor.getByRole("cell", { name: "deletion.succeeded" }).first()).toBeVisible();
  await auditor.getByRole("button", { name: "Verify now" }).click();
  await expect(auditor.getByRole("status")).toContainText("Chain intact");

  expect(serverErrors).toEqual([]);
});

/** A custodian of the demo's first organisation with few chats, as the API lists them, so the collection ends in seconds. */
async function smallCustodian(): Promise<{ organization: string; email: string; id: string }> {
  const get = async <T>(path: string) => (await (await fetch(`${DEMO_SMOKE.apiUrl}${path}`, { headers: { "x-api-key": SIMULATOR_FULL_KEY } })).json()) as T;
  const { data: organizations } = await get<{ data: Array<{ uuid: string }> }>("/v1/compliance/organizations");
  const organization = organizations[0]!.uuid;
  const { data: users } = await get<{ data: Array<{ id: string; email: string }> }>(`/v1/compliance/organizations/${organization}/users?limit=20`);
  for (const user of users) {
    const chats = await get<{ data: unknown[] }>(`/v1/compliance/apps/chats?user_ids[]=${user.id}&limit=10`);
    if (chats.data.length > 0 && chats.data.length < 10) return { organization, ...user };
  }
  throw new Error("the demo's first organisation has no custodian with fewer than ten chats");
}

test("the demo, as a newcomer starts it: a reviewer collects a custodian, and the package checks out with sha256sum and openssl", async ({ browser }) => {
  test.setTimeout(240_000);
  const custodian = await smallCustodian();
  const reviewer = await personAtHome(browser, "reviewer@docket.test");
  await reviewer.getByRole("link", { name: "Open the collections" }).click();
  await reviewer.getByRole("link", { name: "New collection" }).click();
  await reviewer.getByLabel("Matter name").fill("Demo matter");
  await reviewer.getByLabel("Reference (case or ticket number)").fill("DEMO-2");
  await reviewer.getByLabel("Organisation").selectOption(custodian.organization);
  await reviewer.getByLabel("Email").fill(custodian.email);
  await reviewer.getByRole("button", { name: "Find" }).click();
  await reviewer.getByRole("button", { name: "Add to the custodians" }).click();
  await expect(reviewer.getByLabel(/^Custodians/)).toHaveValue(custodian.id);
  await reviewer.getByRole("button", { name: "Start the collection" }).click();

  await expect(reviewer.getByText("Complete", { exact: true })).toBeVisible({ timeout: 180_000 });
  const [download] = await Promise.all([reviewer.waitForEvent("download"), reviewer.getByRole("link", { name: "Download the evidence package" }).click()]);
  const folder = await mkdtemp(join(tmpdir(), "docket-demo-package-"));
  try {
    const files = await readZip(await readFile((await download.path())!));
    expect([...files.keys()].some((name) => name.startsWith("chats/"))).toBe(true);
    await unpackZip(files, folder);
    const check = await checkPackageAsReadmeSays(folder);
    expect(check.checksums.every((line) => line.endsWith(": OK"))).toBe(true);
    expect(check.signatures).toEqual({ SHA256SUMS: "Signature Verified Successfully", "manifest.json": "Signature Verified Successfully" });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  expect(serverErrors).toEqual([]);
});
