import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { CollectionScope, TimeRange, type CollectionInclude } from "@/lib/schemas/collections";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { ComplianceApiError, ComplianceError } from "@/lib/server/compliance/errors";
import { DocketError } from "@/lib/server/docket-error";
import { collectItem, CollectionFatalError, type ClaimedItem, type ItemKind, type ItemOutcome, type NewItem } from "./items";
import { planWalks, readWalkPage, type WalkParams, type WalkSpec } from "./walks";

/** An item that failed this many times is given up on (and reported); a walk is retried until the collection is cancelled. */
export const MAX_ITEM_ATTEMPTS = 5;
const BACKOFF_BASE_MS = 2_000;
const BACKOFF_MAX_MS = 60_000;

export interface StepContext {
  db: PrismaClient;
  /** A client of this step's own, so the requests it counts are this collection's. */
  client: ComplianceClient;
  evidenceDir: string;
  /** Names this worker in the leases it holds. */
  workerId: string;
  /** How long a claim holds without a heartbeat: a worker killed mid-item loses it after this. */
  leaseMs: number;
  signal: AbortSignal;
  now?: () => number;
}

/**
 * "more": the step's time ran out with work left; "waiting": work is left but held by other workers or
 * backing off; "finished": the collection ended with this step; "stopped": it is paused, cancelled or over.
 */
export type StepResult = "more" | "waiting" | "finished" | "stopped";

/** The step lost its lease to another worker (it was too slow to renew it): its result is dropped, never written twice. */
class LeaseLostError extends DocketError {
  static override readonly brand: string = "LeaseLostError";
}

type CollectionRow = {
  state: string;
  started_at: Date | null;
  scope: unknown;
  created_range: unknown;
  updated_range: unknown;
  include: string[];
  docket_version: string;
};

/**
 * Runs a collection until `deadline`: walks its lists a page at a time, then collects its items one at
 * a time, each claimed under a lease so that any number of workers share the work without doing any
 * of it twice. Every page's items and cursor, and every item's result and the counters, are written in
 * one transaction, and only while the lease is still held: a worker killed at any moment leaves each
 * page and item either wholly recorded or not at all, and the next worker resumes from there.
 */
export async function runCollectionStep(context: StepContext, collectionId: string, deadline: number): Promise<StepResult> {
  const now = context.now ?? Date.now;
  const collection = await startIfQueued(context.db, collectionId);
  if (!collection) return "stopped";
  const include = collection.include as CollectionInclude[];
  const provenance = { exportedAt: new Date(now()).toISOString(), exportedBy: "Docket collection", docketVersion: collection.docket_version };
  try {
    for (;;) {
      if (!(await isRunning(context.db, collectionId))) return "stopped";
      if (now() >= deadline) return "more";
      const walk = await claimWalk(context, collectionId);
      if (walk) {
        await walkOnePage(context, collectionId, walk);
        continue;
      }
      const item = await claimItem(context, collectionId);
      if (item) {
        await collectOne(context, collectionId, item, include, provenance);
        continue;
      }
      return (await finishIfComplete(context.db, collectionId)) ? "finished" : "waiting";
    }
  } catch (error) {
    if (error instanceof CollectionFatalError) {
      await context.db.$executeRaw`
        UPDATE collection SET state = 'failed', failure_reason = ${error.message}, finished_at = now() WHERE id = ${collectionId}::uuid AND state = 'running'`;
      return "stopped";
    }
    throw error;
  }
}

/**
 * A queued collection starts, and its lists are planned once, by whichever step gets there first (a
 * collection paused before it started is planned when resumed).
 */
async function startIfQueued(db: PrismaClient, collectionId: string): Promise<CollectionRow | null> {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<CollectionRow[]>`
      SELECT state, started_at, scope, created_range, updated_range, include, docket_version FROM collection WHERE id = ${collectionId}::uuid FOR UPDATE`;
    if (!row || (row.state !== "queued" && row.state !== "running")) return null;
    if (row.started_at === null) {
      const walks = planWalks({
        scope: CollectionScope.parse(row.scope),
        createdRange: row.created_range === null ? null : TimeRange.parse(row.created_range),
        updatedRange: row.updated_range === null ? null : TimeRange.parse(row.updated_range),
        include: row.include as CollectionInclude[],
      });
      await insertWalks(tx, collectionId, walks);
      await tx.$executeRaw`UPDATE collection SET started_at = now() WHERE id = ${collectionId}::uuid`;
    }
    if (row.state === "queued") await tx.$executeRaw`UPDATE collection SET state = 'running' WHERE id = ${collectionId}::uuid`;
    return { ...row, state: "running" };
  });
}

async function isRunning(db: PrismaClient, collectionId: string): Promise<boolean> {
  const [row] = await db.$queryRaw<Array<{ state: string }>>`SELECT state FROM collection WHERE id = ${collectionId}::uuid`;
  return row?.state === "running";
}

type Tx = Pick<PrismaClient, "$executeRaw" | "$queryRaw">;

async function insertWalks(tx: Tx, collectionId: string, walks: WalkSpec[]): Promise<void> {
  if (walks.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO collection_walk (collection_id, key, endpoint, params)
    SELECT ${collectionId}::uuid, walk->>'key', walk->>'endpoint', walk->'params'
      FROM jsonb_array_elements(${JSON.stringify(walks)}::jsonb) AS walk
    ON CONFLICT (collection_id, key) DO NOTHING`;
}

/** Inserts the items not yet in the collection; returns how many were new. */
async function insertItems(tx: Tx, collectionId: string, items: NewItem[]): Promise<number> {
  if (items.length === 0) return 0;
  return tx.$executeRaw`
    INSERT INTO collection_item (collection_id, kind, upstream_id, parent_id, custodian_id, custodian_email, organization_uuid,
                                 upstream_created_at, upstream_updated_at, name, md5_expected, soft_deleted)
    SELECT ${collectionId}::uuid, item->>'kind', item->>'upstreamId', item->>'parentId', item->>'custodianId', item->>'custodianEmail',
           item->>'organizationUuid', item->>'upstreamCreatedAt', item->>'upstreamUpdatedAt', item->>'name', lower(item->>'md5Expected'),
           coalesce((item->>'softDeleted')::boolean, false)
      FROM jsonb_array_elements(${JSON.stringify(items)}::jsonb) AS item
    ON CONFLICT (collection_id, kind, upstream_id) DO NOTHING`;
}

type ClaimedWalk = { id: string; spec: WalkSpec; cursor: string | null; attempts: number };

async function claimWalk(context: StepContext, collectionId: string): Promise<ClaimedWalk | null> {
  const [row] = await context.db.$queryRaw<Array<{ id: string; key: string; endpoint: string; params: WalkParams; cursor: string | null; attempts: number }>>`
    UPDATE collection_walk SET lease_owner = ${context.workerId}, lease_until = now() + make_interval(secs => ${context.leaseMs / 1000})
     WHERE id = (SELECT id FROM collection_walk
                  WHERE collection_id = ${collectionId}::uuid AND NOT done AND (lease_until IS NULL OR lease_until < now())
                  ORDER BY created_at, key LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING id, key, endpoint, params, cursor, attempts`;
  return row ? { id: row.id, spec: { key: row.key, endpoint: row.endpoint, params: row.params }, cursor: row.cursor, attempts: row.attempts } : null;
}

async function claimItem(context: StepContext, collectionId: string): Promise<ClaimedItem | null> {
  const [row] = await context.db.$queryRaw<
    Array<{
      id: string;
      kind: ItemKind;
      upstream_id: string;
      parent_id: string | null;
      custodian_id: string | null;
      custodian_email: string | null;
      organization_uuid: string | null;
      upstream_created_at: string | null;
      upstream_updated_at: string | null;
      name: string | null;
      md5_expected: string | null;
      soft_deleted: boolean;
      attempts: number;
    }>
  >`
    UPDATE collection_item SET lease_owner = ${context.workerId}, lease_until = now() + make_interval(secs => ${context.leaseMs / 1000})
     WHERE id = (SELECT id FROM collection_item
                  WHERE collection_id = ${collectionId}::uuid AND state = 'pending' AND (lease_until IS NULL OR lease_until < now())
                  ORDER BY created_at, kind, upstream_id LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, upstream_id, parent_id, custodian_id, custodian_email, organization_uuid, upstream_created_at, upstream_updated_at,
              name, md5_expected, soft_deleted, attempts`;
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    upstreamId: row.upstream_id,
    parentId: row.parent_id,
    custodianId: row.custodian_id,
    custodianEmail: row.custodian_email,
    organizationUuid: row.organization_uuid,
    upstreamCreatedAt: row.upstream_created_at,
    upstreamUpdatedAt: row.upstream_updated_at,
    name: row.name,
    md5Expected: row.md5_expected,
    softDeleted: row.soft_deleted,
    attempts: row.attempts,
  };
}

/** Renews a lease while `work` runs, so a slow page or a large file keeps its claim; a killed worker's claim lapses. */
async function withHeartbeat<T>(context: StepContext, table: "collection_walk" | "collection_item", id: string, work: () => Promise<T>): Promise<T> {
  const renew = () =>
    table === "collection_walk"
      ? context.db
          .$executeRaw`UPDATE collection_walk SET lease_until = now() + make_interval(secs => ${context.leaseMs / 1000}) WHERE id = ${id}::uuid AND lease_owner = ${context.workerId}`
      : context.db
          .$executeRaw`UPDATE collection_item SET lease_until = now() + make_interval(secs => ${context.leaseMs / 1000}) WHERE id = ${id}::uuid AND lease_owner = ${context.workerId}`;
  const timer = setInterval(
    () => void renew().catch((error: unknown) => console.warn(`[worker] lease of ${table} ${id} not renewed:`, error)),
    context.leaseMs / 3,
  );
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

const backoffMs = (attempts: number) => Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));

async function walkOnePage(context: StepContext, collectionId: string, walk: ClaimedWalk): Promise<void> {
  const before = context.client.requestsSent;
  let page;
  try {
    page = await withHeartbeat(context, "collection_walk", walk.id, () => readWalkPage(context.client, walk.spec, walk.cursor, { signal: context.signal }));
  } catch (error) {
    const requests = context.client.requestsSent - before;
    if (error instanceof ComplianceApiError && (error.status === 401 || error.status === 403)) {
      throw new CollectionFatalError(`The Compliance API refused Docket's key: ${error.message}`);
    }
    const permanent = error instanceof ComplianceApiError && error.status !== 429 && error.status < 500;
    if (!(error instanceof ComplianceError)) throw error;
    const message = `${error.message}${error instanceof ComplianceApiError && error.requestId ? ` (request ${error.requestId})` : ""}`;
    // A failed page leaves the cursor where it was: the page is read again, never skipped.
    await context.db.$transaction(async (tx) => {
      await tx.$executeRaw`
        UPDATE collection_walk SET attempts = attempts + 1, error = ${message}, done = ${permanent}, lease_owner = NULL,
               lease_until = ${permanent ? null : new Date(Date.now() + backoffMs(walk.attempts + 1))}
         WHERE id = ${walk.id}::uuid AND lease_owner = ${context.workerId}`;
      await tx.$executeRaw`UPDATE collection SET requests = requests + ${requests}, errors = errors + ${permanent ? 1 : 0} WHERE id = ${collectionId}::uuid`;
    });
    return;
  }
  const requests = context.client.requestsSent - before;
  await context.db
    .$transaction(async (tx) => {
      const done = page.nextCursor === null;
      // The walk is given back with each page, so that its next page is claimed at once (claimWalk takes
      // only unleased walks): kept, the lease would hold every page after the first until it lapsed.
      const updated = await tx.$executeRaw`
      UPDATE collection_walk SET cursor = ${page.nextCursor}, first_cursor = coalesce(first_cursor, ${page.firstCursor}),
             last_cursor = coalesce(${page.lastCursor}, last_cursor), records = records + ${page.records}, pages = pages + 1,
             final_request_id = ${page.requestId}, done = ${done}, attempts = 0, error = NULL, lease_owner = NULL, lease_until = NULL
       WHERE id = ${walk.id}::uuid AND lease_owner = ${context.workerId} AND NOT done AND cursor IS NOT DISTINCT FROM ${walk.cursor}`;
      if (updated !== 1) throw new LeaseLostError(`lost the walk ${walk.spec.key}`);
      const inserted = await insertItems(tx, collectionId, page.items);
      await insertWalks(tx, collectionId, page.walks);
      await tx.$executeRaw`UPDATE collection SET items_known = items_known + ${inserted}, requests = requests + ${requests} WHERE id = ${collectionId}::uuid`;
    })
    .catch((error: unknown) => {
      if (!(error instanceof LeaseLostError)) throw error;
      console.warn(`[worker] ${error.message}; another worker has it`);
    });
}

async function collectOne(
  context: StepContext,
  collectionId: string,
  item: ClaimedItem,
  include: CollectionInclude[],
  provenance: { exportedAt: string; exportedBy: string; docketVersion: string },
): Promise<void> {
  const before = context.client.requestsSent;
  const outcome = await withHeartbeat(context, "collection_item", item.id, () =>
    collectItem({ client: context.client, db: context.db, evidenceDir: context.evidenceDir, include, provenance, signal: context.signal }, item),
  );
  const requests = context.client.requestsSent - before;
  await context.db
    .$transaction(async (tx) => {
      const settled = await recordOutcome(tx, context.workerId, item, outcome);
      if (settled === 0) throw new LeaseLostError(`lost the ${item.kind} ${item.upstreamId}`);
      const inserted = outcome.state === "done" ? await insertItems(tx, collectionId, outcome.children) : 0;
      const finished = outcome.state !== "retry" || item.attempts + 1 >= MAX_ITEM_ATTEMPTS;
      const bytes = outcome.state === "done" ? (outcome.object?.size ?? 0) + (outcome.transcript?.size ?? 0) : 0;
      const failed =
        outcome.state === "failed" || (outcome.state === "retry" && finished) || (outcome.state === "done" && outcome.md5?.verdict === "mismatched");
      await tx.$executeRaw`
      UPDATE collection SET items_done = items_done + ${finished ? 1 : 0}, items_known = items_known + ${inserted}, bytes = bytes + ${bytes},
             requests = requests + ${requests}, errors = errors + ${failed ? 1 : 0}
       WHERE id = ${collectionId}::uuid`;
    })
    .catch((error: unknown) => {
      if (!(error instanceof LeaseLostError)) throw error;
      console.warn(`[worker] ${error.message}; another worker has it`);
    });
}

/** Writes an item's outcome if this worker still holds it; returns the rows written (0: the lease was lost). */
function recordOutcome(tx: Tx, workerId: string, item: ClaimedItem, outcome: ItemOutcome): Promise<number> {
  switch (outcome.state) {
    case "done": {
      const mismatch =
        outcome.md5?.verdict === "mismatched"
          ? `MD5 mismatch: the Compliance API announced ${outcome.md5.expected ?? "?"}, the bytes received hash to ${outcome.md5.actual}`
          : null;
      return tx.$executeRaw`
        UPDATE collection_item SET state = 'done', sha256 = ${outcome.object?.sha256 ?? null}, size = ${outcome.object?.size ?? null},
               transcript_sha256 = ${outcome.transcript?.sha256 ?? null}, transcript_size = ${outcome.transcript?.size ?? null},
               md5_verdict = ${outcome.md5?.verdict ?? null}, md5_expected = coalesce(${outcome.md5?.expected ?? null}, md5_expected),
               md5_actual = ${outcome.md5?.actual ?? null}, messages = ${outcome.messages}, error = ${mismatch}, collected_by = ${workerId},
               attempts = attempts + 1, done_at = now(), lease_owner = NULL, lease_until = NULL
         WHERE id = ${item.id}::uuid AND lease_owner = ${workerId} AND state = 'pending'`;
    }
    case "vanished":
    case "failed":
      return tx.$executeRaw`
        UPDATE collection_item SET state = ${outcome.state}, error = ${outcome.error}, attempts = attempts + 1, done_at = now(),
               lease_owner = NULL, lease_until = NULL
         WHERE id = ${item.id}::uuid AND lease_owner = ${workerId} AND state = 'pending'`;
    case "retry": {
      const givesUp = item.attempts + 1 >= MAX_ITEM_ATTEMPTS;
      return tx.$executeRaw`
        UPDATE collection_item SET state = ${givesUp ? "failed" : "pending"}, error = ${outcome.error}, attempts = attempts + 1,
               done_at = ${givesUp ? new Date() : null}, lease_owner = NULL,
               lease_until = ${givesUp ? null : new Date(Date.now() + backoffMs(item.attempts + 1))}
         WHERE id = ${item.id}::uuid AND lease_owner = ${workerId} AND state = 'pending'`;
    }
  }
}

/** Ends a running collection whose lists are all walked and items all settled; true if this call ended it. */
async function finishIfComplete(db: PrismaClient, collectionId: string): Promise<boolean> {
  const ended = await db.$executeRaw`
    UPDATE collection SET state = 'succeeded', finished_at = now()
     WHERE id = ${collectionId}::uuid AND state = 'running'
       AND NOT EXISTS (SELECT 1 FROM collection_walk WHERE collection_id = ${collectionId}::uuid AND NOT done)
       AND NOT EXISTS (SELECT 1 FROM collection_item WHERE collection_id = ${collectionId}::uuid AND state = 'pending')`;
  return ended === 1;
}
