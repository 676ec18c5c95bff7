import { expect, test } from "./support/fixtures";
import { seedSession, SESSION_COOKIE, stackInfo } from "./support/stack";

test("the home page shows a signed-in user both dependencies healthy", async ({ page, context, baseURL }) => {
  const { token } = await seedSession("reviewer");
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: baseURL!, httpOnly: true, sameSite: "Lax" }]);
  await page.goto("/");
  const status = page.getByRole("region", { name: "System status" });
  await expect(status.getByText("Audit database")).toBeVisible();
  await expect(status.getByText(/migrations? applied/)).toBeVisible();
  await expect(status.getByText(/requests left this minute/)).toBeVisible();
  await expect(status.getByText(/A worker holds a delete key that may delete/)).toBeVisible();
  await expect(status.getByText("down")).toHaveCount(0);
});

test("the health route tells anyone only ok or not ok, a signed-in person each dependency's state, and forbids caching", async ({ request }) => {
  const anonymous = await request.get("/api/health");
  expect(anonymous.status()).toBe(200);
  expect(anonymous.headers()["cache-control"]).toBe("no-store");
  expect(await anonymous.json()).toEqual({ status: "ok" });

  const { cookie } = await seedSession("reviewer");
  const signedIn = await request.get("/api/health", { headers: { cookie } });
  expect(signedIn.status()).toBe(200);
  const body = (await signedIn.json()) as Record<string, { state?: string }>;
  expect(body.database?.state).toBe("ok");
  expect(body.complianceApi?.state).toBe("ok");
  expect(body.deletionWorker?.state).toBe("ok");
  expect(JSON.stringify(body)).not.toContain("sk-ant-");
});

test("polling the public health route does not spend the organisation's Compliance API budget", async ({ request }) => {
  const { apiBaseUrl } = stackInfo();
  const apiRequests = () => fetch(`${apiBaseUrl}/_simulator/requests`).then(async (response) => ((await response.json()) as { data: unknown[] }).data);
  const before = await apiRequests();
  for (let i = 0; i < 20; i++) expect((await request.get("/api/health")).status()).toBe(200);
  const after = await apiRequests();
  expect(after.length - before.length).toBeLessThanOrEqual(1);
});
