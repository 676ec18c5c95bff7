// Whether Docket's key may delete, found out once and cheaply; and what a key without the scope gets.
import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DeletionCapability, type DeletionTarget } from "@/lib/schemas/deletions";
import { PROBE_CHAT_ID, toCapabilityDto, type DeletionCapabilityProbe } from "@/lib/server/deletion/capability";
import { signConfirmationToken } from "@/lib/server/deletion/confirmation-token";
import { createDeletion } from "@/lib/server/deletion/create-deletion";
import { approveDeletion } from "@/lib/server/deletion/decide-deletion";
import { prepareDeletion } from "@/lib/server/deletion/prepare-deletion";
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
} from "./deletion-fixtures";

let env: DeletionTestEnv;
let db: PrismaClient;
setUpDeletionSuite((fresh) => ({ env, db } = fresh));

const probePath = `/v1/compliance/apps/chats/${PROBE_CHAT_ID}`;
const chat = (): DeletionTarget => ({ kind: "chat", id: env.simulator.fixtures.toolsChat });
const readOnly = () => depsFor(env, db, { client: otherClient(env, { apiKey: READONLY_KEY }) });
const capabilityAudit = () => db.auditEvent.findMany({ where: { action: "deletion.capability" }, select: { outcome: true, params: true } });

describe("the capability probe", () => {
  test("with the full key: available, from one read and one DELETE of an id no chat has, asked once per process", async () => {
    const deps = depsFor(env, db);
    const answer = await deps.capability.check();
    expect(answer.reason).toBe("available");
    await deps.capability.check();
    const dto = toCapabilityDto(answer, deps.settings);
    expect(DeletionCapability.parse(dto)).toEqual(dto);
    expect(dto).toMatchObject({ canDelete: true, approvalsRequired: true, requestTtlHours: 72 });
    expect(env.simulator.requestLog().map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
      `GET ${probePath}/messages 404`,
      `DELETE ${probePath} 404`,
    ]);
    expect(await capabilityAudit()).toEqual([{ outcome: "success", params: { reason: "available", upstreamStatus: 404, upstreamType: "not_found_error" } }]);
  });

  test("with a read-only key: the API's 403 says so, and the UI is told why deleting is unavailable", async () => {
    const answer = await readOnly().capability.check();
    expect(answer.reason).toBe("delete_scope_missing");
    expect(answer.message).toContain(
      "Missing required scopes. Got: ['read:compliance_activities', 'read:compliance_org_data', 'read:compliance_user_data'] Needed: ['delete:compliance_user_data']",
    );
    expect(toCapabilityDto(answer, { approvalsRequired: true, requestTtlHours: 72 })).toMatchObject({ canDelete: false, reason: "delete_scope_missing" });
    expect(await capabilityAudit()).toEqual([
      { outcome: "denied", params: { reason: "delete_scope_missing", upstreamStatus: 403, upstreamType: "permission_error" } },
    ]);
  });

  test("with an Admin API key: unavailable, without asking the API", async () => {
    const deps = depsFor(env, db, { client: otherClient(env, { apiKey: ADMIN_KEY }), keyKind: "admin" });
    expect((await deps.capability.check()).reason).toBe("admin_key");
    expect(env.simulator.requestLog()).toEqual([]);
  });

  test("sends no DELETE when the read-back does not say 404, and asks again later", async () => {
    env.simulator.setFaults([{ match: { path: `${probePath}/messages` }, times: 4, fault: { type: "status", status: 500, shouldRetry: false } }]);
    let now = new Date();
    const deps = depsFor(env, db, { now: () => now });
    expect((await deps.capability.check()).reason).toBe("unverified");
    expect(allDeletes(env.simulator)).toEqual([]);
    // Within half a minute the inconclusive answer stands; after it, the probe runs again.
    expect((await deps.capability.check()).reason).toBe("unverified");
    expect(env.simulator.requestLog()).toHaveLength(1);
    env.simulator.setFaults([]);
    now = new Date(now.getTime() + 31_000);
    expect((await deps.capability.check()).reason).toBe("available");
  });
});

describe("a key without the delete scope", () => {
  test("refuses prepare and a forced commit on the server, audited, and no DELETE of the object is sent", async () => {
    const deps = readOnly();
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
    expect(allDeletes(env.simulator)).toEqual([probePath]);
  });

  test("refuses to execute an approved request (it stays approved), and sends no DELETE", async () => {
    const target = chat();
    const { row } = await requestDeletion(depsFor(env, db), env.people.reviewer, target);
    await expect(approveDeletion(readOnly(), env.people.approver, row.id, { comment: "Approved." }, META)).rejects.toMatchObject({
      code: "delete_unavailable",
    });
    expect(await db.deletionRequest.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "approved", attempts: 0 });
    expect(actionsOf(await auditOf(db, target)).slice(-2)).toEqual(["deletion.approved:success", "deletion.blocked:denied"]);
    expect(deletesOf(env.simulator, target)).toEqual([]);
  });

  test("found out only once the request exists (approvals off): the refusal names the request, which stays approved", async () => {
    const target = chat();
    let checks = 0;
    const changing: DeletionCapabilityProbe = {
      check: async () => ({
        reason: ++checks === 1 ? "available" : "delete_scope_missing",
        message: "No delete scope.",
        checkedAt: new Date(),
        evidence: { status: 403, type: "permission_error", requestId: null },
      }),
      markScopeMissing: () => undefined,
    };
    const deps = { ...depsFor(env, db, { settings: { approvalsRequired: false } }), capability: changing };
    const idempotencyKey = randomUUID();
    const { token } = signConfirmationToken(TOKEN_SECRET, { userId: env.people.reviewer.userId, target, idempotencyKey }, new Date());
    const refusal = (await createDeletion(deps, env.people.reviewer, commitBody(target, idempotencyKey, token), META).catch((error: unknown) => error)) as {
      code: string;
      details: { deletionId: string };
    };
    expect(refusal).toMatchObject({ code: "delete_unavailable", message: "No delete scope." });
    expect(await db.deletionRequest.findUniqueOrThrow({ where: { id: refusal.details.deletionId } })).toMatchObject({ status: "approved", attempts: 0 });
    expect(deletesOf(env.simulator, target)).toEqual([]);
  });

  test("whose probe was inconclusive: the real DELETE's 403 fails the request for good, and deleting becomes unavailable", async () => {
    const target = chat();
    const { row } = await requestDeletion(depsFor(env, db), env.people.reviewer, target);
    let scopeMissing = false;
    const optimistic: DeletionCapabilityProbe = {
      check: async () => ({
        reason: scopeMissing ? "delete_scope_missing" : "unverified",
        message: "",
        checkedAt: new Date(),
        evidence: { status: null, type: null, requestId: null },
      }),
      markScopeMissing: () => {
        scopeMissing = true;
      },
    };
    const deps = { ...readOnly(), capability: optimistic };
    const done = await approveDeletion(deps, env.people.approver, row.id, { comment: "Approved." }, META);
    expect(done).toMatchObject({ status: "failed", upstreamStatus: 403, outcome: { kind: "no_delete_scope" } });
    expect(deletesOf(env.simulator, target)).toEqual([403]);
    expect(scopeMissing).toBe(true);
  });
});
