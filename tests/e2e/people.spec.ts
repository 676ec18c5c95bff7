// Administrators end a person's access at once: the leaver's open session stops working at its next
// request (not at its end), their sign-in is refused, and all of it is audited with the reason.
import { signInThroughIdp } from "./support/journey";
import { expect, test } from "./support/fixtures";
import { database, seedSession, SESSION_COOKIE } from "./support/stack";

const LEAVER = "approver2@docket.test";

test.afterEach(async () => {
  await database().query("UPDATE app_user SET disabled = false WHERE email = $1", [LEAVER]);
});

test("a disabled leaver loses their open session at its next request and cannot sign in; enabled, they can again", async ({
  page,
  browser,
  baseURL,
  signedInAs,
}) => {
  const leaverContext = await browser.newContext({ baseURL });
  const leaver = await leaverContext.newPage();
  try {
    await signInThroughIdp(leaver, LEAVER);
    await expect(leaver.getByRole("heading", { name: /^Welcome, / })).toBeVisible();

    const admin = await signedInAs("admin");
    await page.goto("/people");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("People");
    const card = page.getByRole("article", { name: LEAVER });
    await expect(card).toContainText("Active");
    await expect(card).toContainText(/\b1 session\b/);
    await expect(page.getByRole("article", { name: admin.email }).getByRole("button", { name: "Disable…" })).toHaveCount(0);
    await card.getByRole("button", { name: "Disable…" }).click();
    await card.getByLabel(/Why is this person's access disabled/).fill("Left the company on 7 December.");
    await card.getByRole("button", { name: "Disable and end their sessions" }).click();
    await expect(card).toContainText("Disabled");
    await expect(card).toContainText("0 sessions");

    await leaver.goto("/");
    await expect(leaver).toHaveURL(/\/signin\?callbackUrl=/);
    await leaver.getByRole("button", { name: "Sign in with SSO" }).click();
    await leaver.getByLabel("Email").fill(LEAVER);
    await leaver.getByLabel("Password").fill("docket");
    await leaver.getByRole("button", { name: "Sign in" }).click();
    await expect(leaver).toHaveURL(/\/no-access\?reason=disabled$/);
    await expect(leaver.getByText("has disabled your access")).toBeVisible();
    // Refused before any session was made: the leaver holds none on the server.
    const sessions = await database().query<{ count: string }>("SELECT count(*) FROM auth_session s JOIN app_user u ON u.id = s.user_id WHERE u.email = $1", [
      LEAVER,
    ]);
    expect(sessions.rows[0]!.count).toBe("0");

    const audit = await database().query<{ action: string; outcome: string; actor_email: string | null; params: Record<string, unknown> }>(
      `SELECT action, outcome, actor_email, params FROM audit_event
       WHERE (action = 'person.disabled' AND params->>'email' = $1) OR (action = 'access.denied' AND params->>'reason' = 'disabled')
       ORDER BY seq`,
      [LEAVER],
    );
    expect(audit.rows).toEqual([
      {
        action: "person.disabled",
        outcome: "success",
        actor_email: admin.email,
        params: expect.objectContaining({ reason: "Left the company on 7 December.", sessionsEnded: 1, wasDisabled: false }),
      },
      { action: "access.denied", outcome: "denied", actor_email: LEAVER, params: { reason: "disabled" } },
    ]);

    await page.reload();
    await card.getByRole("button", { name: "Enable…" }).click();
    await card.getByLabel(/Why is this person's access given back/).fill("Rehired.");
    await card.getByRole("button", { name: "Enable", exact: true }).click();
    await expect(card).toContainText("Active");
    await signInThroughIdp(leaver, LEAVER);
    await expect(leaver.getByRole("heading", { name: /^Welcome, / })).toBeVisible();
  } finally {
    await leaverContext.close();
  }
});

test("ending a person's sessions signs them out at their next request; an administrator cannot disable themselves", async ({
  page,
  browser,
  request,
  baseURL,
  signedInAs,
}) => {
  const session = await seedSession("reviewer");
  const reviewerContext = await browser.newContext({ baseURL });
  await reviewerContext.addCookies([{ name: SESSION_COOKIE, value: session.token, url: baseURL!, httpOnly: true, sameSite: "Lax" }]);
  const reviewer = await reviewerContext.newPage();
  await reviewer.goto("/");
  await expect(reviewer.getByRole("heading", { name: /^Welcome, / })).toBeVisible();
  const admin = await signedInAs("admin");

  await page.goto("/people");
  const card = page.getByRole("article", { name: session.email });
  await expect(card).toContainText(/\b1 session\b/);
  await card.getByRole("button", { name: "End sessions…" }).click();
  await card.getByLabel(/Why are this person's sessions ended/).fill("Laptop reported stolen.");
  await card.getByRole("button", { name: "End their sessions" }).click();
  await expect(card).toContainText("0 sessions");
  await expect(card).toContainText("Active");
  await reviewer.reload();
  await expect(reviewer).toHaveURL(/\/signin\?callbackUrl=/);
  await reviewerContext.close();

  const people = (await (await request.get("/api/people", { headers: { cookie: admin.cookie } })).json()) as { people: Array<{ id: string; email: string }> };
  const self = people.people.find((person) => person.email === admin.email)!;
  const refused = await request.post(`/api/people/${self.id}/disable`, {
    headers: { cookie: admin.cookie, origin: baseURL! },
    data: { reason: "Testing." },
  });
  expect(refused.status()).toBe(400);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("cannot disable your own account");
});
