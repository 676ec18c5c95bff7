import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { ChatThreadPage } from "@/lib/schemas/console";
import { SMALL_SEED_1 } from "./support/simulator-ids";
import { seedSession, SESSION_COOKIE, type Persona } from "./support/stack";

/** The small dataset's custodian with the most chats (lib/simulator/dataset/fixtures.ts, userWithManyChats). */
const CUSTODIAN_WITH_MANY_CHATS = { id: SMALL_SEED_1.user, email: "priya.sharma@acme-corp.example" };

async function signedInAs(persona: Persona, context: BrowserContext, baseURL: string) {
  const session = await seedSession(persona);
  await context.addCookies([{ name: SESSION_COOKIE, value: session.token, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
  return session;
}

const chatRows = (page: Page) => page.getByRole("region", { name: "Chats" }).locator("tbody tr");
const chatLinks = (page: Page) => chatRows(page).locator("td:first-child a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));

test("a reviewer picks an organisation, finds a custodian by email and opens the chats of two custodians", async ({ page, context, baseURL }) => {
  await signedInAs("reviewer", context, baseURL!);
  await page.goto("/custodians");
  await expect(page).toHaveURL(/\/custodians\?org=/);
  await page.getByLabel("Organisation").selectOption({ label: "Acme Legal" });
  await expect(page).toHaveURL(new RegExp(`org=${SMALL_SEED_1.organization}`));

  const custodians = page.getByRole("region", { name: "Custodians" });
  await custodians.getByLabel(/Filter the \d+ loaded custodians/).fill("priya.sharma");
  await expect(page).toHaveURL(/q=priya.sharma/);
  await expect(custodians.locator("tbody tr")).toHaveCount(1);
  await expect(custodians.getByRole("cell", { name: CUSTODIAN_WITH_MANY_CHATS.email, exact: true })).toBeVisible();
  await custodians.getByRole("checkbox", { name: `Select ${CUSTODIAN_WITH_MANY_CHATS.email}` }).check();

  await custodians.getByLabel(/Filter the \d+ loaded custodians/).fill("");
  await custodians.locator("tbody tr").getByRole("checkbox", { checked: false }).first().check();
  await custodians.getByRole("link", { name: "Show chats of 2 selected" }).click();

  await expect(page).toHaveURL(new RegExp(`/chats\\?users=[^&]*${CUSTODIAN_WITH_MANY_CHATS.id}[^&]*&org=${SMALL_SEED_1.organization}`));
  expect(new URL(page.url()).searchParams.get("users")?.split(",")).toHaveLength(2);
  await expect(chatRows(page).first()).toBeVisible();
});

test("a reviewer pages chats forward and back with the API's cursors", async ({ page, context, baseURL }) => {
  await signedInAs("reviewer", context, baseURL!);
  await page.goto(`/chats?users=${CUSTODIAN_WITH_MANY_CHATS.id}&org=${SMALL_SEED_1.organization}`);
  await page.getByLabel("Rows per page").selectOption("10");
  await page.getByRole("button", { name: "Show chats" }).click();
  await expect(page).toHaveURL(/limit=10/);
  await expect(chatRows(page)).toHaveCount(10);
  const firstPage = await chatLinks(page);

  await page.getByRole("link", { name: "Next →" }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(chatRows(page).first()).toBeVisible();
  const secondPage = await chatLinks(page);
  expect(secondPage.filter((href) => firstPage.includes(href))).toEqual([]);

  await page.getByRole("link", { name: "← Previous" }).click();
  await expect(page).toHaveURL(/before=/);
  await expect(chatRows(page)).toHaveCount(10);
  expect(await chatLinks(page)).toEqual(firstPage);
  // Back on the first page: nothing older to go to, and the way forward is still there.
  await expect(page.getByRole("link", { name: "← Previous" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Next →" })).toBeVisible();
});

test("a soft-deleted chat is marked as deleted by its user, with its name removed", async ({ page, context, baseURL, request }) => {
  const { token } = await signedInAs("reviewer", context, baseURL!);
  const response = await request.get(`/api/chats/${SMALL_SEED_1.softDeletedChat}/messages?limit=1`, { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
  const owner = ChatThreadPage.parse(await response.json()).chat.owner;
  expect(owner).not.toBeNull();

  await page.goto(`/chats?users=${owner!.id}&limit=200`);
  const deletedRow = chatRows(page).filter({ has: page.locator(`a[href="/chats/${SMALL_SEED_1.softDeletedChat}"]`) });
  await expect(deletedRow).toContainText("Deleted by user");
  await expect(deletedRow).toContainText("(name removed)");
});

test("a filter combination the API refuses is explained and not requested", async ({ page, context, baseURL }) => {
  await signedInAs("reviewer", context, baseURL!);
  await page.goto(`/chats?org=${SMALL_SEED_1.organization}&project=${SMALL_SEED_1.project}`);
  await expect(page.getByRole("alert").filter({ hasText: "nothing was requested" })).toContainText("The project filter works only together with selected users");
  await expect(page.getByRole("button", { name: "Show chats" })).toBeDisabled();

  await page.getByLabel("Users").fill(CUSTODIAN_WITH_MANY_CHATS.id);
  await expect(page.getByRole("button", { name: "Show chats" })).toBeEnabled();
  await page.getByLabel("Order").selectOption("updated_at");
  await expect(page.getByText("Chats of selected users can only be sorted by creation time")).toBeVisible();
});

test("an auditor is sent to the no-access page", async ({ page, context, baseURL }) => {
  await signedInAs("auditor", context, baseURL!);
  await page.goto("/custodians");
  await expect(page).toHaveURL(/\/no-access\?reason=forbidden$/);
  await page.goto("/chats");
  await expect(page).toHaveURL(/\/no-access\?reason=forbidden$/);
});
