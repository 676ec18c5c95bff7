import { expect, test } from "./support/fixtures";
import { arriveHome } from "./support/journey";
import { SMALL_SEED_1 } from "@/tests/support/simulator-ids";

// The organisation's directory and its retention, as a reviewer reaches them from the home page.

test("a reviewer reads the directory: retention in words, the keys, a role's permissions and a group's members; all audited", async ({
  page,
  auditHead,
  auditRows,
}) => {
  const head = await auditHead();
  await arriveHome(page, "reviewer@docket.test");
  await expect(page.getByRole("region", { name: "Docket's Compliance API key" })).toBeVisible();
  await page.getByRole("banner").getByRole("link", { name: "Directory" }).click();
  await expect(page).toHaveURL(/\/directory\?org=/);

  await expect(page.getByRole("region", { name: "Retention" })).toContainText(/The organisation('s retention deletes| keeps)/);
  const keys = page.getByRole("region", { name: "Compliance API keys" });
  await expect(keys.locator("tbody tr").first()).toBeVisible();
  await expect(keys).toContainText("Deactivated");
  await expect(page.getByRole("region", { name: "Effective settings" })).toContainText("sso_enabled");

  const roles = page.getByRole("region", { name: "Roles" });
  await roles.locator("summary").first().click();
  await expect(roles.locator("details[open] li").first()).toBeVisible();
  const groups = page.getByRole("region", { name: "Groups" });
  await expect(groups).toContainText("SCIM (the identity provider's directory sync)");
  await groups.locator("summary").first().click();
  await expect(groups.locator("details[open]")).toContainText(/@|No members\./);

  const viewed = (await auditRows({ afterSeq: head, action: "directory.view" })).map((row) => row.targetType);
  expect(viewed).toEqual(expect.arrayContaining(["organization_settings", "organization_roles", "role", "groups", "group"]));
});

test("a chat's page says what the organisation's retention does to it", async ({ page, signedInAs }) => {
  await signedInAs("reviewer");
  await page.goto(`/chats/${SMALL_SEED_1.chat}`);
  await expect(page.getByTestId("retention-note")).toHaveText(
    /^The organisation('s retention deletes chats older than \d+ (days?|months?)|'s admins set no| keeps)/,
  );
});
