import { createHash, createPublicKey, verify } from "node:crypto";
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { SMALL_SEED_1 } from "@/tests/support/simulator-ids";
import { readZip } from "@/tests/support/zip";
import { expect, test } from "./support/fixtures";
import { database } from "./support/stack";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** A collection's whole run, on the small dataset with the worker of the test stack. */
const RUN_TIMEOUT = 120_000;

/** From the home page, as a reviewer goes: the collections, then a new one. */
async function openNewCollection(page: Page) {
  await page.goto("/");
  await page.getByRole("link", { name: "Open the collections" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Collections" })).toBeVisible();
  await page.getByRole("link", { name: "New collection" }).click();
  await expect(page.getByRole("form", { name: "New collection" })).toBeVisible();
}

async function fillMatter(page: Page, matter: string) {
  await page.getByLabel("Matter name").fill(matter);
  await page.getByLabel("Reference (case or ticket number)").fill("CASE-2026-0042");
}

test("a reviewer collects a custodian, watches it finish, and downloads a package whose hashes and signatures check out", async ({
  page,
  signedInAs,
  auditHead,
  auditRows,
}) => {
  test.setTimeout(RUN_TIMEOUT + 60_000);
  const reviewer = await signedInAs("reviewer");
  const head = await auditHead();
  await openNewCollection(page);
  await fillMatter(page, "Acme v. Example: custodian collection");
  await page.getByLabel(/^Custodians/).fill(SMALL_SEED_1.user);
  await page.getByRole("checkbox", { name: /^Sessions in Claude Code and Cowork/ }).check();
  await page.getByRole("button", { name: "Start the collection" }).click();

  await expect(page).toHaveURL(/\/collections\/[0-9a-f-]{36}$/);
  const collectionId = page.url().split("/").pop()!;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Acme v. Example: custodian collection");
  await expect(page.getByText("Complete", { exact: true })).toBeVisible({ timeout: RUN_TIMEOUT });
  const progress = page.getByRole("progressbar");
  await expect(progress).toHaveAttribute("aria-valuenow", "100");
  const [done, known] = (await progress.getAttribute("aria-valuetext"))!.match(/[\d,]+/g)!.map((count) => Number(count.replaceAll(",", "")));
  expect(done).toBe(known);
  expect(done).toBeGreaterThan(0);

  expect(await new AxeBuilder({ page }).analyze().then((result) => result.violations.filter((v) => v.impact === "serious" || v.impact === "critical"))).toEqual(
    [],
  );

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the evidence package" }).click()]);
  expect(await download.failure()).toBeNull();
  const archive = await readFile((await download.path())!);
  const files = await readZip(archive);

  // What a recipient checks: every file against SHA256SUMS, both signatures against the key.
  const sums = files.get("SHA256SUMS")!.toString("utf8").trim().split("\n");
  expect(sums.length).toBeGreaterThan(3);
  for (const line of sums) {
    const [hash, path] = line.split("  ");
    expect(sha256(files.get(path!)!), path).toBe(hash);
  }
  const key = createPublicKey(files.get("public-key.pem")!);
  expect(verify(null, files.get("SHA256SUMS")!, key, files.get("SHA256SUMS.sig")!)).toBe(true);
  expect(verify(null, files.get("manifest.json")!, key, files.get("manifest.sig")!)).toBe(true);
  const manifest = JSON.parse(files.get("manifest.json")!.toString("utf8")) as {
    collection: { id: string; matter: string; scope: { userIds: string[] } };
    entries: Array<{ path: string }>;
  };
  expect(manifest.collection).toMatchObject({ id: collectionId, scope: { userIds: [SMALL_SEED_1.user] } });
  const chatFiles = manifest.entries.filter((entry) => entry.path.startsWith("chats/") && entry.path.endsWith(".json"));
  expect(chatFiles.length).toBeGreaterThan(0);
  expect(chatFiles.length).toBe(manifest.entries.filter((entry) => entry.path.startsWith("chats/") && entry.path.endsWith(".md")).length);
  // The custodian's sessions, both kinds, each as the API's JSON beside its transcript, counted in the attestation.
  const sessionFiles = manifest.entries.filter((entry) => entry.path.startsWith("sessions/")).map((entry) => entry.path);
  expect(sessionFiles.some((path) => path.startsWith("sessions/local/"))).toBe(true);
  expect(sessionFiles.some((path) => path.startsWith("sessions/remote/"))).toBe(true);
  expect(sessionFiles.filter((path) => path.endsWith(".json")).length).toBe(sessionFiles.filter((path) => path.endsWith(".md")).length);
  const attestation = JSON.parse(files.get("attestation.json")!.toString("utf8")) as { counts: { localSessions: number; remoteSessions: number } };
  expect(attestation.counts.localSessions + attestation.counts.remoteSessions).toBe(sessionFiles.length / 2);

  expect((await auditRows({ subject: reviewer.subject, action: "collection.created", afterSeq: head })).map((row) => row.targetId)).toEqual([collectionId]);
  await expect
    .poll(async () =>
      (await auditRows({ subject: reviewer.subject, action: "collection.download", afterSeq: head })).map((row) => [
        row.outcome,
        row.params.manifestSha256,
        row.params.sha256 ?? null,
      ]),
    )
    .toEqual([
      ["intent", sha256(files.get("manifest.json")!), null],
      ["success", sha256(files.get("manifest.json")!), sha256(archive)],
    ]);

  await page.getByRole("link", { name: "Collections", exact: true }).first().click();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Acme v. Example: custodian collection" }) });
  await expect(row.first()).toContainText("Complete");
});

test("a collection can be paused, resumed and cancelled from its page, each step audited", async ({ page, signedInAs, simulator, auditHead, auditRows }) => {
  const reviewer = await signedInAs("reviewer");
  const head = await auditHead();
  // Slow answers keep the collection running while the reviewer acts on it.
  await simulator.setFaults([{ match: { path: "/v1/compliance/apps/chats" }, fault: { type: "latency", ms: 3_000 } }]);
  try {
    await openNewCollection(page);
    await fillMatter(page, "Organisation sweep to stop");
    await page.getByRole("group", { name: "Whole organisations" }).getByRole("checkbox").first().check();
    await page.getByRole("button", { name: "Start the collection" }).click();
    await expect(page).toHaveURL(/\/collections\/[0-9a-f-]{36}$/);
    const collectionId = page.url().split("/").pop()!;

    await page.getByRole("button", { name: "Pause" }).click();
    await expect(page.getByText("Paused", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Resume" }).click();
    await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
    await page.getByRole("button", { name: "Cancel the collection…" }).click();
    await page.getByRole("button", { name: "Cancel it" }).click();
    await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Download the evidence package" })).toHaveCount(0);

    const rows = await auditRows({ subject: reviewer.subject, targetId: collectionId, afterSeq: head });
    expect(rows.map((row) => row.action)).toEqual(["collection.created", "collection.paused", "collection.resumed", "collection.cancelled"]);
    const answer = await page.request.get(`/api/collections/${collectionId}/package`);
    expect(answer.status()).toBe(409);
  } finally {
    await simulator.clearFaults();
  }
});

test("a definition with a malformed id is stopped in the form; an id the API does not know is refused by name", async ({ page, signedInAs }) => {
  await signedInAs("reviewer");
  await openNewCollection(page);
  await fillMatter(page, "Typo");
  await page.getByLabel(/^Custodians/).fill("alice@example.com");
  await page.getByRole("button", { name: "Start the collection" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "A custodian must be a user_… id" })).toBeVisible();
  await expect(page).toHaveURL(/\/collections\/new$/);

  await page.getByLabel(/^Custodians/).fill("user_01NoSuchPersonAtAllXyz");
  await page.getByRole("button", { name: "Start the collection" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "user_01NoSuchPersonAtAllXyz" })).toBeVisible();
  await expect(page).toHaveURL(/\/collections\/new$/);
});

test("a definition the API would refuse gets a 400 naming the problem, and nothing is created or queued", async ({ page, signedInAs, baseURL }) => {
  await signedInAs("reviewer");
  const count = async () =>
    (
      await database().query<{ collections: number; jobs: number }>(
        "SELECT (SELECT count(*)::int FROM collection) AS collections, (SELECT count(*)::int FROM pgboss.job WHERE name = 'collection-step') AS jobs",
      )
    ).rows[0]!;
  const before = await count();
  const valid = { matter: "Refused", reference: "R-1", scope: { userIds: [SMALL_SEED_1.user] }, include: ["chats"] };
  const cases: Array<[unknown, string]> = [
    [{ ...valid, scope: {} }, "must name at least one custodian, organisation or project"],
    [
      { ...valid, scope: { userIds: ["user_01NoSuchPersonAtAllXyz"] } },
      "knows no custodian, organisation or project with this id: user_01NoSuchPersonAtAllXyz",
    ],
    [{ ...valid, createdAt: { gte: "2026-05-01T00:00:00Z", lt: "2026-04-01T00:00:00Z" } }, "its start (gte) must be before its end (lt)"],
    [{ ...valid, include: [] }, "must list at least one kind of content"],
    [{ ...valid, include: ["chats", "emails"] }, "must be one of chats, files"],
    [{ ...valid, scope: { projectIds: [SMALL_SEED_1.project] }, include: ["sessions"] }, "the Compliance API cannot list a project's sessions"],
    [{ ...valid, matter: " " }, "must name the matter"],
  ];
  for (const [body, message] of cases) {
    const response = await page.request.post("/api/collections", { data: body, headers: { origin: baseURL! } });
    expect(response.status(), message).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(message);
  }
  expect(await count()).toEqual(before);
});
