// The delete key is given to the worker alone (COMPLIANCE_API_DELETE_KEY). After a deletion has gone
// through the whole stack, the key is searched for wherever the web tier could leak it: the app
// process's environment and memory, what its pages and RSC payloads send, the build, every service's
// log and the audit log. The worker, which must hold it, is the control that the search finds it.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { E2E_SERVICE_LOG } from "@/lib/devtools/e2e-stack-file";
import { DeletionPreparation, DeletionRequestDetail, DeletionRequestDto } from "@/lib/schemas/deletions";
import { FULL_KEY, READONLY_KEY } from "@/lib/simulator/dataset/api-keys";
import { SMALL_SEED_1_ARTIFACTS } from "@/tests/support/simulator-ids";
import { environmentHolds, filesHolding, memoryHolds, pidListeningOn, pidsOf } from "./support/process-secrets";
import { expect, test } from "./support/fixtures";
import { database, seedSession, stackInfo, type SeededSession } from "./support/stack";

/** The stack gives the worker the simulator's full key as its delete key, and the app the read-only key. */
const DELETE_KEY = FULL_KEY;
const DOCUMENT = { kind: "project_document", id: SMALL_SEED_1_ARTIFACTS.projectDocument } as const;

test.afterAll(async () => {
  const response = await fetch(new URL("/_simulator/reset", stackInfo().apiBaseUrl), { method: "POST" });
  expect(response.ok).toBe(true);
});

function caller(request: APIRequestContext, baseURL: string, session: SeededSession) {
  return async (method: string, path: string, body?: unknown) => {
    const response = await request.fetch(path, {
      method,
      headers: { cookie: session.cookie, origin: baseURL, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      data: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.status(), `${method} ${path}`).toBeLessThan(300);
    return (await response.json()) as unknown;
  };
}

/** A deletion from request to execution, through the routes: the worker uses the key. */
async function deleteTheDocument(request: APIRequestContext, baseURL: string): Promise<string> {
  const reviewer = caller(request, baseURL, await seedSession("reviewer"));
  const approver = caller(request, baseURL, await seedSession("approver"));
  const idempotencyKey = randomUUID();
  const preparation = DeletionPreparation.parse(await reviewer("POST", "/api/deletions/prepare", { target: DOCUMENT, idempotencyKey }));
  const created = DeletionRequestDto.parse(
    await reviewer("POST", "/api/deletions", {
      target: DOCUMENT,
      idempotencyKey,
      confirmationToken: preparation.confirmationToken,
      typedConfirmation: preparation.target.name,
      reason: { code: "retention_policy" },
      reference: "CANARY-1",
    }),
  );
  expect(DeletionRequestDto.parse(await approver("POST", `/api/deletions/${created.id}/approve`, { comment: "Past retention." })).status).toBe("approved");
  await expect
    .poll(async () => DeletionRequestDetail.parse(await reviewer("GET", `/api/deletions/${created.id}`)).request.status, { timeout: 20_000 })
    .toBe("succeeded");
  return created.id;
}

test("is only the worker's: not in the web app's environment or memory, its pages, the build, the logs or the audit log", async ({
  page,
  request,
  baseURL,
  signedInAs,
}) => {
  test.setTimeout(120_000);
  const deletionId = await deleteTheDocument(request, baseURL!);

  // What the browser receives, pages and RSC payloads alike, as an approver walks the deletion pages.
  const received: string[] = [];
  page.on("response", (response) => {
    if (response.url().startsWith(baseURL!))
      void response.text().then(
        (text) => received.push(text),
        () => undefined,
      );
  });
  const approver = await signedInAs("approver");
  for (const path of ["/", "/approvals", `/deletions/${deletionId}`, "/audit"]) {
    await page.goto(path);
    await expect(page.getByRole("main")).toBeVisible();
    const payload = await request.get(path, { headers: { cookie: approver.cookie, rsc: "1" } });
    expect(payload.status()).toBe(200);
    received.push(await payload.text());
  }
  expect(received.length).toBeGreaterThan(8);
  expect(received.filter((body) => body.includes(DELETE_KEY))).toEqual([]);

  // The processes: the app by the port it listens on, the worker by its command line and database.
  const { databaseUrl } = stackInfo();
  const app = await pidListeningOn(Number(new URL(baseURL!).port));
  const workers = [];
  for (const pid of await pidsOf("worker.mjs")) {
    if (await environmentHolds(pid, `DATABASE_URL=${databaseUrl}`)) workers.push(pid);
  }
  expect(app).not.toBeNull();
  expect(workers).toHaveLength(1);
  const worker = workers[0]!;
  // The control: the search finds the key where it must be, so its absence elsewhere means something.
  expect(await environmentHolds(worker, DELETE_KEY)).toBe(true);
  expect(await memoryHolds(worker, DELETE_KEY)).toBe(true);
  expect(await environmentHolds(app!, READONLY_KEY)).toBe(true);
  expect(await environmentHolds(app!, DELETE_KEY)).toBe(false);
  expect(await memoryHolds(app!, DELETE_KEY)).toBe(false);

  // The build, every service's log, and the audit log.
  expect(await filesHolding(join(process.cwd(), ".next"), DELETE_KEY)).toEqual([]);
  const log = await readFile(E2E_SERVICE_LOG, "utf8");
  expect(log).toContain("[worker]");
  expect(log).not.toContain(DELETE_KEY);
  const audit = await database().query<{ rows: string; count: string }>(
    "SELECT count(*) AS count, string_agg(row_to_json(a)::text, E'\\n') AS rows FROM audit_event a",
  );
  expect(Number(audit.rows[0]!.count)).toBeGreaterThan(5);
  expect(audit.rows[0]!.rows).toContain(deletionId);
  expect(audit.rows[0]!.rows).not.toContain(DELETE_KEY);
});
