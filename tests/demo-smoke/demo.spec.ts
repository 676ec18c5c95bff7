import { expect, test, type Browser, type Page } from "@playwright/test";
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
