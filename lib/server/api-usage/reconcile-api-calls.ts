import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import type { Activity } from "@/lib/server/compliance/schemas/activities";

/** The feed holds an activity within a minute of the call; Docket reads no closer to now than this. */
export const FEED_VISIBILITY_LAG_MS = 2 * 60_000;
/** Each run re-reads this much before where the last one stopped: an activity stored twice is stored once. */
const OVERLAP_MS = 60_000;
/** Without any record yet, the first run looks back this far. */
const FIRST_LOOK_BACK_MS = 60 * 60_000;
const PAGE_SIZE = 1000;
/** Pages one run reads at most, so a backlog is worked off over several runs within the shared budget. */
const MAX_PAGES_PER_RUN = 20;
const LEASE_MS = 5 * 60_000;

export interface ReconciliationRun {
  /** False when another worker holds the lease: nothing was read. */
  ran: boolean;
  activitiesRead: number;
  readThrough: Date | null;
  /** True when the run stopped at its page limit and the next one continues. */
  more: boolean;
}

type Db = Pick<PrismaClient, "$queryRaw" | "$executeRaw">;

/**
 * Reads the feed's compliance_api_accessed activities, oldest first, from where the last run stopped,
 * and stores them. One worker at a time holds the row's lease; a failed run records its error and
 * leaves the position where it was, so the next run reads the same stretch again.
 */
export async function reconcileApiCalls({
  db,
  client,
  holder,
  visibilityLagMs = FEED_VISIBILITY_LAG_MS,
}: {
  db: Db;
  client: ComplianceClient;
  holder: string;
  visibilityLagMs?: number;
}): Promise<ReconciliationRun> {
  const [lease] = await db.$queryRaw<Array<{ feed_read_through: Date | null }>>`
    UPDATE api_reconciliation SET lease_holder = ${holder}, lease_until = now() + make_interval(secs => ${LEASE_MS / 1000})
    WHERE id = 1 AND (lease_until IS NULL OR lease_until < now() OR lease_holder = ${holder})
    RETURNING feed_read_through`;
  if (!lease) return { ran: false, activitiesRead: 0, readThrough: null, more: false };

  try {
    const start = lease.feed_read_through ? new Date(lease.feed_read_through.getTime() - OVERLAP_MS) : await firstLook(db, new Date());
    const settledUntil = new Date(Date.now() - visibilityLagMs);
    let cursor: string | undefined;
    let read = 0;
    let last: Date | null = null;
    let more = false;
    for (let pages = 0; ; pages++) {
      if (pages === MAX_PAGES_PER_RUN) {
        more = true;
        break;
      }
      const { data } = await client.activities.list({
        activityTypes: ["compliance_api_accessed"],
        createdAt: { gte: start.toISOString(), lt: settledUntil.toISOString() },
        order: "asc",
        limit: PAGE_SIZE,
        afterId: cursor,
      });
      await storeActivities(db, data.data);
      read += data.data.length;
      const newest = data.data.at(-1);
      if (newest) last = new Date(newest.created_at);
      if (!data.has_more || data.last_id === null) break;
      cursor = data.last_id;
    }
    const readThrough = more && last ? last : settledUntil;
    await db.$executeRaw`
      UPDATE api_reconciliation SET feed_read_through = GREATEST(feed_read_through, ${readThrough}), last_run_at = now(), last_error = NULL,
        lease_holder = NULL, lease_until = NULL
      WHERE id = 1`;
    return { ran: true, activitiesRead: read, readThrough, more };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.$executeRaw`
      UPDATE api_reconciliation SET last_run_at = now(), last_error = ${message.slice(0, 1000)}, lease_holder = NULL, lease_until = NULL WHERE id = 1`;
    throw error;
  }
}

async function firstLook(db: Db, now: Date): Promise<Date> {
  const [first] = await db.$queryRaw<Array<{ started_at: Date | null }>>`SELECT min(started_at) AS started_at FROM compliance_api_call`;
  const fallback = new Date(now.getTime() - FIRST_LOOK_BACK_MS);
  return first?.started_at && first.started_at < fallback ? new Date(first.started_at.getTime() - OVERLAP_MS) : fallback;
}

async function storeActivities(db: Db, activities: readonly Activity[]): Promise<void> {
  if (activities.length === 0) return;
  const rows = activities.map((activity) => {
    const actor: Record<string, unknown> = activity.actor ?? {};
    return {
      activity_id: activity.id,
      created_at: activity.created_at,
      request_id: text(activity.request_id),
      api_key_id: text(actor.api_key_id),
      method: text(activity.request_method),
      url: text(activity.url),
      status_code: typeof activity.status_code === "number" && Number.isInteger(activity.status_code) ? activity.status_code : null,
      ip_address: text(actor.ip_address),
      user_agent: text(actor.user_agent),
    };
  });
  await db.$executeRaw`
    INSERT INTO compliance_api_activity (activity_id, created_at, request_id, api_key_id, method, url, status_code, ip_address, user_agent)
    SELECT activity_id, created_at, request_id, api_key_id, method, url, status_code, ip_address, user_agent
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(activity_id text, created_at timestamptz, request_id text, api_key_id text, method text,
      url text, status_code int, ip_address text, user_agent text)
    ON CONFLICT (activity_id) DO NOTHING`;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value.slice(0, 4096) : null;
}
