import "server-only";
import { createHash } from "node:crypto";
import type { CreateDeletionBody } from "@/lib/schemas/deletions";
import { canonicalJson } from "@/lib/server/audit/canonical-json";
import type { Actor } from "@/lib/server/auth/session-store";
import { isUniqueConstraintViolation } from "@/lib/server/db";
import { AppError } from "@/lib/server/http/errors";
import type { RequestMetadata } from "@/lib/server/http/request-metadata";
import { findCoveringHolds, holdMessage } from "@/lib/server/legal-holds/find-covering-holds";
import { lockHolds } from "@/lib/server/legal-holds/hold-lock";
import { checkConfirmationToken } from "./confirmation-token";
import { approveDeletion } from "./decide-deletion";
import type { DeletionDeps } from "./deletion-deps";
import { DELETION_INCLUDE, type DeletionRow } from "./deletion-dto";
import { recordDeletionEvent, type Cause } from "./deletion-events";
import { loadDeletion } from "./execute-deletion";
import { readTarget } from "./read-target";
import { requireDeleteCapability } from "./require-capability";

const APPROVALS_OFF_COMMENT = "Approvals are off (DOCKET_DELETE_APPROVALS=0): the requester's confirmation suffices.";

/** What was asked, as a hash: the same idempotency key with a different ask is refused (422). */
function fingerprintOf(userId: string, body: CreateDeletionBody): string {
  const ask = {
    requester: userId,
    target: { kind: body.target.kind, id: body.target.id, projectId: body.target.projectId ?? null },
    reason: { code: body.reason.code, text: body.reason.text ?? null },
    reference: body.reference,
  };
  return createHash("sha256").update(canonicalJson(ask)).digest("hex");
}

/** The stored request for this key, when the same ask is repeated (a double click, a retry). */
function replay(existing: DeletionRow, fingerprint: string): { row: DeletionRow; created: false } {
  if (existing.fingerprint !== fingerprint) throw new AppError("idempotency_conflict");
  return { row: existing, created: false };
}

/**
 * The second step of the delete dialog: checks the token made by prepare, the typed name or
 * id, the key's capability and the holds, then records the request. With approvals off, the
 * requester's confirmation is the approval and the deletion runs at once. The same idempotency key
 * with the same ask answers with the request already made, never a second one.
 */
export async function createDeletion(
  deps: DeletionDeps,
  actor: Actor,
  body: CreateDeletionBody,
  metadata: RequestMetadata,
): Promise<{ row: DeletionRow; created: boolean }> {
  const now = deps.now();
  const binding = { userId: actor.userId, target: body.target, idempotencyKey: body.idempotencyKey };
  const token = checkConfirmationToken(deps.settings.tokenSecret, body.confirmationToken, binding, now);
  if (token === "invalid") throw new AppError("confirmation_invalid");
  const fingerprint = fingerprintOf(actor.userId, body);
  const existing = await deps.db.deletionRequest.findUnique({ where: { idempotencyKey: body.idempotencyKey }, include: DELETION_INCLUDE });
  if (existing) return replay(existing, fingerprint);
  if (token === "expired") throw new AppError("confirmation_invalid", "The confirmation has expired (it lasts five minutes). Open the delete dialog again.");

  const cause: Cause = { actor, metadata };
  const auditTarget = { id: null, targetKind: body.target.kind, targetId: body.target.id, organizationUuid: null };
  try {
    await requireDeleteCapability(deps);
  } catch (error) {
    await recordDeletionEvent(
      deps.db,
      auditTarget,
      cause,
      { action: "deletion.blocked", outcome: "denied", params: { reason: "delete_scope_missing", step: "request" } },
      deps.checkpoints,
    );
    throw error;
  }
  const reading = await readTarget(deps.client, body.target, false);
  const typed = body.typedConfirmation.trim();
  if (typed === "" || (typed !== reading.facts.name.trim() && typed !== reading.facts.id)) throw new AppError("confirmation_mismatch");

  let row: DeletionRow;
  try {
    row = await deps.db
      .$transaction(async (tx) => {
        await lockHolds(tx, "shared");
        const holds = await findCoveringHolds(tx, reading.holdKeys);
        if (holds.length > 0) return { holds };
        const created = await tx.deletionRequest.create({
          data: {
            idempotencyKey: body.idempotencyKey,
            fingerprint,
            targetKind: body.target.kind,
            targetId: body.target.id,
            targetName: reading.facts.name,
            targetProjectId: reading.facts.projectId,
            organizationUuid: reading.facts.organizationUuid,
            targetCreatedAt: reading.facts.createdAt,
            openTarget: `${body.target.kind}:${body.target.id}`,
            holdKeys: reading.holdKeys,
            summary: reading.summary,
            reasonCode: body.reason.code,
            reasonText: body.reason.text || null,
            reference: body.reference,
            requesterId: actor.userId,
            approvalsRequired: deps.settings.approvalsRequired,
            status: "requested",
            createdAt: now,
            updatedAt: now,
            expiresAt: new Date(now.getTime() + deps.settings.requestTtlHours * 3_600_000),
          },
        });
        await recordDeletionEvent(
          tx,
          created,
          cause,
          {
            action: "deletion.requested",
            outcome: "success",
            params: {
              reasonCode: body.reason.code,
              reasonText: body.reason.text || null,
              reference: body.reference,
              approvalsRequired: deps.settings.approvalsRequired,
              idempotencyKey: body.idempotencyKey,
              expiresAt: created.expiresAt.toISOString(),
            },
            upstreamRequestId: reading.upstreamRequestIds.join(" ").slice(0, 1024) || null,
          },
          deps.checkpoints,
        );
        return created;
      })
      .then(async (result) => {
        if (!("holds" in result)) return loadDeletion(deps, result.id);
        await recordDeletionEvent(
          deps.db,
          { ...auditTarget, organizationUuid: reading.facts.organizationUuid },
          cause,
          {
            action: "deletion.blocked",
            outcome: "denied",
            params: { reason: "legal_hold", step: "request", holds: result.holds },
          },
          deps.checkpoints,
        );
        throw new AppError("legal_hold", holdMessage(result.holds.map((hold) => hold.matterName)), { holds: result.holds });
      });
  } catch (error) {
    if (!isUniqueConstraintViolation(error)) throw error;
    // Another request won the race: the same click again (same key), or another open request.
    const sameKey = await deps.db.deletionRequest.findUnique({ where: { idempotencyKey: body.idempotencyKey }, include: DELETION_INCLUDE });
    if (sameKey) return replay(sameKey, fingerprint);
    const open = await deps.db.deletionRequest.findUnique({
      where: { openTarget: `${body.target.kind}:${body.target.id}` },
      select: { id: true, status: true },
    });
    throw new AppError(
      "deletion_open",
      `A deletion request for this object is already open${open ? ` (${open.status})` : ""}.`,
      open ? { deletionId: open.id } : undefined,
    );
  }

  if (deps.settings.approvalsRequired) return { row, created: true };
  try {
    return { row: await approveDeletion(deps, actor, row.id, { comment: APPROVALS_OFF_COMMENT }, metadata, { selfApproval: true }), created: true };
  } catch (error) {
    // The request exists even though it did not run: name it, so it can be opened and executed later.
    if (error instanceof AppError && error.details === undefined) throw new AppError(error.code, error.message, { deletionId: row.id });
    throw error;
  }
}
