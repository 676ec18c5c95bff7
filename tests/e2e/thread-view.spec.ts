import type { BrowserContext, Page, Route } from "@playwright/test";
import { ChatThreadPage } from "@/lib/schemas/console";
import { threadHref } from "@/lib/thread/thread-href";
import { expect, readAuditHead, readAuditRows, test } from "./support/fixtures";
import { SMALL_SEED_1, SMALL_SEED_1_LONG_CHAT } from "@/tests/support/simulator-ids";
import { SESSION_COOKIE, simulatorControl, type SeededSession } from "./support/stack";

/** More chats of the `small` dataset, seed 1 (lib/simulator/dataset/fixtures.ts): SMALL_SEED_1.chat is the tools chat. */
const TOOLS_CHAT = SMALL_SEED_1.chat;
const LONG_CHAT = SMALL_SEED_1_LONG_CHAT;

const messageRows = (page: Page) => page.locator("article[data-message-id]");
const messageRow = (page: Page, messageId: string) => page.locator(`article[data-message-id="${messageId}"]`);

/** One page of messages straight from Docket's route, to pick real messages to link to. */
async function messagesPage(page: Page, context: BrowserContext, query: string): Promise<ChatThreadPage> {
  const cookie = (await context.cookies()).find((candidate) => candidate.name === SESSION_COOKIE)!;
  const response = await page.request.get(`/api/chats/${LONG_CHAT}/messages?${query}`, { headers: { cookie: `${SESSION_COOKIE}=${cookie.value}` } });
  return ChatThreadPage.parse(await response.json());
}

/** The thread's own page requests, as the browser makes them (each one is audited and spends API budget); the opening page is read by the server. */
function recordPageRequests(page: Page, chatId: string): URLSearchParams[] {
  const requests: URLSearchParams[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname === `/api/chats/${chatId}/messages`) requests.push(url.searchParams);
  });
  return requests;
}

/**
 * The reviewer's reads of a chat's message pages recorded after `afterSeq`, by their parameters: one
 * row per page read, in the browser or by the server (the header's count of the whole chat is its own read).
 */
async function auditedPageReads(chatId: string, afterSeq: string): Promise<Array<Record<string, unknown>>> {
  const rows = await readAuditRows({ subject: reviewer.subject, action: "chat.view", targetId: chatId, afterSeq });
  return rows.map((row) => row.params).filter((params) => params.overview !== true);
}

/** What the thread's search highlights cover, read from the CSS Custom Highlight registry. */
function readHighlights(page: Page, name: string) {
  return page.evaluate((highlightName) => {
    const ranges = [...(CSS.highlights.get(highlightName) ?? [])] as Range[];
    return ranges.map((range) => ({
      text: range.toString(),
      connected: range.startContainer.isConnected,
      messageId: range.startContainer.parentElement?.closest("article")?.getAttribute("data-message-id") ?? null,
    }));
  }, name);
}

let reviewer: SeededSession;

test.beforeEach(async ({ signedInAs }) => {
  reviewer = await signedInAs("reviewer");
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

  const viewedChats = async () => (await readAuditRows({ subject: reviewer.subject, action: "chat.view" })).map((row) => row.targetId);
  await expect.poll(viewedChats).toContain(TOOLS_CHAT);
});

test("the opening page is read once, by the server, and the browser takes the page over without asking again", async ({ page }) => {
  const requests = recordPageRequests(page, TOOLS_CHAT);
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  const seq = await readAuditHead();
  await page.goto(`/chats/${TOOLS_CHAT}`);
  await expect(page.getByRole("region", { name: "Tool call drive_search" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await auditedPageReads(TOOLS_CHAT, seq)).toEqual([{ limit: 100, order: "asc" }]);
  expect(requests).toHaveLength(0);
  // A hydration mismatch between the server's rows and the browser's first render would be reported here.
  expect(pageErrors).toEqual([]);
});

test("the first screen arrives formatted with the page itself, before any of its scripts has run", async ({ page }) => {
  await page.route("**/_next/static/**/*.js", (route) => route.abort());
  await page.goto(`/chats/${LONG_CHAT}`);
  await expect(messageRows(page).first()).toContainText("Stand-up #1:");
  const reply = page.locator("article", { hasText: "Noted for stand-up #2." });
  await expect(reply.locator("strong", { hasText: "unenforceable in California" })).toBeVisible();
});

test("controls sent before the scripts stay disabled until the scripts take them over, so a click is never lost", async ({ page }) => {
  let releaseScripts = () => {};
  const scriptsReleased = new Promise<void>((resolve) => (releaseScripts = resolve));
  await page.route("**/_next/static/**/*.js", async (route) => {
    await scriptsReleased;
    await route.continue();
  });
  await page.goto(`/chats/${TOOLS_CHAT}`, { waitUntil: "commit" });
  const firstRow = messageRows(page).first();
  const rawJson = firstRow.getByRole("button", { name: "Raw JSON" });
  await expect(rawJson).toBeDisabled();
  await expect(page.getByRole("button", { name: "Jump to last" })).toBeDisabled();
  await expect(page.getByLabel("Search loaded messages")).toBeDisabled();

  // Started while the button is still disabled: the click waits for it rather than landing on dead HTML.
  const click = rawJson.click();
  releaseScripts();
  await click;
  await expect(rawJson).toHaveAttribute("aria-expanded", "true");
  await expect(firstRow.locator("pre")).toContainText('"role": "user"');
});

test("messages past the first screen are formatted in the browser", async ({ page }) => {
  await page.goto(`/chats/${LONG_CHAT}`);
  await expect(messageRows(page).first()).toBeVisible();
  await page.getByLabel("Search loaded messages").fill("Noted for stand-up #23.");
  await page.getByRole("button", { name: "Find" }).click();
  const hit = page.locator('article[aria-current="true"]');
  await expect(hit).toBeInViewport();
  await expect(hit.locator("strong", { hasText: "unenforceable in California" })).toBeVisible();
});

test.describe("the opening page from a slow or refusing Compliance API", () => {
  test.afterEach(({ simulator }) => simulator.clearFaults());

  test("a slow answer does not hold the page back: it shows at once, and the messages follow in the same response", async ({ page }) => {
    await simulatorControl("/_simulator/faults", "PUT", {
      rules: [{ match: { path: `/v1/compliance/apps/chats/${TOOLS_CHAT}/messages` }, times: 1, fault: { type: "latency", ms: 1_500 } }],
    });
    const requests = recordPageRequests(page, TOOLS_CHAT);
    const seq = await readAuditHead();
    await page.goto(`/chats/${TOOLS_CHAT}`, { waitUntil: "commit" });
    await expect(page.getByText("Loading the thread…")).toBeVisible();
    await expect(page.getByRole("region", { name: "Tool call drive_search" })).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(requests).toHaveLength(0);
    expect(await auditedPageReads(TOOLS_CHAT, seq)).toEqual([{ limit: 100, order: "asc" }]);
  });

  test("a refusal says why with its request id and the used-up budget, and Retry loads it", async ({ page }) => {
    await simulatorControl("/_simulator/faults", "PUT", {
      rules: [{ match: { path: `/v1/compliance/apps/chats/${TOOLS_CHAT}/messages` }, fault: { type: "rate_limit", retryAfterSeconds: 45 } }],
    });
    const seq = await readAuditHead();
    await page.goto(`/chats/${TOOLS_CHAT}`);
    const failure = page.getByRole("alert").filter({ hasText: "budget for this minute is used up" });
    await expect(failure).toBeVisible();
    await expect(failure).toContainText(/request dkt_[0-9a-f-]+/);
    await expect(page.getByRole("status", { name: "Compliance API budget" })).toContainText("Compliance API budget used up until");
    expect(await auditedPageReads(TOOLS_CHAT, seq)).toEqual([]);

    await simulatorControl("/_simulator/faults", "DELETE");
    await page.getByRole("button", { name: "Retry" }).click();
    await expect(page.getByRole("region", { name: "Tool call drive_search" })).toBeVisible();
    await expect(page.getByRole("status", { name: "Compliance API budget" })).toHaveCount(0);
    expect(await auditedPageReads(TOOLS_CHAT, seq)).toEqual([{ limit: 100, order: "asc" }]);
  });
});

test("the header counts the whole chat, not the loaded page, and every raw JSON is the API's", async ({ page }) => {
  const fixtures = (await (await simulatorControl("/_simulator/fixtures", "GET")).json()) as { longChat: { id: string; messageCount: number } };
  expect(fixtures.longChat.id).toBe(LONG_CHAT);
  const seq = await readAuditHead();
  await page.goto(`/chats/${LONG_CHAT}`);
  const whole = page.getByRole("region", { name: "The whole chat" });
  await expect(whole.getByTestId("whole-chat-count")).toHaveText(fixtures.longChat.messageCount.toLocaleString("en"));
  await expect(page.getByTestId("loaded-count")).not.toHaveText(fixtures.longChat.messageCount.toLocaleString("en"));
  await expect(whole).toContainText(/Span: .+ – .+/);
  await expect(whole).toContainText("Models used: claude-");
  await expect
    .poll(async () => (await readAuditRows({ subject: reviewer.subject, action: "chat.view", targetId: LONG_CHAT, afterSeq: seq })).map((row) => row.params))
    .toContainEqual({ overview: true });

  // The chat's own JSON, as sent: snake_case fields Docket's objects do not have.
  await whole.getByRole("button", { name: "The chat's raw JSON" }).click();
  const chatJson = page.getByRole("dialog").locator("pre[data-raw-json]");
  await expect(chatJson).toContainText('"organization_uuid"');
  await expect(chatJson).not.toContainText('"chat_messages"');
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // A message's JSON is read when asked for, at the message's own time.
  const firstRow = messageRows(page).first();
  await firstRow.getByRole("button", { name: "Raw JSON" }).click();
  const raw = firstRow.locator("pre[data-raw-json]");
  await expect(raw).toContainText('"created_at"');
  await expect(raw).toContainText('"thinking_redacted"');
  await expect
    .poll(async () =>
      (await readAuditRows({ subject: reviewer.subject, action: "chat.view", targetId: LONG_CHAT, afterSeq: seq })).some((row) => "rawMessage" in row.params),
    )
    .toBe(true);
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
  // Rows arrive with the page; a scroll before its scripts run would move them without a virtualiser.
  await expect(page.getByRole("searchbox", { name: "Search loaded messages" })).toBeEnabled();
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

test("a soft-deleted chat is marked and shows no content", async ({ page }) => {
  await page.goto(`/chats/${SMALL_SEED_1.softDeletedChat}`);
  await expect(page.getByText("Deleted by user")).toBeVisible();
  await expect(page.getByRole("heading", { name: "(name removed)" })).toBeVisible();
  await expect(messageRows(page).first()).toBeVisible();
  await expect(page.locator('[data-block="text"]')).toHaveCount(0);
});

test("jump to last opens the 10,000-message chat at its end in two requests, and jump to first goes back", async ({ page, context }) => {
  await page.goto(`/chats/${LONG_CHAT}`);
  await expect(messageRows(page).first()).toBeVisible();
  const newest = (await messagesPage(page, context, "limit=1&order=desc")).messages[0]!;
  const requests = recordPageRequests(page, LONG_CHAT);

  await page.getByRole("button", { name: "Jump to last" }).click();
  await expect(messageRow(page, newest.id)).toBeInViewport();
  expect(requests.map((search) => Object.fromEntries(search))).toEqual([
    { limit: "1", order: "desc" },
    { limit: "100", order: "asc", from: newest.createdAt },
  ]);

  await page.getByRole("button", { name: "Jump to first" }).click();
  await expect(messageRows(page).first()).toContainText("Stand-up #1:");
  await expect(messageRows(page).first()).toBeInViewport();
});

test("a deep link with the message's time opens at it in one request, and scrolling up prepends earlier messages in place", async ({ page, context }) => {
  // Newest first: index 60 is the 61st message from the end, index 61 the one just before it.
  const latest = await messagesPage(page, context, "limit=100&order=desc");
  const target = latest.messages[60]!;
  const justBefore = latest.messages[61]!;
  const requests = recordPageRequests(page, LONG_CHAT);
  const seq = await readAuditHead();

  await page.goto(threadHref(LONG_CHAT, { messageId: target.id, at: target.createdAt }));
  await expect(messageRow(page, target.id)).toHaveAttribute("aria-current", "true");
  await expect(messageRow(page, target.id)).toBeInViewport();
  // The opening page came with the page: read once, by the server, and not asked for again by the browser.
  expect(await auditedPageReads(LONG_CHAT, seq)).toEqual([{ limit: 100, order: "asc", from: target.createdAt }]);
  expect(requests).toHaveLength(0);
  await expect(page.getByTestId("loaded-count")).toHaveText("61 (earlier ones not checked yet)");
  await expect(messageRow(page, justBefore.id)).toHaveCount(0);

  await page.getByTestId("thread-scroller").hover();
  await page.mouse.wheel(0, -300);
  await expect(page.getByTestId("loaded-count")).toHaveText("161 (more earlier)");
  expect(requests).toHaveLength(1);
  expect(requests[0]!.get("before")).toBeTruthy();
  expect(requests[0]!.get("from")).toBeNull();
  expect(await auditedPageReads(LONG_CHAT, seq)).toHaveLength(2);
  await expect(messageRow(page, target.id)).toBeInViewport();
  const targetTop = (await messageRow(page, target.id).boundingBox())!.y;
  await expect
    .poll(async () => {
      const box = (await messageRow(page, justBefore.id).boundingBox())!;
      return box.y + box.height;
    })
    .toBeCloseTo(targetTop, 0);
});

test("a failed earlier page says why, with its request id, and Retry loads it", async ({ page, context }) => {
  const target = (await messagesPage(page, context, "limit=100&order=desc")).messages[60]!;
  const failEarlierPages = (route: Route) =>
    route.fulfill({
      status: 503,
      json: { error: { code: "upstream_unavailable", message: "The Compliance API did not answer.", requestId: "req_e2e_before" } },
    });
  await page.route(/\/api\/chats\/[^/]+\/messages\?.*before=/, failEarlierPages);

  await page.goto(threadHref(LONG_CHAT, { messageId: target.id, at: target.createdAt }));
  await expect(messageRow(page, target.id)).toBeInViewport();
  await page.getByTestId("thread-scroller").hover();
  const notice = page.getByRole("alert").filter({ hasText: "did not answer" });
  // A scroll that lands while the page is still settling may not count as a scroll toward the start: scroll again.
  await expect(async () => {
    await page.mouse.wheel(0, -300);
    await expect(notice).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(notice).toContainText("The Compliance API did not answer.");
  await expect(notice).toContainText("request req_e2e_before");
  await expect(page.getByTestId("loaded-count")).toHaveText("61 (earlier ones not checked yet)");

  await page.unroute(/\/api\/chats\/[^/]+\/messages\?.*before=/, failEarlierPages);
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByTestId("loaded-count")).toHaveText("161 (more earlier)");
  await expect(notice).toHaveCount(0);
});

test("jump to first from a deep link opens the chat's start in one more request", async ({ page, context }) => {
  const target = (await messagesPage(page, context, "limit=100&order=desc")).messages[60]!;
  const requests = recordPageRequests(page, LONG_CHAT);
  const seq = await readAuditHead();
  await page.goto(threadHref(LONG_CHAT, { messageId: target.id, at: target.createdAt }));
  await expect(messageRow(page, target.id)).toBeInViewport();

  await page.getByRole("button", { name: "Jump to first" }).click();
  await expect(messageRows(page).first()).toContainText("Stand-up #1:");
  await expect(messageRows(page).first()).toBeInViewport();
  await expect(page.getByText("Start of the transcript")).toBeInViewport();
  await expect(page.getByTestId("loaded-count")).toHaveText("100 (more later)");
  expect(requests).toHaveLength(1);
  expect([...requests[0]!.keys()].sort()).toEqual(["limit", "order"]);
  expect(await auditedPageReads(LONG_CHAT, seq)).toEqual([
    { limit: 100, order: "asc", from: target.createdAt },
    { limit: 100, order: "asc" },
  ]);
});

test("a link whose time is not a timestamp says so, sends no time, and still finds the message", async ({ page, context }) => {
  const target = (await messagesPage(page, context, "limit=100&order=asc")).messages[20]!;
  const requests = recordPageRequests(page, LONG_CHAT);
  const seq = await readAuditHead();
  await page.goto(threadHref(LONG_CHAT, { messageId: target.id, at: "yesterday" }));
  await expect(page.getByText("The link's time is not a valid timestamp")).toBeVisible();
  await expect(messageRow(page, target.id)).toHaveAttribute("aria-current", "true");
  expect(await auditedPageReads(LONG_CHAT, seq)).toEqual([{ limit: 100, order: "asc" }]);
  expect(requests).toHaveLength(0);
});

test("copy link gives a link that opens the thread at that message in one request", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await page.goto(`/chats/${LONG_CHAT}`);
  await expect(messageRows(page).first()).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Search loaded messages" })).toBeEnabled();
  await page.getByTestId("thread-scroller").evaluate((scroller) => scroller.scrollBy(0, 20_000));
  // Scrolled near the end of the first page, the view reads the next one: it must have arrived (and been
  // audited) before the reads of the copied link are counted.
  await expect(page.getByTestId("loaded-count")).toHaveText("200 (more later)");
  // The virtualiser mounts four rows above the viewport: the fifth is the first on screen.
  const row = messageRows(page).nth(5);
  await expect(row).toBeInViewport();
  const messageId = (await row.getAttribute("data-message-id"))!;
  const createdAt = (await row.locator("time").getAttribute("datetime"))!;

  await row.getByRole("button", { name: "Copy link" }).click();
  await expect(row.getByText("Link copied")).toBeVisible();
  const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  expect(copied.origin).toBe(new URL(baseURL!).origin);
  expect(copied.searchParams.get("message")).toBe(messageId);
  expect(copied.searchParams.get("at")).toBe(createdAt);
  expect(await row.getByTitle("Link to this message").getAttribute("href")).toBe(`${copied.pathname}${copied.search}`);

  const requests = recordPageRequests(page, LONG_CHAT);
  const seq = await readAuditHead();
  await page.goto(copied.toString());
  await expect(messageRow(page, messageId)).toHaveAttribute("aria-current", "true");
  await expect(messageRow(page, messageId)).toBeInViewport();
  expect(await auditedPageReads(LONG_CHAT, seq)).toEqual([{ limit: 100, order: "asc", from: createdAt }]);
  expect(requests).toHaveLength(0);
});

test("search paints every hit in the mounted rows, the current one apart, and clears", async ({ page }) => {
  await page.goto(`/chats/${LONG_CHAT}`);
  await expect(messageRows(page).first()).toBeVisible();
  expect(await page.evaluate(() => CSS.highlights.has("thread-search"))).toBe(false);
  // "stand-up #3" also begins "Stand-up #30:" to "#39:" and their replies: many messages, each with its hit.
  await page.getByLabel("Search loaded messages").fill("stand-up #3");
  await page.getByRole("button", { name: "Find" }).click();

  const current = page.locator('article[aria-current="true"]');
  await expect(current).toContainText("Stand-up #3:");
  const firstId = (await current.getAttribute("data-message-id"))!;
  const currentHits = async () => (await readHighlights(page, "thread-search-current")).map((hit) => [hit.text.toLowerCase(), hit.messageId]);
  await expect.poll(currentHits).toEqual([["stand-up #3", firstId]]);
  const hits = await readHighlights(page, "thread-search");
  expect(new Set(hits.map((hit) => hit.messageId)).size).toBeGreaterThan(1);
  expect(hits.map((hit) => hit.text.toLowerCase())).toEqual(hits.map(() => "stand-up #3"));

  await page.getByRole("button", { name: "Next" }).click();
  await expect(current).not.toHaveAttribute("data-message-id", firstId);
  await expect.poll(currentHits).toEqual([["stand-up #3", await current.getAttribute("data-message-id")]]);

  // Back past the first hit to the last, rows away: the rows mounted there are painted, the unmounted ones let go.
  await page.getByRole("button", { name: "Previous" }).click();
  await page.getByRole("button", { name: "Previous" }).click();
  await expect(current).toContainText("stand-up #39.");
  const lastId = await current.getAttribute("data-message-id");
  await expect.poll(currentHits).toEqual([["stand-up #3", lastId]]);
  const hitsThere = await readHighlights(page, "thread-search");
  expect(hitsThere.every((hit) => hit.connected && hit.messageId !== firstId)).toBe(true);

  await page.getByLabel("Search loaded messages").fill("");
  await expect.poll(() => page.evaluate(() => CSS.highlights.has("thread-search") || CSS.highlights.has("thread-search-current"))).toBe(false);
  await expect(current).toHaveCount(0);
});

test("the keyboard reads the thread: j and k move from message to message, / searches, ? lists the keys", async ({ page }) => {
  await page.goto(`/chats/${TOOLS_CHAT}`);
  const rows = messageRows(page);
  await expect(rows.first()).toBeVisible();
  const ids = await rows.evaluateAll((articles) => articles.slice(0, 3).map((article) => article.getAttribute("data-message-id")));
  // The keys work once the page's scripts run, which the controls show by becoming enabled.
  await expect(page.getByRole("searchbox", { name: "Search loaded messages" })).toBeEnabled();

  await page.keyboard.press("j");
  await expect(messageRow(page, ids[1]!)).toBeFocused();
  await expect(messageRow(page, ids[1]!)).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("j");
  await expect(messageRow(page, ids[2]!)).toBeFocused();
  await page.keyboard.press("k");
  await expect(messageRow(page, ids[1]!)).toBeFocused();

  await page.keyboard.press("/");
  await expect(page.getByRole("searchbox", { name: "Search loaded messages" })).toBeFocused();
  // Typed in the field, j is a letter of the search, not a move.
  await page.keyboard.type("j");
  await expect(page.getByRole("searchbox", { name: "Search loaded messages" })).toHaveValue("j");
  await expect(messageRow(page, ids[1]!)).toHaveAttribute("aria-current", "true");

  await page.getByRole("searchbox", { name: "Search loaded messages" }).blur();
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toContainText("Next message");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
});
