import type { Page } from "@playwright/test";
import { ChatPage } from "@/lib/schemas/console";
import { SMALL_SEED_1_HOLDS } from "@/tests/support/simulator-ids";
import { expect, test } from "./support/fixtures";

/** Users, chats and projects of the `small` dataset, seed 1 (lib/simulator/dataset). */
const { custodian: CUSTODIAN, chat: CHAT, project: PROJECT } = SMALL_SEED_1_HOLDS;
const ORGANIZATION = "Acme Legal";

const holdForm = (page: Page) => page.getByRole("form", { name: "Place a legal hold" });
const holdCard = (page: Page, matter: string) => page.getByRole("article", { name: matter });

async function placeHold(page: Page, matter: string, scope: { users?: string; projects?: string; chats?: string }) {
  const form = holdForm(page);
  await form.getByLabel("Matter name").fill(matter);
  await form.getByLabel("Reason").fill("Reasonably anticipated litigation");
  if (scope.users) await form.getByLabel(/^Custodians/).fill(scope.users);
  if (scope.projects) await form.getByLabel(/^Projects/).fill(scope.projects);
  if (scope.chats) await form.getByLabel(/^Chats/).fill(scope.chats);
  await form.getByRole("button", { name: "Place the hold" }).click();
  await expect(form.getByRole("status").filter({ hasText: "Hold placed" })).toContainText(`Hold placed for the matter ${matter}`);
}

async function release(page: Page, matter: string, reason: string) {
  const card = holdCard(page, matter);
  await card.getByRole("button", { name: "Release…" }).click();
  const confirm = card.getByRole("button", { name: "Release the hold" });
  await expect(confirm).toBeDisabled();
  await card.getByLabel(/Why is the hold released/).fill(reason);
  await confirm.click();
  await expect(card).toHaveCount(0);
}

test("an administrator places a hold on a project and a chat, sees it active, and releases it with a reason", async ({ page, signedInAs, auditRows }) => {
  const admin = await signedInAs("admin");
  const matter = `Initech audit ${Date.now()}`;
  await page.goto("/legal-holds");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Legal holds");
  const form = holdForm(page);
  await expect(form.getByText("Looking a user up by email reads the organisation's user list, which needs the reviewer role too.")).toBeVisible();

  // An id of the wrong kind is named, and nothing is placed until it is fixed.
  await form.getByLabel("Matter name").fill(matter);
  await form.getByLabel("Reason").fill("Regulator's request to preserve");
  await form.getByLabel(/^Projects/).fill(`${PROJECT}\n${CHAT}`);
  await expect(form.getByRole("alert")).toContainText(`Not an id of the right kind: ${CHAT}`);
  await expect(form.getByRole("button", { name: "Place the hold" })).toBeDisabled();
  await form.getByLabel(/^Projects/).fill(PROJECT);
  await form.getByLabel(/^Chats/).fill(CHAT);
  await expect(form.getByText("Covers 0 users, 1 projects, 1 chats.")).toBeVisible();
  await form.getByRole("button", { name: "Place the hold" }).click();
  await expect(form.getByRole("status").filter({ hasText: "Hold placed" })).toContainText(`Hold placed for the matter ${matter}`);

  const card = holdCard(page, matter);
  await expect(card).toContainText("Active");
  await expect(card).toContainText("Regulator's request to preserve");
  await expect(card).toContainText(`Placed by: ${admin.subject}@docket.test`);
  await expect(card).toContainText(PROJECT);
  await expect(card).toContainText(CHAT);
  // An administrator without the reviewer role reads no content: the ids are not links.
  await expect(card.getByRole("link")).toHaveCount(0);

  await release(page, matter, "Matter settled; counsel confirmed in writing.");
  await page.getByRole("button", { name: "Released", exact: true }).click();
  const released = holdCard(page, matter);
  await expect(released).toContainText("Released");
  await expect(released).toContainText("Matter settled; counsel confirmed in writing.");
  await expect(released.getByRole("button", { name: "Release…" })).toHaveCount(0);

  const audit = await auditRows({ subject: admin.subject });
  expect(audit.map((row) => row.action).filter((action) => action.startsWith("hold."))).toEqual(["hold.created", "hold.released"]);
});

test("a hold on a custodian stops a reviewer's deletion of their chat, until it is released", async ({ page, signedInAs, personIn }) => {
  await signedInAs("admin");
  const matter = `Custodian hold ${Date.now()}`;
  await page.goto("/legal-holds");
  await placeHold(page, matter, { users: CUSTODIAN.id });

  const reviewerPage = await personIn("reviewer");
  const chats = ChatPage.parse(await (await reviewerPage.request.get(`/api/chats?userIds=${CUSTODIAN.id}&limit=5`)).json());
  const chat = chats.chats[0]!;
  await reviewerPage.goto(`/chats/${chat.id}`);
  await reviewerPage.getByRole("button", { name: "Delete chat…" }).click();
  const dialog = reviewerPage.getByRole("dialog");
  await expect(dialog.getByRole("list", { name: "Legal holds covering it" })).toContainText(matter);
  await expect(dialog.getByRole("button", { name: "Request deletion", exact: true })).toHaveCount(0);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  await release(page, matter, "Custodian's matter closed.");
  await reviewerPage.getByRole("button", { name: "Delete chat…" }).click();
  await expect(dialog.getByTestId("destruction-summary")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Request deletion", exact: true })).toBeDisabled();
});

test("an administrator who is also a reviewer finds a custodian by email and holds them", async ({ page, signedInAs }) => {
  await signedInAs("admin", { extraGroups: ["legal-reviewers"] });
  const matter = `Found by email ${Date.now()}`;
  await page.goto("/legal-holds");
  const form = holdForm(page);
  await form.getByLabel("Organisation").selectOption({ label: ORGANIZATION });
  await form.getByLabel("Email").fill("nobody-here@acme-corp.example");
  await form.getByRole("button", { name: "Find" }).click();
  await expect(form.getByText("No user with this email in this organisation.")).toBeVisible();
  await form.getByLabel("Email").fill(CUSTODIAN.email.toUpperCase());
  await form.getByRole("button", { name: "Find" }).click();
  await expect(form.getByRole("status").filter({ hasText: CUSTODIAN.id })).toContainText(CUSTODIAN.email);
  await form.getByRole("button", { name: "Add to the custodians" }).click();
  await expect(form.getByLabel(/^Custodians/)).toHaveValue(CUSTODIAN.id);

  await placeHold(page, matter, {});
  const card = holdCard(page, matter);
  await expect(card).toContainText(CUSTODIAN.id);
  await release(page, matter, "Placed by the test; released by it.");
});
