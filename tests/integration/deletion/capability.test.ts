// What the worker finds out about its delete key without deleting anything, what the web app (which
// never holds that key) is told, and what a key without the delete scope gets.
import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DeletionCapability, type DeletionTarget } from "@/lib/schemas/deletions";
import { REPORT_STALE_MS, toCapabilityDto } from "@/lib/server/deletion/capability";
import { signConfirmationToken } from "@/lib/server/deletion/confirmation-token";
import { createDeletion } from "@/lib/server/deletion/create-deletion";
import { approveDeletion, runApprovedDeletion } from "@/lib/server/deletion/decide-deletion";
import { scopesNamedIn } from "@/lib/server/deletion/delete-key";
import { toDeletionDto } from "@/lib/server/deletion/deletion-dto";
import { loadDeletion } from "@/lib/server/deletion/execute-deletion";
import { prepareDeletion } from "@/lib/server/deletion/prepare-deletion";
import { runQueuedDeletion } from "@/lib/server/deletion/run-queued-deletion";
import { ADMIN_KEY, READONLY_KEY } from "@/tests/support/simulator";
import {
  actionsOf,
  allDeletes,
  auditOf,
  commitBody,
  deletesOf,
  depsFor,
  META,
  otherClient,
  requestDeletion,
  setUpDeletionSuite,
  TOKEN_SECRET,
  type DeletionTestEnv,
  type DepsOptions,
} from "./deletion-fixtures";

let env: DeletionTestEnv;
let db: PrismaClient;
setUpDeletionSuite((fresh) => ({ env, db } = fresh));

const chat = (): DeletionTarget => ({ kind: "chat", id: env.simulator.fixtures.toolsChat });
const withDeleteKey = (apiKey: string, options: DepsOptions = {}) => depsFor(env, db, { deleter: otherClient(env, { apiKey }), ...options });
const capabilityAudit = () => db.auditEvent.findMany({ where: { action: "deletion.capability" }, select: { outcome: true, params: true } });
const requests = () => env.simulator.requestLog().map((entry) => `${entry.method} ${entry.path} ${entry.status}`);
const ORGANIZATIONS = "GET /v1/compliance/organizations";

/** The simulator's key list, as the API gives it to the read key. */
async function keyNamed(name: string): Promise<{ id: string; scopes: string[] }> {
  const { data: organizations } = await env.client.organizations.list({ limit: 1 });
  const { data: settings } = await env.client.organizations.getSettings(organizations.data[0]!.uuid);
  const key = settings.api_keys.find((entry) => entry.name === name);
  if (!key) throw new Error(`no key named ${name}`);
  return { id: key.id, scopes: [...key.scopes] };
}

describe("the worker learns its delete key", () => {
  test("with the full key: identified in the key list through the Activity Feed, available, reported and audited once; no DELETE", async () => {
    const deps = depsFor(env, db);
    const expected = await keyNamed("Docket eDiscovery (read + delete)");
    env.simulator.reset();
    const finding = await deps.worker.capability.refresh();
    expect(finding).toMatchObject({ reason: "available", keyId: expected.id, scopes: expected.scopes });
    expect(requests()).toEqual([
      `${ORGANIZATIONS} 200`,
      "GET /v1/compliance/activities 200",
      expect.stringMatching(/^GET \/v1\/compliance\/organizations\/[^/]+\/settings 200$/),
    ]);
    expect(allDeletes(env.simulator)).toEqual([]);

    // The web app reads the report; it never asked the API anything about the key.
    const seen = await deps.capability.check();
    expect(seen).toMatchObject({ reason: "available", checkedAt: finding.checkedAt });
    const dto = toCapabilityDto(seen, deps.settings);
    expect(DeletionCapability.parse(dto)).toEqual(dto);
    expect(dto).toMatchObject({ canDelete: true, approvalsRequired: true, requestTtlHours: 72 });

    // Learnt again (every ten minutes): the report is renewed, the audit log hears only of changes.
    await deps.worker.capability.refresh();
    expect(await capabilityAudit()).toEqual([
      {
        outcome: "success",
        params: expect.objectContaining({ reason: "available", keyId: expected.id, scopes: expected.scopes, reportedBy: "test-worker" }),
      },
    ]);
  });

  test("with a read-only key: the scope is missing, and the web app's UI is told why deleting is unavailable", async () => {
    const deps = withDeleteKey(READONLY_KEY);
    const expected = await keyNamed("Docket read-only audit");
    const finding = await deps.worker.capability.refresh();
    expect(finding).toMatchObject({ reason: "delete_scope_missing", keyId: expected.id, scopes: expected.scopes });
    expect(toCapabilityDto(await deps.capability.check(), deps.settings)).toMatchObject({ canDelete: false, reason: "delete_scope_missing" });
    expect(await capabilityAudit()).toEqual([{ outcome: "denied", params: expect.objectContaining({ reason: "delete_scope_missing" }) }]);
    expect(allDeletes(env.simulator)).toEqual([]);
  });

  test("a key the API refuses a read names its scopes in the 403: that settles it", async () => {
    env.simulator.setFaults([{ match: { method: "GET", path: "/v1/compliance/organizations" }, fault: { type: "scope_denied" } }]);
    const finding = await depsFor(env, db).worker.capability.refresh();
    expect(finding).toMatchObject({ reason: "available", keyId: null, evidence: { status: 403, type: "permission_error" } });
    expect(finding.scopes).toContain("delete:compliance_user_data");
    expect(finding.scopes).not.toContain("read:compliance_org_data");
    expect(requests()).toEqual([`${ORGANIZATIONS} 403`]);
  });

  test("an Admin API key, or none: unavailable, without asking the API", async () => {
    expect(await withDeleteKey(ADMIN_KEY, { deleterKind: "admin" }).worker.capability.refresh()).toMatchObject({ reason: "admin_key" });
    const keyless = depsFor(env, db, { deleter: null });
    expect(await keyless.worker.capability.refresh()).toMatchObject({ reason: "no_delete_key" });
    expect(toCapabilityDto(await keyless.capability.check(), keyless.settings)).toMatchObject({ canDelete: false, reason: "no_delete_key" });
    expect(env.simulator.requestLog()).toEqual([]);
  });

  test("the API failing: unverified, not refused, and learnt again half a minute later", async () => {
    env.simulator.setFaults([{ match: { path: "/v1/compliance/organizations" }, times: 1, fault: { type: "status", status: 500, shouldRetry: false } }]);
    let now = new Date();
    const deps = depsFor(env, db, { now: () => now });
    expect((await deps.worker.capability.check()).reason).toBe("unverified");
    expect((await deps.worker.capability.check()).reason).toBe("unverified");
    expect(env.simulator.requestLog()).toHaveLength(1);
    now = new Date(now.getTime() + 31_000);
    expect((await deps.worker.capability.check()).reason).toBe("available");
  });

  test("the web app without a worker's report, or with an old one: unverified, and says the worker is missing", async () => {
    let now = new Date();
    const deps = depsFor(env, db, { now: () => now });
    expect(await deps.capability.check()).toMatchObject({ reason: "unverified", checkedAt: null, message: expect.stringContaining("npm run worker") });
    await deps.worker.capability.refresh();
    now = new Date(now.getTime() + REPORT_STALE_MS + 1_000);
    expect(await deps.capability.check()).toMatchObject({ reason: "unverified", message: expect.stringContaining("No Docket worker has reported since") });
  });

  test("the scopes in a 403's message", () => {
    expect(scopesNamedIn("Missing required scopes. Got: ['read:compliance_user_data', 'delete:compliance_user_data'] Needed: ['x']")).toEqual([
      "read:compliance_user_data",
      "delete:compliance_user_data",
    ]);
    expect(scopesNamedIn("Missing required scopes. Got: [] Needed: ['x']")).toEqual([]);
    expect(scopesNamedIn("Something else")).toBeNull();
  });
});

describe("a delete key without the delete scope", () => {
  test("refuses prepare and a forced commit on the server, audited, and nothing is sent", async () => {
    const deps = withDeleteKey(READONLY_KEY);
    await deps.worker.capability.refresh();
    const target = chat();
    const idempotencyKey = randomUUID();
    await expect(prepareDeletion(deps, env.people.reviewer, { target, idempotencyKey }, META)).rejects.toMatchObject({ code: "delete_unavailable" });
    // A request forged past the dialog: a valid token, straight to the commit.
    const { token } = signConfirmationToken(TOKEN_SECRET, { userId: env.people.reviewer.userId, target, idempotencyKey }, new Date());
    await expect(createDeletion(deps, env.people.reviewer, commitBody(target, idempotencyKey, token), META)).rejects.toMatchObject({
      code: "delete_unavailable",
    });
    expect(await db.deletionRequest.count()).toBe(0);
    expect(actionsOf(await auditOf(db, target))).toEqual(["deletion.blocked:denied"]);
    expect(allDeletes(env.simulator)).toEqual([]);
  });

  test("refuses the approval of a request made before the key changed: it stays requested", async () => {
    const target = chat();
    const { row } = await requestDeletion(depsFor(env, db), env.people.reviewer, target);
    const deps = withDeleteKey(READONLY_KEY);
    await deps.worker.capability.refresh();
    await expect(approveDeletion(deps, env.people.approver, row.id, { comment: "Approved." }, META)).rejects.toMatchObject({ code: "delete_unavailable" });
    expect(await db.deletionRequest.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "requested", attempts: 0 });
    expect(deletesOf(env.simulator, target)).toEqual([]);
  });

  test("learnt between the approval and the execution: the worker gives up and says why; an approver may ask again", async () => {
    const target = chat();
    const queuing = depsFor(env, db, { inlineWorker: false });
    const { row } = await requestDeletion(queuing, env.people.reviewer, target);
    await approveDeletion(queuing, env.people.approver, row.id, { comment: "Approved." }, META);

    const readOnlyWorker = withDeleteKey(READONLY_KEY, { inlineWorker: false });
    await readOnlyWorker.worker.capability.refresh();
    expect(await runQueuedDeletion(readOnlyWorker.worker, row.id)).toBe("blocked");
    const blocked = toDeletionDto(await loadDeletion(queuing, row.id), env.people.approver);
    expect(blocked).toMatchObject({ status: "approved", attempts: 0, executionQueuedAt: null, allowedActions: ["execute"] });
    expect(blocked.executionError).toContain("lacks the delete:compliance_user_data scope");
    expect(toDeletionDto(await loadDeletion(queuing, row.id), env.people.reviewer).allowedActions).toEqual([]);
    expect(actionsOf(await auditOf(db, target)).slice(-2)).toEqual(["deletion.approved:success", "deletion.blocked:denied"]);
    expect(deletesOf(env.simulator, target)).toEqual([]);

    // The key is fixed; an approver asks again, and the worker executes it.
    const fixed = depsFor(env, db);
    await fixed.worker.capability.refresh();
    expect(await runApprovedDeletion(fixed, env.people.approver2, row.id, META)).toMatchObject({ status: "succeeded" });
    expect(actionsOf(await auditOf(db, target))).toContain("deletion.queued:success");
    expect(deletesOf(env.simulator, target)).toEqual([200]);
  });

  test("when learning was inconclusive: the real DELETE's 403 fails the request for good, and the report says the scope is missing", async () => {
    const target = chat();
    const { row } = await requestDeletion(depsFor(env, db), env.people.reviewer, target);
    env.simulator.setFaults([{ match: { path: "/v1/compliance/organizations" }, times: 1, fault: { type: "status", status: 500, shouldRetry: false } }]);
    const deps = withDeleteKey(READONLY_KEY);
    expect((await deps.worker.capability.refresh()).reason).toBe("unverified");
    env.simulator.setFaults([]);
    const done = await approveDeletion(deps, env.people.approver, row.id, { comment: "Approved." }, META);
    expect(done).toMatchObject({ status: "failed", upstreamStatus: 403, outcome: { kind: "no_delete_scope" } });
    expect(deletesOf(env.simulator, target)).toEqual([403]);
    expect(await deps.capability.check()).toMatchObject({ reason: "delete_scope_missing" });
    expect((await db.deleteKeyReport.findFirstOrThrow()).scopes).toEqual([
      "read:compliance_activities",
      "read:compliance_org_data",
      "read:compliance_user_data",
    ]);
  });
});
