import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CollectionDto, CreateCollectionBody } from "@/lib/schemas/collections";
import type { CheckpointScheduler } from "@/lib/server/audit/checkpoint";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { auditActorOf, type Actor } from "@/lib/server/auth/session-store";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { DOCKET_VERSION } from "@/lib/server/docket-version";
import { AppError } from "@/lib/server/http/errors";
import type { RequestMetadata } from "@/lib/server/http/request-metadata";
import { givenParams } from "@/lib/server/http/route";
import { findUnknownHoldObjects } from "@/lib/server/legal-holds/find-unknown-hold-objects";
import { collectionDto, readCollectionRow, readCollectionRows } from "./collection-dto";

/** Wakes the worker for a collection: a job per parallel lane (lib/server/jobs). */
export type EnqueueCollection = (collectionId: string) => Promise<void>;

interface Options {
  checkpoints?: Pick<CheckpointScheduler, "schedule"> | null;
}

/** DOCKET_INTERACTIVE_RESERVE: the estimate of the time left counts only the budget background work may use. */
type Reserve = number;

/**
 * Creates a collection once every custodian, organisation and project of its scope is known to the
 * API (a mistyped id would gather nothing while reading as complete), audits it in the same
 * transaction, and only then wakes the worker. If waking fails, the worker still finds the queued
 * collection on its next sweep.
 */
export async function createCollection(
  client: ComplianceClient,
  db: PrismaClient,
  enqueue: EnqueueCollection,
  actor: Actor,
  body: CreateCollectionBody,
  metadata: RequestMetadata,
  options: Options & { signal?: AbortSignal } = {},
): Promise<{ id: string }> {
  if (body.include.includes("sessions") && body.scope.userIds.length === 0 && body.scope.organizationIds.length === 0) {
    throw new AppError(
      "invalid_request",
      "Sessions are collected for custodians and organisations: the Compliance API cannot list a project's sessions. Add custodians or organisations, or remove sessions from what to include.",
    );
  }
  const unknown = [
    ...(await unknownOrganizations(client, body.scope.organizationIds, options.signal)),
    ...(await findUnknownHoldObjects(client, { userIds: body.scope.userIds, projectIds: body.scope.projectIds, chatIds: [] }, options.signal)),
  ];
  if (unknown.length > 0) {
    throw new AppError(
      "invalid_request",
      `Nothing was collected: the Compliance API knows no ${unknown.length === 1 ? "custodian, organisation or project" : "custodians, organisations or projects"} with ${unknown.length === 1 ? "this id" : "these ids"}: ${unknown.join(", ")}. Custodians must be members of an organisation the key can read.`,
    );
  }
  const id = await db.$transaction(async (tx) => {
    const [created] = await tx.$queryRaw<Array<{ id: string }>>`
      INSERT INTO collection (matter, reference, scope, created_range, updated_range, include, created_by_id, docket_version)
      VALUES (${body.matter}, ${body.reference}, ${JSON.stringify(body.scope)}::jsonb, ${body.createdAt ? JSON.stringify(body.createdAt) : null}::jsonb,
              ${body.updatedAt ? JSON.stringify(body.updatedAt) : null}::jsonb, ${body.include}::text[], ${actor.userId}::uuid, ${DOCKET_VERSION})
      RETURNING id::text`;
    await recordAuditEvent(
      tx,
      {
        actor: auditActorOf(actor),
        action: "collection.created",
        target: { type: "collection", id: created!.id },
        params: givenParams({
          matter: body.matter,
          reference: body.reference,
          scope: body.scope,
          createdAt: body.createdAt,
          updatedAt: body.updatedAt,
          include: body.include,
        }),
        outcome: "success",
        ...metadata,
      },
      { checkpoints: options.checkpoints },
    );
    return created!.id;
  });
  await enqueue(id).catch((error: unknown) => console.error(`[collections] ${id} not enqueued; the worker's sweep will find it`, error));
  return { id };
}

async function unknownOrganizations(client: ComplianceClient, organizationIds: readonly string[], signal?: AbortSignal): Promise<string[]> {
  if (organizationIds.length === 0) return [];
  const known = new Set<string>();
  for await (const page of client.organizations.walk({ signal })) for (const organization of page.data) known.add(organization.uuid.toLowerCase());
  return organizationIds.filter((uuid) => !known.has(uuid.toLowerCase()));
}

export async function listCollections(db: PrismaClient, reserve: Reserve): Promise<CollectionDto[]> {
  return (await readCollectionRows(db, reserve)).map(collectionDto);
}

export async function getCollection(db: PrismaClient, collectionId: string, reserve: Reserve): Promise<CollectionDto> {
  const row = await readCollectionRow(db, collectionId, reserve);
  if (!row) throw new AppError("not_found", "There is no collection with this id.");
  return collectionDto(row);
}

export type CollectionControl = "pause" | "resume" | "cancel";

/** Which states each control applies to, and the state it leads to. */
const CONTROLS: Record<CollectionControl, { from: string[]; to: string; action: "collection.paused" | "collection.resumed" | "collection.cancelled" }> = {
  pause: { from: ["queued", "running"], to: "paused", action: "collection.paused" },
  resume: { from: ["paused"], to: "running", action: "collection.resumed" },
  cancel: { from: ["queued", "running", "paused"], to: "cancelled", action: "collection.cancelled" },
};

/**
 * Pauses, resumes or cancels a collection, audited in the same transaction. A pause or a cancel takes
 * effect between two items: the worker finishes the object in hand, so nothing is left half written.
 */
export async function controlCollection(
  db: PrismaClient,
  enqueue: EnqueueCollection,
  actor: Actor,
  collectionId: string,
  control: CollectionControl,
  metadata: RequestMetadata,
  reserve: Reserve,
  options: Options = {},
): Promise<CollectionDto> {
  const { from, to, action } = CONTROLS[control];
  const before = await readCollectionRow(db, collectionId, reserve);
  if (!before) throw new AppError("not_found", "There is no collection with this id.");
  await db.$transaction(async (tx) => {
    const changed = await tx.$executeRaw`
      UPDATE collection SET state = ${to}, finished_at = ${to === "cancelled" ? new Date() : null}
       WHERE id = ${collectionId}::uuid AND state = ANY(${from}::text[])`;
    if (changed !== 1) {
      throw new AppError("collection_state", `This collection is ${before.state}, so it cannot be ${control === "cancel" ? "cancelled" : `${control}d`}.`);
    }
    await recordAuditEvent(
      tx,
      {
        actor: auditActorOf(actor),
        action,
        target: { type: "collection", id: collectionId },
        params: { from: before.state, matter: before.matter, reference: before.reference },
        outcome: "success",
        ...metadata,
      },
      { checkpoints: options.checkpoints },
    );
  });
  if (control === "resume") await enqueue(collectionId).catch((error: unknown) => console.error(`[collections] ${collectionId} not re-enqueued`, error));
  return getCollection(db, collectionId, reserve);
}
