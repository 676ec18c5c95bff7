import "server-only";
import type { DeletionPreparation, PrepareDeletionBody } from "@/lib/schemas/deletions";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { auditActorOf, type Actor } from "@/lib/server/auth/session-store";
import { AppError } from "@/lib/server/http/errors";
import type { RequestMetadata } from "@/lib/server/http/request-metadata";
import { findCoveringHolds, holdMessage } from "@/lib/server/legal-holds/find-covering-holds";
import { signConfirmationToken } from "./confirmation-token";
import type { DeletionDeps } from "./deletion-deps";
import { readTarget } from "./read-target";
import { requireDeleteCapability } from "./require-capability";

/**
 * The first step of the delete dialog: what would be destroyed, refused early for a hold, an open
 * request or a key that cannot delete, with a confirmation token for the second step.
 * Reading it is audited like any view of the object's metadata.
 */
export async function prepareDeletion(deps: DeletionDeps, actor: Actor, body: PrepareDeletionBody, metadata: RequestMetadata): Promise<DeletionPreparation> {
  await requireDeleteCapability(deps);
  const reading = await readTarget(deps.client, body.target, false);
  const holds = await findCoveringHolds(deps.db, reading.holdKeys);
  if (holds.length > 0) throw new AppError("legal_hold", holdMessage(holds.map((hold) => hold.matterName)), { holds });
  const open = await deps.db.deletionRequest.findUnique({
    where: { openTarget: `${body.target.kind}:${body.target.id}` },
    select: { id: true, idempotencyKey: true, status: true },
  });
  if (open && open.idempotencyKey !== body.idempotencyKey) {
    throw new AppError("deletion_open", `A deletion request for this object is already open (${open.status}).`, { deletionId: open.id });
  }
  await recordAuditEvent(
    deps.db,
    {
      actor: auditActorOf(actor),
      action: "deletion.prepared",
      target: { type: body.target.kind, id: body.target.id },
      organizationId: reading.facts.organizationUuid,
      params: { idempotencyKey: body.idempotencyKey },
      outcome: "success",
      upstreamRequestId: reading.upstreamRequestIds.join(" ").slice(0, 1024) || null,
      ...metadata,
    },
    { checkpoints: deps.checkpoints },
  );
  const { token, expiresAt } = signConfirmationToken(
    deps.settings.tokenSecret,
    { userId: actor.userId, target: body.target, idempotencyKey: body.idempotencyKey },
    deps.now(),
  );
  return {
    target: reading.facts,
    summary: reading.summary,
    acceptedConfirmations: [...new Set([reading.facts.name, reading.facts.id].filter((value) => value.trim() !== ""))],
    approvalsRequired: deps.settings.approvalsRequired,
    confirmationToken: token,
    tokenExpiresAt: expiresAt.toISOString(),
    idempotencyKey: body.idempotencyKey,
  };
}
