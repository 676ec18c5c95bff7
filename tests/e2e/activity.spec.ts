import { readFile } from "node:fs/promises";
import { expect, test } from "./support/fixtures";
import { arriveHome } from "./support/journey";
import { SMALL_SEED_1 } from "@/tests/support/simulator-ids";

// The organisation's Activity Feed, reached as a reviewer reaches it: from sign-in and the home page.

/** A month of the dataset's own activity. */
const WINDOW = "from=2026-09-01T00:00:00Z&before=2026-10-01T00:00:00Z";

test("a reviewer opens the feed from the home page, keeps one family, pages back, and opens a chat an activity names; all audited", async ({
  page,
  auditHead,
  auditRows,
}) => {
  const head = await auditHead();
  await arriveHome(page, "reviewer@docket.test");
  await page.getByRole("banner").getByRole("link", { name: "Activity" }).click();
  await expect(page).toHaveURL(/\/activity$/);
  await expect(page.getByRole("img", { name: /^Activity over time, by family: \d+ activities/ }).locator("canvas")).toBeVisible();
  const feed = page.getByRole("region", { name: "Activities" });
  await expect(feed.locator("tbody tr").first()).toBeVisible();

  await page.goto(`/activity?${WINDOW}`);
  await expect(feed.getByText(/^100 activities loaded; older ones exist/)).toBeVisible();
  await feed.getByRole("button", { name: "Load older activity" }).click();
  await expect.poll(() => feed.locator("tbody tr").count()).toBeGreaterThan(100);
  const loaded = await feed.locator("tbody tr").count();
  // Nothing newer than the window's end can match it: the check says so rather than loading anything.
  await feed.getByRole("button", { name: "Load newer activity" }).click();
  await expect(feed.getByText(/^Nothing newer as of /)).toBeVisible();
  await expect(feed.locator("tbody tr")).toHaveCount(loaded);

  await page.getByRole("checkbox", { name: /^Chats/ }).check();
  await page.getByRole("button", { name: "Show activity" }).click();
  await expect(page).toHaveURL(/families=chats/);
  await expect(feed.getByText(/^\d+ activities loaded/)).toBeVisible();
  const types = await feed.locator("tbody tr td:nth-child(2) > a").allInnerTexts();
  expect(types.length).toBeGreaterThan(0);
  expect(types.every((type) => type.startsWith("claude_chat_"))).toBe(true);

  const firstRow = feed.locator("tbody tr").first();
  await firstRow.getByText("JSON as sent by the API").click();
  const raw = JSON.parse(await firstRow.locator("pre").innerText()) as Record<string, unknown>;
  expect(raw).toMatchObject({ type: expect.stringMatching(/^claude_chat_/), claude_chat_id: expect.stringMatching(/^claude_chat_/) });

  await firstRow.getByRole("link", { name: raw.claude_chat_id as string }).click();
  await expect(page).toHaveURL(new RegExp(`/chats/${raw.claude_chat_id as string}$`));

  await expect
    .poll(async () => (await auditRows({ afterSeq: head, action: "activity.list" })).map((row) => row.params))
    .toEqual(expect.arrayContaining([expect.objectContaining({ older: expect.any(String) }), expect.objectContaining({ families: ["chats"] })]));
});

test("the filtered feed downloads as CSV, and the download is in the audit log with its filters", async ({ page, signedInAs, auditHead, auditRows }) => {
  await signedInAs("reviewer");
  const head = await auditHead();
  await page.goto(`/activity?${WINDOW}&types=claude_file_uploaded`);
  await expect(page.getByRole("region", { name: "Activities" }).locator("tbody tr").first()).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^docket-activity-.+\.csv$/);
  const lines = (await readFile((await download.path())!, "utf8")).trimEnd().split("\r\n");
  expect(lines[0]).toBe(
    "\uFEFFid,created_at,type,family,organization_id,organization_uuid,actor_type,actor,actor_user_id,actor_ip_address,actor_user_agent,fields",
  );
  expect(lines.length).toBeGreaterThan(1);
  expect(lines.slice(1).every((line) => line.includes(",claude_file_uploaded,files,"))).toBe(true);

  const [exported] = await auditRows({ afterSeq: head, action: "activity.export" });
  expect(exported).toMatchObject({ actorEmail: expect.stringMatching(/reviewer/), params: { format: "csv", types: ["claude_file_uploaded"] } });
});

test("an auditor reads the feed but not the content it names: ids are text, not links", async ({ page, signedInAs }) => {
  await signedInAs("auditor");
  await page.goto(`/activity?${WINDOW}&types=claude_chat_created`);
  const feed = page.getByRole("region", { name: "Activities" });
  const firstRow = feed.locator("tbody tr").first();
  await expect(firstRow).toContainText(/Chat claude_chat_\S+/);
  await expect(firstRow.locator('a[href^="/chats/"], a[href^="/custodians/"]')).toHaveCount(0);
  await expect(page.getByRole("banner").getByRole("link", { name: "Chats" })).toHaveCount(0);
});

test("a custodian's page charts what they did, and links to their acts in the feed", async ({ page, signedInAs }) => {
  await signedInAs("reviewer");
  await page.goto(`/custodians/${SMALL_SEED_1.user}?${WINDOW}`);
  await expect(page.getByRole("img", { name: /^What they did, from the Activity Feed: \d+ activities/ }).locator("canvas")).toBeVisible();
  await page.getByText("The counts as a table").click();
  await expect(page.getByRole("table", { name: "Activity counts per period" }).getByRole("columnheader").first()).toHaveText(/^Period from/);
  await page.getByRole("link", { name: "Every activity of theirs in the feed" }).click();
  await expect(page).toHaveURL(new RegExp(`/activity\\?actors=${SMALL_SEED_1.user}$`));
  await expect(page.getByLabel("People who acted")).toHaveValue(SMALL_SEED_1.user);
});
