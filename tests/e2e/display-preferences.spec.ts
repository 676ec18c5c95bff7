import { SMALL_SEED_1 } from "@/tests/support/simulator-ids";
import { expect, test } from "./support/fixtures";
import { database, SESSION_COOKIE } from "./support/stack";

test.describe("times in the reviewer's zone", () => {
  test.use({ timezoneId: "Europe/Paris" });

  test("a reviewer switches to their computer's zone; every browser of theirs then shows it, and filters still mean UTC instants", async ({
    page,
    signedInAs,
    browser,
    baseURL,
  }) => {
    const reviewer = await signedInAs("reviewer");
    await page.goto(`/chats/${SMALL_SEED_1.chat}`);
    const firstTime = page.locator("article[data-message-id] time").first();
    await expect(firstTime).toHaveText(/ UTC$/);
    const utcText = await firstTime.textContent();

    await page.getByLabel("Times").selectOption("Europe/Paris");
    await expect(firstTime).toHaveText(/ CES?T$/);
    expect(await firstTime.textContent()).not.toBe(utcText);
    await expect
      .poll(
        async () =>
          (await database().query("SELECT p.time_zone FROM reviewer_preference p JOIN app_user u ON u.id = p.user_id WHERE u.subject = $1", [reviewer.subject]))
            .rows,
      )
      .toEqual([{ time_zone: "Europe/Paris" }]);

    // A date-time picked in Paris is sent as the UTC instant it is.
    await page.goto(`/chats?org=${SMALL_SEED_1.organization}`);
    await page.getByLabel("Created from (Europe/Paris)").fill("2025-07-01T02:30:00");
    await page.getByRole("button", { name: "Show chats" }).click();
    await expect(page).toHaveURL(/createdFrom=2025-07-01T00%3A30%3A00Z/);

    // The same person in another browser, on a computer in another zone, reads Paris times too.
    const elsewhere = await browser.newContext({ baseURL, timezoneId: "America/New_York" });
    await elsewhere.addCookies([{ name: SESSION_COOKIE, value: reviewer.token, url: baseURL!, httpOnly: true, sameSite: "Lax" }]);
    const otherPage = await elsewhere.newPage();
    await otherPage.goto(`/chats/${SMALL_SEED_1.chat}`);
    await expect(otherPage.locator("article[data-message-id] time").first()).toHaveText(/ CES?T$/);
    await expect(otherPage.getByLabel("Times")).toHaveValue("Europe/Paris");
    await elsewhere.close();
  });
});

test("the theme follows the system until the reviewer chooses, and the choice survives a reload", async ({ page, signedInAs }) => {
  await signedInAs("reviewer");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/custodians");
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const systemDark = await background();
  await page.getByLabel("Theme").selectOption("light");
  await expect(page.locator("html")).toHaveClass("light");
  const light = await background();
  expect(light).not.toBe(systemDark);
  await page.reload();
  await expect(page.locator("html")).toHaveClass("light");
  expect(await background()).toBe(light);
  await page.getByLabel("Theme").selectOption("system");
  await expect(page.locator("html")).not.toHaveClass(/light|dark/);
  expect(await background()).toBe(systemDark);
});
