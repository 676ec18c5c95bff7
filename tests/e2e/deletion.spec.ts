import { request, type Page } from "@playwright/test";
import { DeletionPreparation, DeletionRequestDto, type DeletionCapability } from "@/lib/schemas/deletions";
import { SMALL_SEED_1_DELETIONS } from "@/tests/support/simulator-ids";
import { expect, test } from "./support/fixtures";
import { database, type Persona, seedSession, SESSION_COOKIE, simulatorControl } from "./support/stack";

/**
 * Chats and projects of the `small` dataset, seed 1 (lib/simulator/dataset), one per test so no test
 * finds another's request open. Every test that deletes resets the simulator afterwards, so later
 * specs and reruns find them again.
 */
const { chats: CHATS, projectWithAChat: PROJECT_WITH_A_CHAT, projectRefused: PROJECT_REFUSED } = SMALL_SEED_1_DELETIONS;

/** The DELETEs the simulator received for one object. */
async function deletesOf(objectId: string): Promise<Array<{ path: string; status: number }>> {
  const log = (await (await simulatorControl("/_simulator/requests", "GET")).json()) as { data: Array<{ method: string; path: string; status: number }> };
  return log.data.filter((entry) => entry.method === "DELETE" && entry.path.endsWith(`/${objectId}`));
}

test.afterEach(async ({ simulator }) => {
  await simulator.reset();
});

/** Docket's API as one person, for what the UI would never send. */
async function apiAs(token: string, baseURL: string) {
  return request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL, cookie: `${SESSION_COOKIE}=${token}` } });
}

const deleteDialog = (page: Page) => page.getByRole("dialog");

/** Opens the delete dialog of the object on the page and fills the reason and reference. */
async function openDialogAndFill(page: Page, button: string, reference: string) {
  await page.getByRole("button", { name: button }).click();
  const dialog = deleteDialog(page);
  await expect(dialog.getByTestId("destruction-summary")).toBeVisible();
  await dialog.getByRole("radio", { name: "Retention policy" }).check();
  await dialog.getByLabel("Reference (ticket, matter or case number)").fill(reference);
  return dialog;
}

/** Requests a chat's deletion from its page, typing its id; returns the request's id. */
async function requestChatDeletion(page: Page, chatId: string, reference: string): Promise<string> {
  await page.goto(`/chats/${chatId}`);
  const dialog = await openDialogAndFill(page, "Delete chat…", reference);
  await dialog.getByLabel(/Type the chat's name or id to confirm/).fill(chatId);
  await dialog.getByRole("button", { name: "Request deletion", exact: true }).click();
  await expect(dialog.getByText("Request created: the chat is deleted only once a second person approves it.")).toBeVisible();
  const href = await dialog.getByRole("link", { name: "Open the deletion request" }).getAttribute("href");
  return href!.split("/").pop()!;
}

/** The approver's card for one object in the queue. */
const queueCard = (page: Page, kind: string, name: string) => page.getByRole("article", { name: `Deletion request for ${kind} ${name}` });

test("four eyes: a reviewer requests, cannot approve, an approver approves, and exactly one DELETE removes the chat", async ({
  page,
  baseURL,
  signedInAs,
  personIn,
}) => {
  const reviewer = await signedInAs("reviewer");
  await page.goto(`/chats/${CHATS.fourEyes.id}`);
  const dialog = await openDialogAndFill(page, "Delete chat…", "LEGAL-101");
  await expect(dialog).toHaveAccessibleName("Delete chat");
  await expect(dialog.getByTestId("destruction-summary")).toContainText(CHATS.fourEyes.name);
  await expect(dialog.getByTestId("destruction-summary")).toContainText(/with all of its \d+ messages?/);
  await dialog.getByLabel(/Type the chat's name or id to confirm/).fill(CHATS.fourEyes.name);
  // A double click sends the same idempotency key twice at most: one request.
  await dialog.getByRole("button", { name: "Request deletion", exact: true }).dblclick();
  await expect(dialog.getByText("Request created: the chat is deleted only once a second person approves it.")).toBeVisible();
  await expect(dialog.getByTestId("deletion-status")).toContainText("Waiting for approval");
  const requestId = (await dialog.getByRole("link", { name: "Open the deletion request" }).getAttribute("href"))!.split("/").pop()!;
  const rows = await database().query("SELECT id, status FROM deletion_request WHERE target_id = $1", [CHATS.fourEyes.id]);
  expect(rows.rows).toEqual([{ id: requestId, status: "requested" }]);

  // The reviewer sees it waiting, with no way to approve it; the server refuses if forced.
  await page.goto("/approvals");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your deletion requests");
  const ownCard = queueCard(page, "chat", CHATS.fourEyes.name);
  await expect(ownCard).toContainText("Waiting for a person with the approver role to decide it.");
  await expect(ownCard.getByRole("button", { name: /Approve/ })).toHaveCount(0);
  const reviewerApi = await apiAs(reviewer.token, baseURL!);
  expect((await reviewerApi.post(`/api/deletions/${requestId}/approve`, { data: { comment: "my own" } })).status()).toBe(403);
  await reviewerApi.dispose();
  expect(await deletesOf(CHATS.fourEyes.id)).toEqual([]);

  // The approver decides it from the queue: what, who, why, reference, age and expiry, then approves with a comment.
  const approver = await personIn("approver");
  await approver.goto("/approvals");
  const card = queueCard(approver, "chat", CHATS.fourEyes.name);
  await expect(card).toContainText(`${reviewer.subject}@docket.test`);
  await expect(card).toContainText("Retention policy");
  await expect(card).toContainText("LEGAL-101");
  await expect(card).toContainText(/Requested: .* UTC \((just now|\d+ min ago)\)/);
  await expect(card).toContainText(/Expires: .* UTC \(in \d+ (h|days)\)/);
  const approve = card.getByRole("button", { name: "Approve and delete the chat" });
  await expect(approve).toBeDisabled();
  await card.getByLabel("Comment (required to approve or reject)").fill("Retention period over, checked with the DPO.");
  await approve.click();
  const decided = approver.getByRole("region", { name: "Just decided" });
  // The worker executes it; the card follows the request until it settles.
  await expect(decided.getByTestId("deletion-status")).toContainText("Deleted", { timeout: 15_000 });
  await expect(decided.getByTestId("deletion-status")).toContainText("The Compliance API confirmed the deletion");

  const deletes = await deletesOf(CHATS.fourEyes.id);
  expect(deletes).toEqual([expect.objectContaining({ status: 200 })]);

  // The chat is gone upstream, and its request page shows it deleted, with its whole life.
  await page.goto(`/chats/${CHATS.fourEyes.id}`);
  await expect(page.getByRole("alert").filter({ hasText: "It may have been deleted" })).toBeVisible();
  await page.goto(`/deletions/${requestId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Deleted", { timeout: 15_000 });
  const facts = page.getByRole("region", { name: "Decision and execution" });
  await expect(facts).toContainText("Retention period over, checked with the DPO.");
  await expect(facts).toContainText(/Snapshot SHA-256: [0-9a-f]{64}/);
  const history = page.getByRole("region", { name: /^History/ });
  for (const action of ["deletion.requested", "deletion.approved", "deletion.snapshot", "deletion.executing", "deletion.succeeded"]) {
    await expect(history.getByText(action, { exact: true })).toBeVisible();
  }
  await expect(history).toContainText(`${reviewer.subject}@docket.test`);
  await approver.context().close();
});

test("an approver cannot approve their own request, and may cancel it while it waits", async ({ page, baseURL, signedInAs }) => {
  const approver = await signedInAs("approver");
  const requestId = await requestChatDeletion(page, CHATS.ownRequest.id, "LEGAL-102");

  await page.goto("/approvals");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deletion approvals");
  const card = queueCard(page, "chat", CHATS.ownRequest.name);
  await expect(card).toContainText("You made this request, so you cannot approve or reject it: another approver must.");
  await expect(card.getByRole("button", { name: /Approve|Reject/ })).toHaveCount(0);
  const api = await apiAs(approver.token, baseURL!);
  const forced = await api.post(`/api/deletions/${requestId}/approve`, { data: { comment: "my own" } });
  expect(forced.status()).toBe(403);
  expect(((await forced.json()) as { error: { code: string } }).error.code).toBe("own_request");
  await api.dispose();

  await card.getByRole("button", { name: "Cancel the request" }).click();
  await expect(page.getByRole("region", { name: "Just decided" }).getByTestId("deletion-status")).toContainText("Cancelled");
  await expect(card).toHaveCount(0);
  expect(await deletesOf(CHATS.ownRequest.id)).toEqual([]);
});

test("an approver rejects a request with a required comment; the requester reads why, and nothing is deleted", async ({ page, signedInAs, personIn }) => {
  await signedInAs("reviewer");
  const requestId = await requestChatDeletion(page, CHATS.rejected.id, "LEGAL-103");

  const approver = await personIn("approver");
  await approver.goto(`/deletions/${requestId}`);
  const reject = approver.getByRole("button", { name: "Reject" });
  await expect(reject).toBeDisabled();
  await approver.getByLabel("Comment (required to approve or reject)").fill("Under review by litigation counsel; keep it.");
  await reject.click();
  await expect(approver.getByRole("heading", { level: 1 })).toContainText("Rejected");

  await page.goto(`/deletions/${requestId}`);
  await expect(page.getByTestId("deletion-status")).toContainText("Under review by litigation counsel; keep it.");
  await expect(page.getByRole("region", { name: /^History/ }).getByText("deletion.rejected", { exact: true })).toBeVisible();
  expect(await deletesOf(CHATS.rejected.id)).toEqual([]);
  await approver.context().close();
});

test("the delete dialog names the legal hold that covers the chat, and offers no confirmation", async ({ page, baseURL, signedInAs }) => {
  const admin = await seedSession("admin");
  const adminApi = await apiAs(admin.token, baseURL!);
  const created = await adminApi.post("/api/legal-holds", {
    data: {
      matterName: "Globex v. Acme (e2e)",
      reason: "Litigation hold",
      startsOn: new Date().toISOString().slice(0, 10),
      scope: { chatIds: [CHATS.held.id] },
    },
  });
  expect(created.status()).toBe(201);
  const holdId = ((await created.json()) as { id: string }).id;
  try {
    await signedInAs("reviewer");
    await page.goto(`/chats/${CHATS.held.id}`);
    await page.getByRole("button", { name: "Delete chat…" }).click();
    const dialog = deleteDialog(page);
    await expect(dialog.getByRole("alert")).toContainText("Under legal hold: this cannot be deleted.");
    await expect(dialog.getByRole("list", { name: "Legal holds covering it" })).toContainText("Globex v. Acme (e2e)");
    await expect(dialog.getByRole("button", { name: "Request deletion", exact: true })).toHaveCount(0);
    await expect(dialog.getByLabel(/Type the chat's name or id/)).toHaveCount(0);
  } finally {
    expect((await adminApi.post(`/api/legal-holds/${holdId}/release`, { data: { reason: "e2e done" } })).status()).toBe(200);
    await adminApi.dispose();
  }
});

test("confirming needs the exact name or id typed; Escape closes the dialog and gives focus back", async ({ page, signedInAs }) => {
  await signedInAs("reviewer");
  await page.goto(`/chats/${CHATS.typedGate.id}`);
  const dialog = await openDialogAndFill(page, "Delete chat…", "LEGAL-104");
  const typed = dialog.getByLabel(/Type the chat's name or id to confirm/);
  const confirm = dialog.getByRole("button", { name: "Request deletion", exact: true });
  await expect(confirm).toBeDisabled();
  for (const wrong of ["ترجمة العقد", `${CHATS.typedGate.name}x`, CHATS.typedGate.id.toUpperCase(), CHATS.typedGate.id.slice(0, -1)]) {
    await typed.fill(wrong);
    await expect(confirm).toBeDisabled();
  }
  await typed.fill(CHATS.typedGate.name);
  await expect(confirm).toBeEnabled();
  await typed.fill(CHATS.typedGate.id);
  await expect(confirm).toBeEnabled();
  // "Other" needs its text before anything is confirmed.
  await dialog.getByRole("radio", { name: "Other" }).check();
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("What is the reason?").fill("Court order 12/2026");
  await expect(confirm).toBeEnabled();

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Delete chat…" })).toBeFocused();
  const rows = await database().query("SELECT id FROM deletion_request WHERE target_id = $1", [CHATS.typedGate.id]);
  expect(rows.rows).toEqual([]);
});

test("a project with a chat: the dialog lists the chat, its deletion is requested first, then the project's, each approved", async ({
  page,
  signedInAs,
  personIn,
}) => {
  await signedInAs("reviewer");
  const approver = await personIn("approver");
  await page.goto(`/projects/${PROJECT_WITH_A_CHAT.id}`);
  const dialog = await openDialogAndFill(page, "Delete project…", "LEGAL-105");
  await expect(dialog.getByTestId("destruction-summary")).toContainText("with its 2 documents and 0 files; its 1 chat must be deleted before it");
  const chatsFirst = dialog.getByRole("region", { name: "Chats to delete first" });
  await expect(chatsFirst).toContainText("the Compliance API refuses to delete a project with chats (409)");
  await expect(dialog.getByRole("button", { name: "Request deletion", exact: true })).toBeDisabled();
  const chatId = (await chatsFirst.getByRole("link").first().getAttribute("href"))!.split("/").pop()!;

  // The chat first, in the same dialog; the reason and reference come along, the typed confirmation does not.
  await chatsFirst.getByRole("button", { name: "Request deletion of this chat" }).click();
  await expect(dialog).toHaveAccessibleName("Delete a chat of the project first");
  await expect(dialog.getByRole("radio", { name: "Retention policy" })).toBeChecked();
  await expect(dialog.getByLabel("Reference (ticket, matter or case number)")).toHaveValue("LEGAL-105");
  await dialog.getByLabel(/Type the chat's (name or )?id to confirm/).fill(chatId);
  await dialog.getByRole("button", { name: "Request deletion", exact: true }).click();
  await expect(dialog.getByText("Request created: the chat is deleted only once a second person approves it.")).toBeVisible();
  const chatRequest = (await dialog.getByRole("link", { name: "Open the deletion request" }).getAttribute("href"))!;

  await approver.goto(chatRequest);
  await approver.getByLabel("Comment (required to approve or reject)").fill("Chat first, as the API requires.");
  await approver.getByRole("button", { name: "Approve and delete the chat" }).click();
  await expect(approver.getByRole("heading", { level: 1 })).toContainText("Deleted", { timeout: 15_000 });

  // Back to the project: it is read again, now without chats, and may be requested.
  await dialog.getByRole("button", { name: "Back to the project" }).click();
  await expect(dialog).toHaveAccessibleName("Delete project");
  await expect(dialog.getByTestId("destruction-summary")).toContainText("with its 2 documents and 0 files, and no chats");
  await dialog.getByLabel(/Type the project's name or id to confirm/).fill(PROJECT_WITH_A_CHAT.name);
  await dialog.getByRole("button", { name: "Request deletion", exact: true }).click();
  await expect(dialog.getByText("Request created: the project is deleted only once a second person approves it.")).toBeVisible();
  const projectRequest = (await dialog.getByRole("link", { name: "Open the deletion request" }).getAttribute("href"))!;

  await approver.goto(projectRequest);
  await approver.getByLabel("Comment (required to approve or reject)").fill("Its chats are gone.");
  await approver.getByRole("button", { name: "Approve and delete the project" }).click();
  await expect(approver.getByRole("heading", { level: 1 })).toContainText("Deleted", { timeout: 15_000 });

  expect(await deletesOf(chatId)).toEqual([expect.objectContaining({ status: 200 })]);
  expect(await deletesOf(PROJECT_WITH_A_CHAT.id)).toEqual([expect.objectContaining({ status: 200 })]);
  await page.goto(`/projects/${PROJECT_WITH_A_CHAT.id}`);
  await expect(page.getByRole("alert").filter({ hasText: "It may have been deleted" })).toBeVisible();
  await approver.context().close();
});

test("a project approved while it still has a chat fails with the API's 409, and its request page offers the chat's deletion first", async ({
  page,
  baseURL,
  signedInAs,
  personIn,
}) => {
  // Requested through the API, as the dialog would not allow it: a project that still has chats.
  const reviewer = await signedInAs("reviewer");
  const api = await apiAs(reviewer.token, baseURL!);
  const target = { kind: "project", id: PROJECT_REFUSED.id };
  const idempotencyKey = crypto.randomUUID();
  const prepared = DeletionPreparation.parse(await (await api.post("/api/deletions/prepare", { data: { target, idempotencyKey } })).json());
  expect(prepared.summary).toMatchObject({ kind: "project", hasChats: true });
  const created = await api.post("/api/deletions", {
    data: {
      target,
      idempotencyKey,
      confirmationToken: prepared.confirmationToken,
      typedConfirmation: PROJECT_REFUSED.id,
      reason: { code: "retention_policy" },
      reference: "LEGAL-106",
    },
  });
  expect(created.status()).toBe(201);
  const deletion = DeletionRequestDto.parse(await created.json());
  await api.dispose();

  const approver = await personIn("approver");
  await approver.goto(`/deletions/${deletion.id}`);
  await approver.getByLabel("Comment (required to approve or reject)").fill("Approved before its chat was deleted.");
  await approver.getByRole("button", { name: "Approve and delete the project" }).click();
  await expect(approver.getByRole("heading", { level: 1 })).toContainText("Failed");
  await expect(approver.getByTestId("deletion-status")).toContainText("The project still has 1 chat: delete it first, then the project.");
  expect(await deletesOf(PROJECT_REFUSED.id)).toEqual([expect.objectContaining({ status: 409 })]);

  await page.goto(`/deletions/${deletion.id}`);
  const chatsFirst = page.getByRole("region", { name: "Chats to delete first" });
  await expect(chatsFirst.getByRole("link", { name: "Draft NDA review" })).toHaveAttribute("href", `/chats/${PROJECT_REFUSED.chatId}`);
  await chatsFirst.getByRole("button", { name: "Request deletion of this chat" }).click();
  await expect(deleteDialog(page).getByTestId("destruction-summary")).toContainText("Draft NDA review");
  await expect(chatsFirst.getByRole("button", { name: "Request the project's deletion again" })).toBeVisible();
  await approver.context().close();
});

test("with a key that cannot delete, the views say why and offer no delete button", async ({ page, signedInAs }) => {
  // The e2e stack's key can delete, and the server probes it once per process: the capability
  // answer a read-only key gets is given to the page instead (the server's refusal is covered by
  // tests/integration/deletion/capability.test.ts).
  const readOnly: DeletionCapability = {
    canDelete: false,
    reason: "delete_scope_missing",
    message:
      "Deleting is unavailable: Docket's Compliance API key lacks the delete:compliance_user_data scope. An administrator must configure a key created with it.",
    checkedAt: new Date().toISOString(),
    approvalsRequired: true,
    requestTtlHours: 72,
  };
  await page.route("**/api/deletions/capability", (route) => route.fulfill({ json: readOnly }));
  await signedInAs("reviewer");
  for (const path of [`/chats/${CHATS.fourEyes.id}`, `/projects/${PROJECT_WITH_A_CHAT.id}`]) {
    await page.goto(path);
    await expect(page.getByTestId("delete-unavailable")).toHaveText(readOnly.message);
    await expect(page.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
  }
});

test("the header offers each role its deletion and hold pages", async ({ personIn }) => {
  const expected: Array<[Persona, string[], string[]]> = [
    ["reviewer", ["Deletion requests"], ["Approvals", "Legal holds"]],
    ["approver", ["Approvals"], ["Deletion requests", "Legal holds"]],
    ["admin", ["Legal holds"], ["Approvals", "Deletion requests"]],
    ["auditor", [], ["Approvals", "Deletion requests", "Legal holds"]],
  ];
  for (const [persona, shown, hidden] of expected) {
    const page = await personIn(persona);
    await page.goto("/");
    const nav = page.getByRole("navigation");
    for (const label of shown) await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
    for (const label of hidden) await expect(nav.getByRole("link", { name: label, exact: true })).toHaveCount(0);
    await page.context().close();
  }
});

test("approving needs a recent sign-in: an old one is sent back to the IdP, then the approval goes through", async ({ page, signedInAs }) => {
  await signedInAs("reviewer");
  const requestId = await requestChatDeletion(page, CHATS.rejected.id, "LEGAL-STEP-UP");

  // The approver's session is valid, but the IdP last saw them twenty minutes ago.
  const approver = await signedInAs("approver", { authenticatedMinutesAgo: 20 });
  await page.goto(`/deletions/${requestId}`);
  await page.getByLabel("Comment (required to approve or reject)").fill("Checked against the retention schedule.");
  await page.getByRole("button", { name: "Approve and delete the chat" }).click();
  const stepUp = page.getByRole("alert").filter({ hasText: "needs a recent sign-in" });
  await expect(stepUp).toBeVisible();
  expect(await deletesOf(CHATS.rejected.id)).toEqual([]);
  const refusals = await database().query<{ params: { reason: string; maxAgeSeconds: number } }>(
    "SELECT params FROM audit_event WHERE action = 'access.denied' AND actor_subject = $1",
    [approver.subject],
  );
  expect(refusals.rows.map((row) => row.params)).toEqual([expect.objectContaining({ reason: "step_up", maxAgeSeconds: 600 })]);

  // The IdP asks for the password again whatever it remembers, and sends them back to the request.
  await stepUp.getByRole("button", { name: "Sign in again to confirm" }).click();
  await expect(page.getByRole("heading", { name: "Docket demo identity provider" })).toBeVisible();
  await page.getByLabel("Email").fill("approver@docket.test");
  await page.getByLabel("Password").fill("docket");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/deletions/${requestId}$`));
  await page.getByLabel("Comment (required to approve or reject)").fill("Checked against the retention schedule.");
  await page.getByRole("button", { name: "Approve and delete the chat" }).click();
  await expect(page.getByTestId("deletion-status").first()).toContainText("Deleted", { timeout: 15_000 });
  expect((await deletesOf(CHATS.rejected.id)).map((entry) => entry.status)).toEqual([200]);
});
