import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { SMALL_SEED_1, SMALL_SEED_1_LONG_CHAT, SMALL_SEED_1_SESSIONS } from "@/tests/support/simulator-ids";
import { expect, test } from "./support/fixtures";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** Opens the thread from the home page, as a reviewer does after signing in, and opens its Export menu. */
async function openExportMenu(page: Page, chatId: string) {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto(`/chats/${chatId}`);
  await expect(page.locator("article[data-message-id]").first()).toBeVisible();
  await page.getByText("Export", { exact: true }).click();
}

async function saveExport(page: Page, label: string) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: new RegExp(`^${label}`) }).click()]);
  expect(await download.failure()).toBeNull();
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

test("a reviewer saves a long chat as the API's JSON: every message, and the file's SHA-256 is the one in the audit log", async ({
  page,
  signedInAs,
  auditHead,
  auditRows,
}) => {
  const reviewer = await signedInAs("reviewer");
  const head = await auditHead();
  await openExportMenu(page, SMALL_SEED_1_LONG_CHAT);
  const saved = await saveExport(page, "JSON as the API sent it");
  expect(saved.name).toBe(`${SMALL_SEED_1_LONG_CHAT}.json`);
  const exported = JSON.parse(saved.bytes.toString("utf8")) as { id: string; has_more: boolean; chat_messages: Array<{ id: string }> };
  expect(exported.id).toBe(SMALL_SEED_1_LONG_CHAT);
  expect(exported.has_more).toBe(false);
  // More than any page the thread view loads at once: the export read them all.
  expect(exported.chat_messages.length).toBeGreaterThan(100);
  expect(new Set(exported.chat_messages.map((message) => message.id)).size).toBe(exported.chat_messages.length);

  await expect
    .poll(async () => (await auditRows({ subject: reviewer.subject, action: "chat.export", afterSeq: head })).map((row) => [row.outcome, row.params.sha256]))
    .toEqual([
      ["intent", sha256(saved.bytes)],
      ["success", sha256(saved.bytes)],
    ]);
});

test("a reviewer saves a transcript in Markdown, with or without its metadata", async ({ page, signedInAs }) => {
  await signedInAs("reviewer");
  await openExportMenu(page, SMALL_SEED_1.chat);
  const full = await saveExport(page, "Markdown transcript");
  expect(full.name).toBe(`${SMALL_SEED_1.chat}.md`);
  const transcript = full.bytes.toString("utf8");
  expect(transcript).toMatch(/^# Chat transcript: /);
  expect(transcript).toContain(`| Chat id | \`${SMALL_SEED_1.chat}\` |`);
  expect(transcript).toContain("**Tool call** `drive_search` via integration Google Drive, MCP server `https://mcp.gdrive.example.com/mcp`");

  await page.getByText("Export", { exact: true }).click();
  const conversation = (await saveExport(page, "Markdown, conversation only")).bytes.toString("utf8");
  expect(conversation).not.toContain("| Chat id |");
  expect(conversation).not.toContain("Message id:");
  expect(conversation).toContain("**Tool call** `drive_search`");
});

test("an auditor, who may not export content, is refused an export", async ({ page, signedInAs }) => {
  await signedInAs("auditor");
  const response = await page.request.get(`/api/chats/${SMALL_SEED_1.chat}/export?format=json`);
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });
});

test("a malformed export request gets a clear 400 naming the parameter", async ({ page, signedInAs }) => {
  await signedInAs("reviewer");
  const response = await page.request.get(`/api/chats/${SMALL_SEED_1.chat}/export?format=pdf`);
  expect(response.status()).toBe(400);
  expect((await response.json()) as { error: { message: string } }).toMatchObject({
    error: { message: expect.stringContaining("format must be markdown or json") },
  });
});

test("a reviewer saves a session's transcript in Markdown from its page, and the file's SHA-256 is the one in the audit log", async ({
  page,
  signedInAs,
  auditHead,
  auditRows,
}) => {
  const reviewer = await signedInAs("reviewer");
  const head = await auditHead();
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto(`/sessions/local/${SMALL_SEED_1_SESSIONS.local}`);
  await expect(page.locator("article[data-message-id]").first()).toBeVisible();
  const loaded = await page.locator("article[data-message-id]").count();
  await page.getByText("Export", { exact: true }).click();
  const saved = await saveExport(page, "Markdown transcript");
  expect(saved.name).toBe(`${SMALL_SEED_1_SESSIONS.local}.md`);
  const markdown = saved.bytes.toString("utf8");
  expect(markdown).toMatch(/^# Session transcript: /);
  expect(markdown).toContain(`| Session id | \`${SMALL_SEED_1_SESSIONS.local}\` |`);
  expect(markdown.match(/^## \d+\. /gm)!.length).toBeGreaterThanOrEqual(loaded);
  await expect
    .poll(async () =>
      (await auditRows({ subject: reviewer.subject, action: "session_transcript.export", afterSeq: head })).map((row) => [row.outcome, row.params.sha256]),
    )
    .toEqual([
      ["intent", sha256(saved.bytes)],
      ["success", sha256(saved.bytes)],
    ]);
});
