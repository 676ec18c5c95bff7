import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** Signs in as a person does: the home page sends them to sign-in, then the IdP's own login form. */
export async function signInThroughIdp(page: Page, email: string, password = "docket"): Promise<void> {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2F$/);
  await page.getByRole("button", { name: "Sign in with SSO" }).click();
  await expect(page.getByRole("heading", { name: "Docket demo identity provider" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Where every journey starts: sign-in, then the home page with both dependencies healthy. The home
 * page's status panel calls the Compliance API from the pages' module graph, which once left the
 * route handlers unable to recognise any upstream error.
 */
export async function arriveHome(page: Page, email: string): Promise<void> {
  await signInThroughIdp(page, email);
  await expect(page.getByRole("heading", { name: /^Welcome, / })).toBeVisible();
  const status = page.getByRole("region", { name: "System status" });
  await expect(status.getByText(/requests left this minute/)).toBeVisible();
  await expect(status.getByText("down")).toHaveCount(0);
}
