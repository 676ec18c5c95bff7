import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CreateLegalHoldBody, LegalHoldDto, LegalHoldListQuery, ReleaseLegalHoldBody } from "@/lib/schemas/legal-holds";
import { recordAuditEvent, type RecordOptions } from "@/lib/server/audit/record-audit-event";
import { auditActorOf, type Actor } from "@/lib/server/auth/session-store";
import { AppError } from "@/lib/server/http/errors";
import type { RequestMetadata } from "@/lib/server/http/request-metadata";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { findUnknownHoldObjects } from "./find-unknown-hold-objects";
import { lockHolds } from "./hold-lock";
import { LEGAL_HOLD_INCLUDE, toLegalHoldDto } from "./legal-hold-dto";

type ParsedCreateBody = z.output<typeof CreateLegalHoldBody>;

export interface HoldOptions {
  /** Where the audit append asks for a checkpoint (default: the app's scheduler). */
  checkpoints?: RecordOptions["checkpoints"];
  now?: Date;
}

/**
 * Places a hold after checking that every object it names exists (find-unknown-hold-objects.ts): a
 * mistyped id is refused with the ids the API does not know, rather than kept as a hold on nothing.
 */
export async function placeLegalHold(
  client: ComplianceClient,
  db: PrismaClient,
  actor: Actor,
  body: ParsedCreateBody,
  metadata: RequestMetadata,
  signal?: AbortSignal,
): Promise<LegalHoldDto> {
  const unknown = await findUnknownHoldObjects(client, body.scope, signal);
  if (unknown.length > 0) {
    throw new AppError(
      "invalid_request",
      `No hold was placed: the Compliance API knows no ${unknown.length === 1 ? "object" : "objects"} with ${unknown.length === 1 ? "this id" : "these ids"}: ${unknown.join(", ")}. Users must be members of an organisation; someone who has left is held through their chats or projects.`,
    );
  }
  return createLegalHold(db, actor, body, metadata);
}

/**
 * Places a hold on the given ids as they are (placeLegalHold checks them first). Its audit event commits with it; the exclusive hold lock makes any deletion whose
 * intent is not yet written see it (lib/server/legal-holds/hold-lock.ts).
 */
export async function createLegalHold(
  db: PrismaClient,
  actor: Actor,
  body: ParsedCreateBody,
  metadata: RequestMetadata,
  options: HoldOptions = {},
): Promise<LegalHoldDto> {
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  if (body.startsOn > today) {
    throw new AppError(
      "invalid_request",
      "The start date is the day the duty to preserve arose: today or earlier. A hold is in force from the moment it is created.",
    );
  }
  const scope = [
    ...body.scope.userIds.map((objectId) => ({ kind: "user", objectId })),
    ...body.scope.projectIds.map((objectId) => ({ kind: "project", objectId })),
    ...body.scope.chatIds.map((objectId) => ({ kind: "chat", objectId })),
  ];
  const holdId = await db.$transaction(async (tx) => {
    await lockHolds(tx, "exclusive");
    const created = await tx.legalHold.create({
      data: {
        matterName: body.matterName,
        reason: body.reason,
        startsOn: new Date(`${body.startsOn}T00:00:00Z`),
        createdById: actor.userId,
        scope: { create: scope },
      },
      select: { id: true },
    });
    await recordAuditEvent(
      tx,
      {
        actor: auditActorOf(actor),
        action: "hold.created",
        target: { type: "legal_hold", id: created.id },
        params: { matterName: body.matterName, reason: body.reason, startsOn: body.startsOn, scope: body.scope },
        outcome: "success",
        ...metadata,
      },
      { checkpoints: options.checkpoints },
    );
    return created.id;
  });
  return getLegalHold(db, holdId);
}

/** Releases an active hold, with the reason; a released hold stays on record. */
export async function releaseLegalHold(
  db: PrismaClient,
  actor: Actor,
  holdId: string,
  body: ReleaseLegalHoldBody,
  metadata: RequestMetadata,
  options: Pick<HoldOptions, "checkpoints"> = {},
): Promise<LegalHoldDto> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.legalHold.updateMany({
      where: { id: holdId, status: "active" },
      data: { status: "released", releasedById: actor.userId, releasedAt: new Date(), releaseReason: body.reason },
    });
    if (count === 0) {
      const existing = await tx.legalHold.findUnique({ where: { id: holdId }, select: { status: true } });
      if (!existing) throw new AppError("not_found", "There is no legal hold with this id.");
      throw new AppError("hold_released");
    }
    await recordAuditEvent(
      tx,
      {
        actor: auditActorOf(actor),
        action: "hold.released",
        target: { type: "legal_hold", id: holdId },
        params: { reason: body.reason },
        outcome: "success",
        ...metadata,
      },
      { checkpoints: options.checkpoints },
    );
  });
  return getLegalHold(db, holdId);
}

/** Every hold (or those of one status), newest first. */
export async function listLegalHolds(db: PrismaClient, query: LegalHoldListQuery): Promise<LegalHoldDto[]> {
  const rows = await db.legalHold.findMany({
    where: query.status ? { status: query.status } : {},
    include: LEGAL_HOLD_INCLUDE,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map(toLegalHoldDto);
}

export async function getLegalHold(db: PrismaClient, holdId: string): Promise<LegalHoldDto> {
  const row = await db.legalHold.findUnique({ where: { id: holdId }, include: LEGAL_HOLD_INCLUDE });
  if (!row) throw new AppError("not_found", "There is no legal hold with this id.");
  return toLegalHoldDto(row);
}
