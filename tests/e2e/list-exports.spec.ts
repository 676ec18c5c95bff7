import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { SMALL_SEED_1 } from "@/tests/support/simulator-ids";
import { expect, test } from "./support/fixtures";
import { database } from "./support/stack";

test("a list downloads as CSV of the rows loaded, formula-guarded, after an audit row that holds its SHA-256", async ({ page, signedInAs, auditRows }) => {
  const reviewer = await signedInAs("reviewer");
  await page.goto(`/chats?org=${SMALL_SEED_1.organization}&limit=10`);
  const rows = page.getByRole("region", { name: "Chats" }).locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  const shown = await rows.count();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /^Download CSV/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^docket-chats-\d{8}T\d{6}Z\.csv$/);
  const bytes = await readFile((await download.path())!);
  const text = bytes.toString("utf8");
  expect(text.startsWith("\uFEFFchat_id,name,owner_id,owner_email,")).toBe(true);
  const lines = text.slice(1).trimEnd().split("\r\n");
  expect(lines).toHaveLength(shown + 1);
  // No cell a spreadsheet would run: formulas are quoted.
  expect(lines.slice(1).every((line) => !/(^|,)[=+\-@]/.test(line))).toBe(true);

  const [row] = await auditRows({ subject: reviewer.subject, action: "list.export" });
  expect(row).toMatchObject({ targetType: "list", targetId: "chats", outcome: "success" });
  expect(row!.params).toMatchObject({
    rows: shown,
    bytes: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    view: { org: SMALL_SEED_1.organization, limit: "10" },
  });
});

test("if the download cannot be audited, nothing is saved", async ({ page, signedInAs, serverErrors }) => {
  serverErrors.expect({ status: 503, url: /^\/api\/exports\/chats$/ });
  await signedInAs("reviewer");
  await database().query("ALTER TABLE audit_event ADD CONSTRAINT e2e_refuse_list_export CHECK (action <> 'list.export') NOT VALID");
  try {
    await page.goto(`/chats?org=${SMALL_SEED_1.organization}&limit=10`);
    await expect(page.getByRole("region", { name: "Chats" }).locator("tbody tr").first()).toBeVisible();
    let downloads = 0;
    page.on("download", () => downloads++);
    await page.getByRole("button", { name: /^Download CSV/ }).click();
    await expect(page.getByRole("alert").filter({ hasText: "audit log could not be written" })).toBeVisible();
    expect(downloads).toBe(0);
  } finally {
    await database().query("ALTER TABLE audit_event DROP CONSTRAINT e2e_refuse_list_export");
  }
});

test("sessions and code artifacts download as CSV of the rows loaded, each audited with its SHA-256", async ({ page, signedInAs, auditRows }) => {
  const reviewer = await signedInAs("reviewer");
  for (const { path, region, list, header } of [
    { path: "/sessions", region: "Sessions", list: "sessions", header: "session_id,kind,product_surface," },
    { path: "/code-artifacts", region: "Code artifacts", list: "code-artifacts", header: "artifact_id,published_name,owner_id," },
  ]) {
    await page.goto(path);
    const rows = page.getByRole("region", { name: region }).locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    const shown = await rows.count();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /^Download CSV/ }).click()]);
    const bytes = await readFile((await download.path())!);
    const text = bytes.toString("utf8");
    expect(text.startsWith(`\uFEFF${header}`)).toBe(true);
    expect(text.slice(1).trimEnd().split("\r\n")).toHaveLength(shown + 1);
    const audited = await auditRows({ subject: reviewer.subject, action: "list.export" });
    expect(audited.find((row) => row.targetId === list)?.params).toMatchObject({ rows: shown, sha256: createHash("sha256").update(bytes).digest("hex") });
  }
});
