import type { Page } from "@playwright/test";
import { ChatThreadPage, ProjectDetail } from "@/lib/schemas/console";
import { expect, readAuditRows, test } from "./support/fixtures";
import { SMALL_SEED_1 } from "@/tests/support/simulator-ids";
import { database, SESSION_COOKIE, stackInfo } from "./support/stack";

/** The small dataset's custodian with the most chats (lib/simulator/dataset/fixtures.ts, userWithManyChats). */
const CUSTODIAN_WITH_MANY_CHATS = { id: SMALL_SEED_1.user, email: "priya.sharma@acme-corp.example" };

/** The content reads the audit log holds for a user, in order. */
async function auditedReads(subject: string) {
  return (await readAuditRows({ subject })).filter((row) => row.outcome === "success");
}

/** Another tool of the organisation: its own key, the same shared budget (lib/simulator/dataset/api-keys.ts). */
const OTHER_TOOL_KEY = "sk-ant-api01-simulator-readonly";

const chatRows = (page: Page) => page.getByRole("region", { name: "Chats" }).locator("tbody tr");
const chatLinks = (page: Page) =>
  chatRows(page)
    .locator("td:first-child a")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href")));

test("a reviewer picks an organisation, finds a custodian by email and opens the chats of two custodians", async ({ page, signedInAs }) => {
  const session = await signedInAs("reviewer");
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

  const reads = await auditedReads(session.subject);
  expect(reads.map((read) => read.action)).toEqual(expect.arrayContaining(["organization.list", "user.list", "chat.list"]));
  expect(reads.find((read) => read.action === "user.list")).toMatchObject({ targetType: "organization", targetId: SMALL_SEED_1.organization });
  expect(String(reads.findLast((read) => read.action === "chat.list")?.params.userIds)).toContain(CUSTODIAN_WITH_MANY_CHATS.id);
});

test("a reviewer pages chats forward and back with the API's cursors", async ({ page, signedInAs }) => {
  const session = await signedInAs("reviewer");
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

  const pagings = (await auditedReads(session.subject))
    .filter((read) => read.action === "chat.list")
    .map((read) => Object.keys(read.params).filter((key) => key === "after" || key === "before"));
  expect(pagings).toEqual(expect.arrayContaining([["after"], ["before"]]));
});

test("a soft-deleted chat is marked as deleted by its user, with its name removed", async ({ page, request, signedInAs }) => {
  const { token } = await signedInAs("reviewer");
  const response = await request.get(`/api/chats/${SMALL_SEED_1.softDeletedChat}/messages?limit=1`, { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
  const owner = ChatThreadPage.parse(await response.json()).chat.owner;
  expect(owner).not.toBeNull();

  await page.goto(`/chats?users=${owner!.id}&limit=200`);
  const deletedRow = chatRows(page).filter({ has: page.locator(`a[href="/chats/${SMALL_SEED_1.softDeletedChat}"]`) });
  await expect(deletedRow).toContainText("Deleted by user");
  await expect(deletedRow).toContainText("(name removed)");
  const shown = await chatRows(page).count();

  await page.getByLabel("Hide chats deleted in claude.ai").check();
  await page.getByRole("button", { name: "Show chats" }).click();
  await expect(page).toHaveURL(/hideDeleted=1/);
  await expect(page.getByTestId("hidden-deleted")).toContainText(/\d+ chats? deleted by (its|their) users? hidden on this page/);
  const hidden = Number((await page.getByTestId("hidden-deleted").textContent())!.match(/\d+/)![0]);
  await expect(deletedRow).toHaveCount(0);
  await expect(chatRows(page)).toHaveCount(shown - hidden);
  await expect(chatRows(page).filter({ hasText: "Deleted by user" })).toHaveCount(0);
});

test("a filter combination the API refuses is explained and not requested", async ({ page, signedInAs }) => {
  await signedInAs("reviewer");
  await page.goto(`/chats?org=${SMALL_SEED_1.organization}&project=${SMALL_SEED_1.project}`);
  await expect(page.getByRole("alert").filter({ hasText: "nothing was requested" })).toContainText(
    "The project filter works only together with selected users",
  );
  await expect(page.getByRole("button", { name: "Show chats" })).toBeDisabled();

  await page.getByLabel("Users").fill(CUSTODIAN_WITH_MANY_CHATS.id);
  await expect(page.getByRole("button", { name: "Show chats" })).toBeEnabled();
  await page.getByLabel("Order").selectOption("updated_at");
  await expect(page.getByText("Chats of selected users can only be sorted by creation time")).toBeVisible();
});

test("an auditor is sent to the no-access page", async ({ page, signedInAs }) => {
  await signedInAs("auditor");
  await page.goto("/custodians");
  await expect(page).toHaveURL(/\/no-access\?reason=forbidden$/);
  await page.goto("/chats");
  await expect(page).toHaveURL(/\/no-access\?reason=forbidden$/);
});

test("a reviewer opens a project: instructions, attachments, collaborators and its chats, each read audited", async ({ page, request, signedInAs }) => {
  const session = await signedInAs("reviewer");
  const detail = ProjectDetail.parse(
    await (await request.get(`/api/projects/${SMALL_SEED_1.project}`, { headers: { cookie: `${SESSION_COOKIE}=${session.token}` } })).json(),
  );

  await page.goto("/projects");
  await expect(page).toHaveURL(/\/projects\?org=/);
  await page.getByLabel("Organisation").selectOption(detail.project.organizationUuid!);
  await expect(page).toHaveURL(new RegExp(`org=${detail.project.organizationUuid}`));
  const projects = page.getByRole("region", { name: "Projects" });
  const projectLink = projects.locator(`a[href="/projects/${SMALL_SEED_1.project}"]`);
  await expect(projects.locator("tbody tr").first()).toBeVisible();
  while (!(await projectLink.isVisible())) await projects.getByRole("button", { name: "Load more projects" }).click();
  await projectLink.click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(detail.project.name);
  await expect(page.getByRole("region", { name: "Instructions" })).toContainText((detail.project.instructions ?? "No custom instructions.").split("\n")[0]!);
  const attachments = page.getByRole("region", { name: "Attachments" }).locator("tbody tr");
  await expect(attachments).toHaveCount(detail.attachments.length);
  for (const attachment of detail.attachments) {
    const view = attachment.kind === "project_document" ? "/project-documents/" : "/files/";
    await expect(page.locator(`a[href="${view}${attachment.id}"]`)).toHaveCount(1);
  }
  await expect(page.getByRole("region", { name: "Collaborators" }).locator("tbody tr")).toHaveCount(detail.collaborators.length);
  await page.getByText("The project's raw JSON").click();
  const rawProject = JSON.parse(detail.projectJson) as { id: string; chats_count: unknown };
  expect(rawProject.id).toBe(SMALL_SEED_1.project);
  await expect(page.locator("pre[data-raw-json]")).toContainText(`"chats_count": ${JSON.stringify(rawProject.chats_count)}`);
  const chats = page.getByRole("region", { name: "Chats" });
  await expect(chats.getByText(/lists a project's chats only per user/)).toBeVisible();
  await expect(chats.locator("tbody tr").first()).toBeVisible();
  const projectCells = await chats.locator("tbody tr td:nth-child(4)").allTextContents();
  expect(projectCells.every((cell) => cell === SMALL_SEED_1.project)).toBe(true);

  const reads = await auditedReads(session.subject);
  expect(reads.map((read) => read.action)).toEqual(expect.arrayContaining(["project.list", "project.view", "chat.list"]));
  expect(reads.find((read) => read.action === "chat.list" && read.targetType === "project")).toMatchObject({ targetId: SMALL_SEED_1.project });
});

test("the organisation a reviewer chose is remembered on the server, so another browser opens it", async ({ page, baseURL, browser, signedInAs }) => {
  const session = await signedInAs("reviewer");
  await page.goto("/custodians");
  await page.getByLabel("Organisation").selectOption("8cfa8135-64d2-445d-8132-5de57e8888b7");
  await expect(page).toHaveURL(/org=8cfa8135-64d2-445d-8132-5de57e8888b7/);
  await expect
    .poll(
      async () =>
        (
          await database().query(
            "SELECT 1 FROM reviewer_preference p JOIN app_user u ON u.id = p.user_id WHERE u.subject = $1 AND p.selected_organization_uuid = $2",
            [session.subject, "8cfa8135-64d2-445d-8132-5de57e8888b7"],
          )
        ).rowCount,
    )
    .toBe(1);

  const otherBrowser = await browser.newContext({ baseURL });
  await otherBrowser.addCookies([{ name: SESSION_COOKIE, value: session.token, url: baseURL!, httpOnly: true, sameSite: "Lax" }]);
  const other = await otherBrowser.newPage();
  await other.goto("/projects");
  await expect(other).toHaveURL(/\/projects\?org=8cfa8135-64d2-445d-8132-5de57e8888b7/);
  await expect(other.getByLabel("Organisation")).toHaveValue("8cfa8135-64d2-445d-8132-5de57e8888b7");
  await otherBrowser.close();
});

test("picking the organisation already in view changes nothing: no navigation that would drop the filter from the link", async ({ page, signedInAs }) => {
  await signedInAs("reviewer");
  const remembered: unknown[] = [];
  page.on("request", (request) => {
    if (request.method() === "PUT" && new URL(request.url()).pathname === "/api/preferences/organization") remembered.push(request.postDataJSON());
  });
  await page.goto("/custodians");
  await expect(page).toHaveURL(/\/custodians\?org=/);
  const inView = await page.getByLabel("Organisation").inputValue();
  const other = "8cfa8135-64d2-445d-8132-5de57e8888b7";
  expect(inView).not.toBe(other);

  // A choice is remembered, then navigated to: the second choice's request comes after any the first made.
  await page.getByLabel("Organisation").selectOption(inView);
  await page.getByLabel("Organisation").selectOption(other);
  await expect(page).toHaveURL(new RegExp(`org=${other}`));
  expect(remembered).toEqual([{ orgUuid: other }]);
});

test.describe("the Compliance API budget", () => {
  test.afterEach(async ({ simulator }) => {
    await simulator.clearFaults();
    await simulator.reset();
  });

  test("is shown when it runs low", async ({ page, signedInAs }) => {
    await signedInAs("reviewer");
    // Another tool of the organisation spends most of the minute's shared budget.
    const spend = async () => {
      const response = await fetch(new URL("/v1/compliance/organizations", stackInfo().apiBaseUrl), { headers: { "x-api-key": OTHER_TOOL_KEY } });
      expect(response.status).toBe(200);
      return Number(response.headers.get("anthropic-ratelimit-requests-remaining"));
    };
    let remaining = await spend();
    while (remaining > 60) remaining = Math.min(...(await Promise.all(Array.from({ length: 20 }, spend))));

    await page.goto(`/chats?org=${SMALL_SEED_1.organization}`);
    await expect(chatRows(page).first()).toBeVisible();
    await expect(page.getByRole("status", { name: "Compliance API budget" })).toContainText(
      /Compliance API budget low: \d+ of \d+ requests left until \d\d:\d\d:\d\d UTC/,
    );
  });

  test("used up: the page says so with the API's wait, and Retry loads the data once it is back", async ({ page, signedInAs, simulator }) => {
    await signedInAs("reviewer");
    // Until the minute is over, the API refuses every request.
    await simulator.setFaults([{ fault: { type: "rate_limit", retryAfterSeconds: 45 } }]);
    await page.goto(`/chats?org=${SMALL_SEED_1.organization}`);
    const failure = page.getByRole("alert").filter({ hasText: "budget for this minute is used up" });
    await expect(failure).toBeVisible();
    await expect(failure).toContainText(/request [0-9a-f-]+/);
    await expect(page.getByRole("status", { name: "Compliance API budget" })).toContainText("Compliance API budget used up until");

    await simulator.clearFaults();
    await failure.getByRole("button", { name: "Retry" }).click();
    await expect(chatRows(page).first()).toBeVisible();
    await expect(page.getByRole("status", { name: "Compliance API budget" })).toHaveCount(0);
  });
});

test("from a list to a thread and back, within the stale time, the list is neither read from the API nor audited again", async ({
  page,
  signedInAs,
  simulator,
}) => {
  const session = await signedInAs("reviewer");
  await page.goto(`/chats?org=${SMALL_SEED_1.organization}`);
  await expect(chatRows(page).first()).toBeVisible();
  const listed = await chatLinks(page);

  await chatRows(page).locator("td:first-child a").first().click();
  await expect(page).toHaveURL(/\/chats\/claude_chat_/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("article").first()).toBeVisible();
  // The header's count of the whole chat is the thread's last read.
  await expect(page.getByTestId("whole-chat-count")).toBeVisible();
  const lastUpstreamRequest = (await simulator.requests()).at(-1);
  const readsBefore = (await auditedReads(session.subject)).length;

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/chats\\?org=${SMALL_SEED_1.organization}`));
  expect(await chatLinks(page)).toEqual(listed);
  expect((await simulator.requests()).at(-1)).toEqual(lastUpstreamRequest);
  expect((await auditedReads(session.subject)).length).toBe(readsBefore);
});
