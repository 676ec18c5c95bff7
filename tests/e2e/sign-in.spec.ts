import { expect, readAuditRows, test } from "./support/fixtures";
import { signInThroughIdp } from "./support/journey";
import { database } from "./support/stack";

/** How many of that act the audit log holds for that person. */
async function auditCount(email: string, action: string): Promise<number> {
  return (await readAuditRows({ email, action })).length;
}

test.describe("sign-in through the local identity provider's real login form", () => {
  test("a reviewer lands on the console home with review rights only, and the sign-in is audited", async ({ page }) => {
    const before = await auditCount("reviewer@docket.test", "session.sign_in");
    await signInThroughIdp(page, "reviewer@docket.test");
    await expect(page.getByRole("heading", { name: "Welcome, Rowan Reviewer" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Review", exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Audit log" })).toHaveCount(0);
    expect(await auditCount("reviewer@docket.test", "session.sign_in")).toBe(before + 1);
  });

  test("an approver also sees that they approve others' deletion requests", async ({ page }) => {
    await signInThroughIdp(page, "approver@docket.test");
    await expect(page.getByText(/approve other reviewers' deletion requests/)).toBeVisible();
  });

  test("an auditor sees the audit log and no content", async ({ page }) => {
    await signInThroughIdp(page, "auditor@docket.test");
    await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Review", exact: true })).toHaveCount(0);
  });

  test("an admin sees legal holds, people and the audit log, and no content", async ({ page }) => {
    await signInThroughIdp(page, "admin@docket.test");
    await expect(page.getByRole("heading", { name: "Legal holds" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "People", exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Review", exact: true })).toHaveCount(0);
  });

  test("nobody@docket.test, in no Docket group, sees the no-access page", async ({ page }) => {
    await signInThroughIdp(page, "nobody@docket.test");
    await expect(page).toHaveURL(/\/no-access$/);
    await expect(page.getByText("Your account has no Docket role.")).toBeVisible();
    await expect(page.getByText("Signed in as nobody@docket.test")).toBeVisible();
  });

  test("a user whose groups Docket does not map is signed in without access", async ({ page }) => {
    await signInThroughIdp(page, "outsider@docket.test");
    await expect(page).toHaveURL(/\/no-access$/);
  });

  for (const email of ["noclaim@docket.test", "stringclaim@docket.test"]) {
    test(`a missing or malformed group claim (${email}) is refused without a session, and audited`, async ({ page }) => {
      const denied = await auditCount(email, "access.denied");
      await signInThroughIdp(page, email);
      await expect(page).toHaveURL(/\/no-access\?reason=claim$/);
      await expect(page.getByText(/did not send the group information/)).toBeVisible();
      expect(await auditCount(email, "access.denied")).toBe(denied + 1);
      await page.goto("/");
      await expect(page).toHaveURL(/\/signin/);
    });
  }

  test("a wrong password is refused by the identity provider", async ({ page }) => {
    await signInThroughIdp(page, "reviewer@docket.test", "not-the-password");
    await expect(page.getByRole("alert")).toHaveText("Unknown email or wrong password.");
  });
});

test.describe("sessions live in the database", () => {
  test("sign-out ends the session on the server: the old cookie no longer works", async ({ page, context }) => {
    await signInThroughIdp(page, "reviewer@docket.test");
    await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
    const cookie = (await context.cookies()).find((candidate) => candidate.name === "next-auth.session-token");
    expect(cookie).toBeDefined();
    const signOuts = await auditCount("reviewer@docket.test", "session.sign_out");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    expect(await auditCount("reviewer@docket.test", "session.sign_out")).toBe(signOuts + 1);
    await context.addCookies([cookie!]);
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("removing a user's groups takes effect at their next request", async ({ page }) => {
    await signInThroughIdp(page, "approver@docket.test");
    await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
    await database().query("UPDATE app_user SET idp_groups = '{}' WHERE email = 'approver@docket.test'");
    await page.goto("/");
    await expect(page).toHaveURL(/\/no-access$/);
  });

  test("an idle session expires, and so does one past its absolute lifetime", async ({ page }) => {
    await signInThroughIdp(page, "auditor@docket.test");
    await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
    const users = "(SELECT id FROM app_user WHERE email = 'auditor@docket.test')";
    await database().query(`UPDATE auth_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id IN ${users}`);
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin/);

    await signInThroughIdp(page, "auditor@docket.test");
    await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
    await database().query(`UPDATE auth_session SET expires_at = now() - interval '1 second' WHERE user_id IN ${users}`);
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin/);
    const expired = await database().query(
      "SELECT params->>'reason' AS reason FROM audit_event WHERE action = 'session.expired' AND actor_email = 'auditor@docket.test' ORDER BY seq",
    );
    expect(expired.rows.map((row: { reason: string }) => row.reason)).toEqual(expect.arrayContaining(["idle", "absolute"]));
  });
});
