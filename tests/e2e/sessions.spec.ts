import { expect, test } from "./support/fixtures";
import { arriveHome } from "./support/journey";
import { SMALL_SEED_1, SMALL_SEED_1_SESSIONS as SESSIONS } from "@/tests/support/simulator-ids";

// Cowork and Claude Code sessions, reached as a reviewer reaches them: from sign-in and the home page.

test("a reviewer finds a session from the home page and reads its transcript: the marker, tool calls, the API's own JSON; all audited", async ({
  page,
  auditHead,
  auditRows,
}) => {
  const head = await auditHead();
  await arriveHome(page, "reviewer@docket.test");
  await page.getByRole("banner").getByRole("link", { name: "Sessions" }).click();
  await expect(page).toHaveURL(/\/sessions$/);
  const sessions = page.getByRole("region", { name: "Sessions" });
  await expect(sessions.locator("tbody tr").first()).toBeVisible();
  await sessions.locator(`a[href="/sessions/local/${SESSIONS.local}"]`).click();

  await expect(page).toHaveURL(new RegExp(`/sessions/local/${SESSIONS.local}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/session$/);
  await expect(page.getByText("On a person's machine")).toBeVisible();
  const rows = page.locator("article[data-message-id]");
  await expect(rows.first()).toBeVisible();
  // The API's stand-in for the system prompt is said to be the API's own, not a person's words.
  const marker = rows.first();
  await expect(marker.locator('[data-notice="synthetic_marker"]')).toContainText("Marker written by the API");
  await expect(marker).toContainText("[system prompt content not shown]");
  // Flagged truncated by the API, yet nothing more exists to load: only tool blocks are read again in full.
  await expect(marker.getByRole("button", { name: "Load untruncated" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: /^Tool call (Read|Bash|Edit|Grep)$/ }).first()).toBeVisible();

  await marker.getByRole("button", { name: "Raw JSON" }).click();
  const raw = JSON.parse(await marker.locator("pre").last().innerText()) as Record<string, unknown>;
  expect(raw).toMatchObject({ type: "compliance_local_session_message", provenance: { type: "synthetic_marker" } });

  await page.getByLabel("Search loaded messages").fill("system prompt");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByRole("status").filter({ hasText: /1 of \d+|\d+ in the loaded messages/ })).toBeVisible();

  await expect
    .poll(async () => (await auditRows({ afterSeq: head, email: "reviewer@docket.test" })).map((row) => row.action))
    .toEqual(expect.arrayContaining(["session_transcript.list", "session_transcript.view"]));
  const [view] = await auditRows({ afterSeq: head, action: "session_transcript.view" });
  expect(view).toMatchObject({ targetType: "local_session", targetId: SESSIONS.local, upstreamRequestId: expect.stringMatching(/^req_\S+ req_\S+$/) });
});

test("a session captured without content says so on each message, and why", async ({ page, signedInAs }) => {
  await signedInAs("reviewer");
  await page.goto(`/sessions/local/${SESSIONS.localNotCaptured}`);
  const unavailable = page.locator('[data-notice="content_unavailable"]');
  await expect(unavailable.first()).toContainText("Content unavailable");
  await expect(unavailable.first()).toContainText("customer-managed encryption keys");
  // The header counts them among the loaded messages.
  await expect(page.getByText(/^\d+ messages$/)).toBeVisible();
});

test("remote sessions: the status, and an agent's session named by its agent and the person who started it", async ({ page, signedInAs }) => {
  await signedInAs("reviewer");
  await page.goto("/sessions");
  await page.getByLabel("Where they ran").selectOption("remote");
  await page.getByRole("button", { name: "Show sessions" }).click();
  await expect(page).toHaveURL(/kind=remote/);
  const sessions = page.getByRole("region", { name: "Sessions" });
  const agentRow = sessions.locator("tr", { has: page.locator(`a[href="/sessions/remote/${SESSIONS.remoteAgentOwned}"]`) });
  await expect(agentRow).toContainText(/Agent cagt_\S+, started by /);

  await sessions.locator(`a[href="/sessions/remote/${SESSIONS.remoteActive}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/sessions/remote/${SESSIONS.remoteActive}$`));
  await expect(page.getByText("In Anthropic's cloud", { exact: true })).toBeVisible();
  await expect(page.getByText("Status: active")).toBeVisible();
  await expect(page.locator("article[data-message-id]").first()).toBeVisible();
});

test("a pending remote session has no transcript yet: the API's answer is shown, and nothing breaks", async ({ page, signedInAs }) => {
  await signedInAs("reviewer");
  await page.goto(`/sessions/remote/${SESSIONS.remotePending}`);
  await expect(page.getByRole("alert").filter({ hasText: "Remote session not found." })).toContainText(/upstream req_\S+/);
  await expect(page.getByRole("button", { name: "Retry" })).toBeVisible();
});

test("a deep link opens the transcript at its message", async ({ page, signedInAs }) => {
  await signedInAs("reviewer");
  await page.goto(`/sessions/local/${SESSIONS.local}`);
  const third = page.locator("article[data-message-id]").nth(2);
  const messageId = (await third.getAttribute("data-message-id"))!;
  await page.goto(`/sessions/local/${SESSIONS.local}?message=${messageId}`);
  await expect(page.locator(`article[data-message-id="${messageId}"]`)).toHaveAttribute("aria-current", "true");
});

test("a custodian's page lists their chats and both kinds of session together, newest first, each opening its own view", async ({ page, signedInAs }) => {
  await signedInAs("reviewer");
  await page.goto(`/custodians/${SMALL_SEED_1.user}`);
  const timeline = page.getByRole("region", { name: "Chats and sessions" });
  await expect(timeline.locator("tbody tr").first()).toBeVisible();
  for (const kind of ["Chat", "Session on their machine", "Session in the cloud"]) {
    await expect(timeline.locator("tbody tr").filter({ hasText: kind }).first()).toBeVisible();
  }
  const times = await timeline.locator("tbody tr td:nth-child(3)").allInnerTexts();
  expect(times.length).toBeGreaterThan(2);
  expect([...times].sort().reverse()).toEqual(times);

  await timeline.locator(`a[href="/sessions/local/${SESSIONS.local}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/sessions/local/${SESSIONS.local}$`));
  await expect(page.getByText("On a person's machine", { exact: true })).toBeVisible();
});
