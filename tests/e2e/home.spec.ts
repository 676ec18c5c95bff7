import { expect, test } from "@playwright/test";

test("the first page names Docket and reports both dependencies healthy", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Docket" })).toBeVisible();
  const status = page.getByRole("region", { name: "System status" });
  await expect(status.getByText("Audit database")).toBeVisible();
  await expect(status.getByText(/migrations? applied/)).toBeVisible();
  await expect(status.getByText(/requests left this minute/)).toBeVisible();
  await expect(status.getByText("down")).toHaveCount(0);
});

test("the health route answers with states only and forbids caching", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  const body = (await response.json()) as Record<string, { state?: string }>;
  expect(body.database?.state).toBe("ok");
  expect(body.complianceApi?.state).toBe("ok");
  expect(JSON.stringify(body)).not.toContain("sk-ant-");
});
