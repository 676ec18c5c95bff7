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
  await expect(page.getByRole("alert")).toBeVisible();
});
