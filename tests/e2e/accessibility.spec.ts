import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { SMALL_SEED_1, SMALL_SEED_1_ARTIFACTS, SMALL_SEED_1_FILES, SMALL_SEED_1_SESSIONS } from "@/tests/support/simulator-ids";
import { expect, test } from "./support/fixtures";
import type { Persona } from "./support/stack";

/** Every page of the console, as the persona who may see it, once it has loaded what it shows. */
const PAGES: Array<{ path: string; persona: Persona | null; ready: (page: Page) => Promise<void> }> = [
  { path: "/signin", persona: null, ready: (page) => expect(page.getByRole("button", { name: "Sign in with SSO" })).toBeVisible() },
  { path: "/no-access", persona: "nobody", ready: (page) => expect(page.getByText("Your account has no Docket role.")).toBeVisible() },
  { path: "/", persona: "approver", ready: (page) => expect(page.getByRole("region", { name: "System status" })).toBeVisible() },
  {
    path: "/code-artifacts",
    persona: "reviewer",
    ready: (page) => expect(page.getByRole("region", { name: "Code artifacts" }).locator("tbody tr").first()).toBeVisible(),
  },
  {
    path: "/custodians",
    persona: "reviewer",
    ready: (page) => expect(page.getByRole("region", { name: "Custodians" }).locator("tbody tr").first()).toBeVisible(),
  },
  {
    path: `/chats?org=${SMALL_SEED_1.organization}`,
    persona: "reviewer",
    ready: (page) => expect(page.getByRole("region", { name: "Chats" }).locator("tbody tr").first()).toBeVisible(),
  },
  {
    path: `/custodians/${SMALL_SEED_1.user}`,
    persona: "reviewer",
    ready: (page) => expect(page.getByRole("region", { name: "Chats and sessions" }).locator("tbody tr").first()).toBeVisible(),
  },
  {
    path: "/activity?from=2026-09-01T00:00:00Z&before=2026-10-01T00:00:00Z",
    persona: "reviewer",
    ready: async (page) => {
      await expect(page.getByRole("region", { name: "Activities" }).locator("tbody tr").first()).toBeVisible();
      await expect(page.getByRole("img", { name: /^Activity over time/ }).locator("canvas")).toBeVisible();
    },
  },
  {
    path: `/directory?org=${SMALL_SEED_1.organization}`,
    persona: "reviewer",
    ready: (page) => expect(page.getByRole("region", { name: "Compliance API keys" }).locator("tbody tr").first()).toBeVisible(),
  },
  { path: "/api-usage", persona: "auditor", ready: (page) => expect(page.getByRole("region", { name: "Reconciliation" })).toBeVisible() },
  {
    path: "/sessions?kind=remote",
    persona: "reviewer",
    ready: (page) => expect(page.getByRole("region", { name: "Sessions" }).locator("tbody tr").first()).toBeVisible(),
  },
  {
    path: `/sessions/local/${SMALL_SEED_1_SESSIONS.local}`,
    persona: "reviewer",
    ready: (page) => expect(page.locator("article[data-message-id]").first()).toBeVisible(),
  },
  { path: `/chats/${SMALL_SEED_1.chat}`, persona: "reviewer", ready: (page) => expect(page.locator("article[data-message-id]").first()).toBeVisible() },
  {
    path: `/projects?org=${SMALL_SEED_1.organization}`,
    persona: "reviewer",
    ready: (page) => expect(page.getByRole("region", { name: "Projects" })).toBeVisible(),
  },
  { path: `/projects/${SMALL_SEED_1.project}`, persona: "reviewer", ready: (page) => expect(page.getByRole("heading", { level: 1 })).toBeVisible() },
  {
    path: `/files/${SMALL_SEED_1_FILES.files.csv}`,
    persona: "reviewer",
    ready: (page) => expect(page.getByRole("status").filter({ hasText: "MD5 verified" })).toBeVisible(),
  },
  {
    path: `/generated-files/${SMALL_SEED_1_FILES.generatedFiles.csv}`,
    persona: "reviewer",
    ready: (page) => expect(page.getByRole("heading", { level: 1 })).toBeVisible(),
  },
  {
    path: `/artifacts/${SMALL_SEED_1_ARTIFACTS.markdown[0]}`,
    persona: "reviewer",
    ready: (page) => expect(page.getByRole("region", { name: "Content" })).toBeVisible(),
  },
  {
    path: `/project-documents/${SMALL_SEED_1_ARTIFACTS.projectDocument}`,
    persona: "reviewer",
    ready: (page) => expect(page.getByRole("region", { name: "Content" })).toBeVisible(),
  },
  { path: "/approvals", persona: "approver", ready: (page) => expect(page.getByRole("heading", { level: 1 })).toHaveText("Deletion approvals") },
  {
    path: "/collections",
    persona: "reviewer",
    ready: (page) => expect(page.getByRole("table", { name: "Collections" }).or(page.getByText("No collection yet."))).toBeVisible(),
  },
  {
    path: "/collections/new",
    persona: "reviewer",
    ready: (page) => expect(page.getByRole("group", { name: "Whole organisations" }).getByRole("checkbox").first()).toBeVisible(),
  },
  { path: "/legal-holds", persona: "admin", ready: (page) => expect(page.getByRole("form", { name: "Place a legal hold" })).toBeVisible() },
  { path: "/people", persona: "admin", ready: (page) => expect(page.getByRole("article").first()).toBeVisible() },
  { path: "/audit", persona: "auditor", ready: (page) => expect(page.getByRole("cell").first()).toBeVisible() },
];

/** Records what the page's Content-Security-Policy blocks, from the first byte of every document. */
const recordCspViolations = () => {
  const seen: string[] = [];
  (window as { __cspViolations?: string[] }).__cspViolations = seen;
  document.addEventListener("securitypolicyviolation", (event) =>
    seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`),
  );
};

/** The serious and critical WCAG 2.1 A/AA violations axe finds on the page as it is now. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ rule: violation.id, help: violation.help, nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")) }));
}

for (const { path, persona, ready } of PAGES) {
  test(`${path} (${persona ?? "anonymous"}) has no serious or critical accessibility violation in light or dark, and nothing its CSP blocks`, async ({
    page,
    signedInAs,
  }) => {
    await page.emulateMedia({ colorScheme: "light" });
    if (persona) await signedInAs(persona);
    await page.addInitScript(recordCspViolations);
    const response = await page.goto(path);
    await ready(page);
    // Server-rendered controls wait in a disabled fieldset until the scripts take them over: axe reads the page a reviewer uses.
    await expect(page.locator("fieldset[disabled]")).toHaveCount(0);
    expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    expect(await seriousViolations(page), "light").toEqual([]);
    // The colours follow the system's scheme in CSS alone, so the same page turns dark without a reload.
    await page.emulateMedia({ colorScheme: "dark" });
    await expect.poll(() => page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(true);
    expect(await seriousViolations(page), "dark").toEqual([]);
    expect(await page.evaluate(() => (window as { __cspViolations?: string[] }).__cspViolations)).toEqual([]);
  });
}

test("the skip link is the first stop of the keyboard and moves focus to the page's content", async ({ page, signedInAs }) => {
  await signedInAs("reviewer");
  await page.goto("/custodians");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});
