// The deletion and legal-hold routes over HTTP, against the built app: validation, refusals, and a
// whole deletion from the dialog's two steps to the approval. The simulator is reset afterwards, so
// the object deleted here is back for the other specs.
import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { DeletionCapability, DeletionPreparation, DeletionRequestDetail, DeletionRequestDto } from "@/lib/schemas/deletions";
import { LegalHoldDto } from "@/lib/schemas/legal-holds";
import { expect, test } from "./support/fixtures";
import { SMALL_SEED_1_ARTIFACTS } from "@/tests/support/simulator-ids";
import { seedSession, SESSION_COOKIE, stackInfo, type Persona } from "./support/stack";

const DOCUMENT = { kind: "project_document", id: SMALL_SEED_1_ARTIFACTS.projectDocument } as const;

test.afterAll(async () => {
  const response = await fetch(new URL("/_simulator/reset", stackInfo().apiBaseUrl), { method: "POST" });
  expect(response.ok).toBe(true);
});

type Call = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<{ status: number; body: { error?: { code: string; message: string; details?: unknown } } & Record<string, unknown> }>;

async function as(persona: Persona, request: APIRequestContext, baseURL: string): Promise<Call> {
  const { token } = await seedSession(persona);
  return async (method, path, body, headers = {}) => {
    const response = await request.fetch(path, {
      method,
      maxRedirects: 0,
      headers: { cookie: `${SESSION_COOKIE}=${token}`, origin: baseURL, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      data: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    return { status: response.status(), body: (await response.json()) as never };
  };
}

test("a deletion through the routes: prepared, confirmed (a repeat answers with the same request), approved by another person, its life readable", async ({
  request,
  baseURL,
}) => {
  const reviewer = await as("reviewer", request, baseURL!);
  const approver = await as("approver", request, baseURL!);

  const capability = await reviewer("GET", "/api/deletions/capability");
  expect(capability.status).toBe(200);
  expect(DeletionCapability.parse(capability.body)).toMatchObject({ canDelete: true, approvalsRequired: true, requestTtlHours: 72 });

  const idempotencyKey = randomUUID();
  const prepared = await reviewer("POST", "/api/deletions/prepare", { target: DOCUMENT, idempotencyKey });
  expect(prepared.status).toBe(200);
  const preparation = DeletionPreparation.parse(prepared.body);
  expect(preparation.summary.kind).toBe("project_document");

  const confirm = {
    target: DOCUMENT,
    idempotencyKey,
    confirmationToken: preparation.confirmationToken,
    typedConfirmation: preparation.target.name,
    reason: { code: "retention_policy" },
    reference: "RET-7",
  };
  const created = await reviewer("POST", "/api/deletions", confirm);
  expect(created.status).toBe(201);
  const request1 = DeletionRequestDto.parse(created.body);
  expect(request1).toMatchObject({ status: "requested", allowedActions: ["cancel"] });
  const repeated = await reviewer("POST", "/api/deletions", confirm);
  expect(repeated.status).toBe(200);
  expect(repeated.body.id).toBe(request1.id);
  expect((await reviewer("POST", "/api/deletions", { ...confirm, reference: "RET-8" })).body.error?.code).toBe("idempotency_conflict");

  const queue = await approver("GET", "/api/deletions?status=requested");
  expect((queue.body.requests as Array<{ id: string; allowedActions: string[] }>).find((listed) => listed.id === request1.id)?.allowedActions).toEqual([
    "approve",
    "reject",
  ]);

  expect((await approver("POST", `/api/deletions/${request1.id}/approve`, { comment: " " })).status).toBe(400);
  const approved = await approver("POST", `/api/deletions/${request1.id}/approve`, { comment: "Past its retention." });
  expect(approved.status).toBe(200);
  // Handed to the worker, which alone holds the delete key; it settles within seconds.
  expect(DeletionRequestDto.parse(approved.body)).toMatchObject({ status: "approved", allowedActions: [] });
  const settled = async () => DeletionRequestDetail.parse((await reviewer("GET", `/api/deletions/${request1.id}`)).body);
  await expect.poll(async () => (await settled()).request.status, { timeout: 20_000 }).toBe("succeeded");

  const detail = await settled();
  expect(detail.request).toMatchObject({ outcome: { kind: "deleted" }, upstream: { httpStatus: 200 } });
  expect(detail.history.map((entry) => entry.action)).toEqual([
    "deletion.requested",
    "deletion.approved",
    "deletion.snapshot",
    "deletion.executing",
    "deletion.succeeded",
  ]);
});

test("the routes refuse what is malformed, forged, one's own to approve, or under a legal hold", async ({ request, baseURL }) => {
  const reviewer = await as("reviewer", request, baseURL!);
  const approver = await as("approver", request, baseURL!);
  const admin = await as("admin", request, baseURL!);
  const target = { kind: "chat", id: SMALL_SEED_1_ARTIFACTS.chat };

  expect((await reviewer("POST", "/api/deletions/prepare", { target: { kind: "user", id: "x" }, idempotencyKey: randomUUID() })).status).toBe(400);
  expect((await reviewer("POST", "/api/deletions/prepare", { target, idempotencyKey: "not-a-uuid" })).status).toBe(400);
  expect((await reviewer("POST", "/api/deletions/prepare", "{}", { "content-type": "text/plain" })).status).toBe(400);
  expect((await reviewer("GET", "/api/deletions/not-a-uuid")).status).toBe(400);
  const forged = await reviewer("POST", "/api/deletions", {
    target,
    idempotencyKey: randomUUID(),
    confirmationToken: "x.y",
    typedConfirmation: target.id,
    reason: { code: "other" },
    reference: "X",
  });
  expect(forged.status).toBe(400); // "other" without its text
  const withoutPrepare = await reviewer("POST", "/api/deletions", {
    target,
    idempotencyKey: randomUUID(),
    confirmationToken: "x.y",
    typedConfirmation: target.id,
    reason: { code: "data_leak" },
    reference: "X",
  });
  expect(withoutPrepare).toMatchObject({ status: 400, body: { error: { code: "confirmation_invalid" } } });

  // An approver's own request waits for someone else.
  const idempotencyKey = randomUUID();
  const prepared = DeletionPreparation.parse((await approver("POST", "/api/deletions/prepare", { target, idempotencyKey })).body);
  const mistyped = await approver("POST", "/api/deletions", {
    target,
    idempotencyKey,
    confirmationToken: prepared.confirmationToken,
    typedConfirmation: "something else",
    reason: { code: "data_leak" },
    reference: "DLP-1",
  });
  expect(mistyped).toMatchObject({ status: 400, body: { error: { code: "confirmation_mismatch" } } });
  const created = await approver("POST", "/api/deletions", {
    target,
    idempotencyKey,
    confirmationToken: prepared.confirmationToken,
    typedConfirmation: target.id,
    reason: { code: "data_leak" },
    reference: "DLP-1",
  });
  expect(created.status).toBe(201);
  const own = await approver("POST", `/api/deletions/${String(created.body.id)}/approve`, { comment: "Mine." });
  expect(own).toMatchObject({ status: 403, body: { error: { code: "own_request" } } });
  expect((await reviewer("POST", `/api/deletions/${String(created.body.id)}/cancel`, {})).body.error?.code).toBe("not_requester");
  expect((await approver("POST", `/api/deletions/${String(created.body.id)}/cancel`, { comment: "Not mine to decide." })).body.status).toBe("cancelled");

  // A legal hold: refused when asked, naming the matter.
  expect((await admin("POST", "/api/legal-holds", { matterName: "Future", reason: "R", startsOn: "2999-01-01", scope: { chatIds: [target.id] } })).status).toBe(
    400,
  );
  const nothing = `claude_chat_01${"0".repeat(22)}`;
  const unknown = await admin("POST", "/api/legal-holds", {
    matterName: "Typo",
    reason: "R",
    startsOn: "2026-11-01",
    scope: { userIds: ["user_01NoSuchCustodian"], chatIds: [target.id, nothing] },
  });
  expect(unknown.status).toBe(400);
  expect(JSON.stringify(unknown.body)).toContain("user_01NoSuchCustodian, " + nothing);
  expect(JSON.stringify(unknown.body)).not.toContain(target.id);
  const placed = await admin("POST", "/api/legal-holds", {
    matterName: "Doe v. Acme",
    reason: "Complaint served",
    startsOn: "2026-11-01",
    scope: { chatIds: [target.id] },
  });
  expect(placed.status).toBe(201);
  const hold = LegalHoldDto.parse(placed.body);
  const held = await reviewer("POST", "/api/deletions/prepare", { target, idempotencyKey: randomUUID() });
  expect(held).toMatchObject({ status: 409, body: { error: { code: "legal_hold", details: { holds: [{ id: hold.id, matterName: "Doe v. Acme" }] } } } });
  expect((await admin("POST", `/api/legal-holds/${hold.id}/release`, { reason: "" })).status).toBe(400);
  expect((await admin("POST", `/api/legal-holds/${hold.id}/release`, { reason: "Dismissed" })).body.status).toBe("released");
  expect((await reviewer("POST", "/api/deletions/prepare", { target, idempotencyKey: randomUUID() })).status).toBe(200);
});
