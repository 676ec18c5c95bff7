import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { CollectionScope, TimeRange, type CollectionDto, type CollectionInclude, type CollectionState } from "@/lib/schemas/collections";
import { DOCUMENTED_REQUESTS_PER_MINUTE } from "@/lib/server/compliance/shared-budget";

export type CollectionRow = {
  id: string;
  matter: string;
  reference: string;
  scope: unknown;
  created_range: unknown;
  updated_range: unknown;
  include: string[];
  state: CollectionState;
  created_by: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  failure_reason: string | null;
  items_done: number;
  items_known: number;
  bytes: bigint;
  requests: number;
  errors: number;
  docket_version: string;
  walks_open: number;
  /** Requests per minute background work may use: the budget's limit less the reserve for people. */
  background_per_minute: number;
};

/** Collections with what their DTO needs; `interactiveReserve` sizes the estimate of the time left. */
function selectRows(db: PrismaClient, collectionId: string | null, interactiveReserve: number): Promise<CollectionRow[]> {
  return db.$queryRaw<CollectionRow[]>`
    SELECT c.id::text, c.matter, c.reference, c.scope, c.created_range, c.updated_range, c.include, c.state,
           coalesce(u.email, u.name) AS created_by, c.created_at, c.started_at, c.finished_at, c.failure_reason,
           c.items_done, c.items_known, c.bytes, c.requests, c.errors, c.docket_version,
           (SELECT count(*)::int FROM collection_walk w WHERE w.collection_id = c.id AND NOT w.done) AS walks_open,
           floor(coalesce((SELECT b.request_limit FROM api_budget b WHERE b.id = 'compliance_api'), ${DOCUMENTED_REQUESTS_PER_MINUTE})
                 * ${1 - interactiveReserve}::float8)::int AS background_per_minute
      FROM collection c JOIN app_user u ON u.id = c.created_by_id
     WHERE ${collectionId}::uuid IS NULL OR c.id = ${collectionId}::uuid
     ORDER BY c.created_at DESC, c.id`;
}

export async function readCollectionRows(db: PrismaClient, interactiveReserve: number): Promise<CollectionRow[]> {
  return selectRows(db, null, interactiveReserve);
}

export async function readCollectionRow(db: PrismaClient, collectionId: string, interactiveReserve: number): Promise<CollectionRow | null> {
  return (await selectRows(db, collectionId, interactiveReserve))[0] ?? null;
}

/**
 * The time left, from the requests the items still need (at the rate the collection has used per item
 * so far) and the budget background work may use per minute. Unknown while lists are still being
 * walked (more items may come) or before any item is done.
 */
function secondsLeft(row: CollectionRow): number | null {
  if (row.state !== "running" && row.state !== "queued") return null;
  if (row.walks_open > 0 || row.items_done === 0 || row.background_per_minute <= 0) return null;
  const requestsPerItem = row.requests / row.items_done;
  return Math.ceil(((row.items_known - row.items_done) * requestsPerItem * 60) / row.background_per_minute);
}

export function collectionDto(row: CollectionRow): CollectionDto {
  return {
    id: row.id,
    matter: row.matter,
    reference: row.reference,
    scope: CollectionScope.parse(row.scope),
    createdAt: row.created_at.toISOString(),
    createdRange: row.created_range === null ? null : TimeRange.parse(row.created_range),
    updatedRange: row.updated_range === null ? null : TimeRange.parse(row.updated_range),
    include: row.include as CollectionInclude[],
    state: row.state,
    createdBy: row.created_by,
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    failureReason: row.failure_reason,
    progress: {
      itemsDone: row.items_done,
      itemsKnown: row.items_known,
      bytes: Number(row.bytes),
      requests: row.requests,
      errors: row.errors,
      listsWalked: row.started_at !== null && row.walks_open === 0,
      secondsLeft: secondsLeft(row),
    },
  };
}
