import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { ChatThreadPage } from "@/lib/schemas/console";
import { SMALL_SEED_1 } from "./support/simulator-ids";
import { database, seedSession, SESSION_COOKIE } from "./support/stack";

/** More chats of the `small` dataset, seed 1 (lib/simulator/dataset/fixtures.ts): SMALL_SEED_1.chat is the tools chat. */
const TOOLS_CHAT = SMALL_SEED_1.chat;
const LONG_CHAT = "claude_chat_015qvvhZX3oKjThoMJRKqSq4";
const HOSTILE_CHAT = "claude_chat_01WgvxARL3V8VVsqSao8XxZA";

async function signInAsReviewer(context: BrowserContext, baseURL: string): Promise<string> {
  const { token, subject } = await seedSession("reviewer");
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
  return subject;
}

const messageRows = (page: Page) => page.locator("article[data-message-id]");

let reviewerSubject: string;

test.beforeEach(async ({ context, baseURL }) => {
  reviewerSubject = await signInAsReviewer(context, baseURL!);
});

test("a tool call shows its paired result, its MCP server and an error badge", async ({ page }) => {
  await page.goto(`/chats/${TOOLS_CHAT}`);
  const driveSearch = page.getByRole("region", { name: "Tool call drive_search" });
  await expect(driveSearch).toContainText("Globex MSA (signed 2025-11-02).pdf");
  await expect(driveSearch).toContainText("MCP server: https://mcp.gdrive.example.com/mcp");
  await expect(driveSearch).toContainText("Integration: Google Drive");
  await expect(driveSearch.getByText("Error", { exact: true })).toHaveCount(0);
  const failedFetch = page.getByRole("region", { name: "Tool call web_fetch" }).first();
  await expect(failedFetch.getByText("Error", { exact: true })).toBeVisible();
  await expect(failedFetch).toContainText("403 Forbidden");

  const viewedChats = async () =>
    (await database().query<{ target_id: string }>("SELECT target_id FROM audit_event WHERE actor_subject = $1 AND action = 'chat.view'", [reviewerSubject])).rows.map((row) => row.target_id);
  await expect.poll(viewedChats).toContain(TOOLS_CHAT);
});

test("a truncated tool block reloads untruncated", async ({ page }) => {
  await page.goto(`/chats/${TOOLS_CHAT}`);
  const repl = page.getByRole("region", { name: "Tool call repl" });
  await expect(repl.getByText("Truncated", { exact: true }).first()).toBeVisible();
  await page.locator("article", { has: repl }).getByRole("button", { name: "Load untruncated" }).click();
  await expect(repl.getByText("Truncated", { exact: true })).toHaveCount(0);
  await expect(page.locator("article", { has: repl }).getByRole("button", { name: "Load untruncated" })).toHaveCount(0);
});

test("the 10,000-message chat opens at once with only a window of rows mounted", async ({ page }) => {
  await page.goto(`/chats/${LONG_CHAT}`);
  await expect(messageRows(page).first()).toContainText("Stand-up #1:");
  await expect(messageRows(page).first()).toBeInViewport();
  expect(await messageRows(page).count()).toBeLessThan(200);
  await page.getByTestId("thread-scroller").evaluate((scroller) => scroller.scrollBy(0, 20_000));
  await expect(messageRows(page).first()).not.toContainText("Stand-up #1:");
  expect(await messageRows(page).count()).toBeLessThan(200);
});

test("a deep link to a message on a later page loads it, scrolls to it and highlights it", async ({ page, context }) => {
  const cookie = (await context.cookies()).find((candidate) => candidate.name === SESSION_COOKIE)!;
  const headers = { cookie: `${SESSION_COOKIE}=${cookie.value}` };
  const first = ChatThreadPage.parse(await (await page.request.get(`/api/chats/${LONG_CHAT}/messages?limit=100&order=asc`, { headers })).json());
  const second = ChatThreadPage.parse(
    await (await page.request.get(`/api/chats/${LONG_CHAT}/messages?limit=100&order=asc&after=${encodeURIComponent(first.lastCursor!)}`, { headers })).json(),
  );
  const target = second.messages[50]!.id;
  await page.goto(`/chats/${LONG_CHAT}?message=${target}`);
  const row = page.locator(`article[data-message-id="${target}"]`);
  await expect(row).toBeInViewport();
  await expect(row).toHaveAttribute("aria-current", "true");
});

test("searching the thread jumps to each hit", async ({ page }) => {
  await page.goto(`/chats/${LONG_CHAT}`);
  await expect(messageRows(page).first()).toBeVisible();
  await page.getByLabel("Search loaded messages").fill("Stand-up #40:");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByRole("status")).toHaveText("1 of 1");
  const hit = page.locator('article[aria-current="true"]');
  await expect(hit).toContainText("Stand-up #40:");
  await expect(hit).toBeInViewport();
});

test("hostile content runs no script and makes no request off the app's origin", async ({ page, baseURL }) => {
  const dialogs: string[] = [];
  const foreignRequests: string[] = [];
  const appOrigin = new URL(baseURL!).origin;
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("request", (request) => {
    if (new URL(request.url()).origin !== appOrigin) foreignRequests.push(request.url());
  });
  await page.goto(`/chats/${HOSTILE_CHAT}`);
  await expect(messageRows(page).first()).toBeVisible();
  await page.getByRole("button", { name: "Jump to last" }).click();
  await expect(page.getByRole("region", { name: "Tool call web_fetch" })).toBeVisible();
  await expect(page.getByText("Loading more messages…")).toHaveCount(0);
  expect(await page.evaluate(() => (window as Window & { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(foreignRequests).toEqual([]);
});

test("a soft-deleted chat is marked and shows no content", async ({ page }) => {
  await page.goto(`/chats/${SMALL_SEED_1.softDeletedChat}`);
  await expect(page.getByText("Deleted by user")).toBeVisible();
  await expect(page.getByRole("heading", { name: "(name removed)" })).toBeVisible();
  await expect(messageRows(page).first()).toBeVisible();
  await expect(page.locator('[data-block="text"]')).toHaveCount(0);
});

test("jump to last loads every page of the 10,000-message chat and shows its last message", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`/chats/${LONG_CHAT}`);
  await expect(messageRows(page).first()).toBeVisible();
  await page.getByRole("button", { name: "Jump to last" }).click();
  await expect(page.getByTestId("loaded-count")).toHaveText("10000", { timeout: 100_000 });
  await expect(messageRows(page).last()).toBeInViewport();
  await page.getByRole("button", { name: "Jump to first" }).click();
  await expect(messageRows(page).first()).toContainText("Stand-up #1:");
});
