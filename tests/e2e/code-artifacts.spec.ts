import { expect, readAuditRows, test } from "./support/fixtures";
import { SMALL_SEED_1_CODE_ARTIFACT as ARTIFACT } from "@/tests/support/simulator-ids";

test("a reviewer goes from the home page to the code artifacts, opens a version's source, and both reads are audited", async ({ page, signedInAs }) => {
  const reviewer = await signedInAs("reviewer");
  await page.goto("/");
  await page.getByRole("banner").getByRole("link", { name: "Code artifacts" }).click();
  await expect(page).toHaveURL(/\/code-artifacts$/);
  const table = page.getByRole("region", { name: "Code artifacts" });
  const row = table.locator("tbody tr", { hasText: ARTIFACT.id });
  await expect(row).toBeVisible();
  await expect(row.getByRole("cell").nth(2)).not.toBeEmpty();

  await row.getByText("Versions", { exact: true }).click();
  await row.locator(`a[href="/code-artifacts/${ARTIFACT.id}/versions/${ARTIFACT.versionId}"]`).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(".html");
  const source = page.getByRole("region", { name: "Source" });
  await expect(source).toContainText("<!doctype html>");
  await expect(source).toContainText(`version ${ARTIFACT.versionId}`);
  await expect(page.getByText(/MD5 verified/).first()).toBeVisible();

  await expect.poll(async () => (await readAuditRows({ subject: reviewer.subject, action: "code_artifact.list" })).length).toBeGreaterThan(0);
  const viewed = await readAuditRows({ subject: reviewer.subject, action: "code_artifact.view", targetId: ARTIFACT.id });
  expect(viewed.map((row) => row.params)).toContainEqual(expect.objectContaining({ versionId: ARTIFACT.versionId, md5: "verified" }));
});

test("a version id that cannot be one is a 404 page, and an unknown artifact says the API found nothing", async ({ page, signedInAs }) => {
  await signedInAs("reviewer");
  const response = await page.goto(`/code-artifacts/${ARTIFACT.id}/versions/..%2F..%2Fetc`);
  expect(response?.status()).toBe(404);
  await page.goto(`/code-artifacts/cart_01AAAAAAAAAAAAAAAAAAAAAA/versions/${ARTIFACT.versionId}`);
  await expect(page.getByRole("alert").filter({ hasText: "not found" })).toBeVisible();
});

test.describe("deleting one", () => {
  test.afterEach(async ({ simulator }) => {
    await simulator.reset();
  });

  test("a reviewer requests it from the artifact's page, an approver approves, one DELETE removes it and the listing no longer shows it", async ({
    page,
    signedInAs,
    personIn,
    simulator,
  }) => {
    await signedInAs("reviewer");
    await page.goto("/code-artifacts");
    await page.getByRole("region", { name: "Code artifacts" }).locator(`a[href="/code-artifacts/${ARTIFACT.id}"]`).click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "Delete code artifact…" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByTestId("destruction-summary")).toContainText(ARTIFACT.id);
    await expect(dialog.getByTestId("destruction-summary")).toContainText(ARTIFACT.versionId);
    await dialog.getByRole("radio", { name: "Data leak / DLP finding" }).check();
    await dialog.getByLabel("Reference (ticket, matter or case number)").fill("DLP-77");
    await dialog.getByLabel(/Type the code artifact's name or id to confirm/).fill(ARTIFACT.id);
    await dialog.getByRole("button", { name: "Request deletion", exact: true }).click();
    await expect(dialog.getByTestId("deletion-status")).toContainText("Waiting for approval");

    const approver = await personIn("approver");
    await approver.goto("/approvals");
    const card = approver.getByRole("article", { name: /^Deletion request for code artifact / });
    await card.getByLabel("Comment (required to approve or reject)").fill("Published to the internet by mistake.");
    await card.getByRole("button", { name: "Approve and delete the code artifact" }).click();
    await expect(approver.getByRole("region", { name: "Just decided" }).getByTestId("deletion-status")).toContainText("Deleted", { timeout: 15_000 });

    const deletes = (await simulator.requests()).filter((entry) => entry.method === "DELETE" && entry.path.endsWith(`/code/artifacts/${ARTIFACT.id}`));
    expect(deletes.map((entry) => entry.status)).toEqual([200]);
    await page.goto(`/code-artifacts/${ARTIFACT.id}`);
    await expect(page.getByRole("alert").filter({ hasText: "lists no code artifact" })).toBeVisible();
    await approver.context().close();
  });
});
