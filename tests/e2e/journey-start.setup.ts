import { test } from "./support/fixtures";
import { arriveHome } from "./support/journey";

// Runs before every other end-to-end test (a project dependency in playwright.config.ts), so that in
// the one long-running server, as in the demo, the first page anyone opens is the home page.
test("the server's first visitor signs in and lands on a healthy home page", async ({ page }) => {
  await arriveHome(page, "reviewer@docket.test");
});
