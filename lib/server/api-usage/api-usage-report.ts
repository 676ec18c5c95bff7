import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ApiUsageReport, FeedCall } from "@/lib/schemas/api-usage";

/** Clocks differ: a call is judged missing only when the feed has been read this far past it. */
export const MISSING_GRACE_MS = 5 * 60_000;
const LISTED = 100;
/** User agents shown per other key: the most recently seen. */
const USER_AGENTS_LISTED = 5;

type Db = Pick<PrismaClient, "$queryRaw">;

interface FeedRow {
  activity_id: string;
  created_at: Date;
  api_key_id: string | null;
  method: string | null;
  url: string | null;
  status_code: number | null;
  ip_address: string | null;
  user_agent: string | null;
  request_id: string | null;
}

/**
 * Docket's recorded calls against the feed's compliance_api_accessed activities, over [from, before):
 * its calls the feed shows, those it does not show once it has been read past them, calls made with
 * Docket's own keys that Docket did not make (the key used elsewhere: a possible leak), and calls by
 * other keys. Docket's keys are learnt from the feed: the keys its own recorded calls appear under.
 */
export async function apiUsageReport(db: Db, range: { from: Date; before: Date }, { graceMs = MISSING_GRACE_MS } = {}): Promise<ApiUsageReport> {
  const [state] = await db.$queryRaw<Array<{ feed_read_through: Date | null; last_run_at: Date | null; last_error: string | null }>>`
    SELECT feed_read_through, last_run_at, last_error FROM api_reconciliation WHERE id = 1`;
  const judgedUntil = state?.feed_read_through ? new Date(state.feed_read_through.getTime() - graceMs) : new Date(0);
  const keys = await db.$queryRaw<Array<{ api_key_id: string }>>`
    SELECT DISTINCT a.api_key_id FROM compliance_api_activity a JOIN compliance_api_call c ON c.request_id = a.request_id
    WHERE a.api_key_id IS NOT NULL ORDER BY a.api_key_id`;
  const docketKeyIds = keys.map((key) => key.api_key_id);
  const { from, before } = range;

  const days = await db.$queryRaw<Array<{ day: Date; docket_calls: bigint; matched: bigint; missing: bigint; foreign_calls: bigint; other_keys: bigint }>>`
    WITH calls AS (
      SELECT c.started_at,
             EXISTS (SELECT 1 FROM compliance_api_activity a WHERE a.request_id = c.request_id) AS matched,
             (c.request_id IS NULL OR c.status IS NULL OR c.status = 401) AS unattributable
      FROM compliance_api_call c WHERE c.started_at >= ${from} AND c.started_at < ${before}
    ), feed AS (
      SELECT a.created_at,
             (a.api_key_id = ANY(${docketKeyIds}::text[])) AS docket_key,
             EXISTS (SELECT 1 FROM compliance_api_call c WHERE c.request_id = a.request_id) AS made_by_docket
      FROM compliance_api_activity a WHERE a.created_at >= ${from} AND a.created_at < ${before}
    ), per_day AS (
      SELECT date_trunc('day', started_at, 'UTC') AS day, 1 AS docket_call, matched::int AS matched,
             (NOT matched AND NOT unattributable AND started_at < ${judgedUntil})::int AS missing, 0 AS foreign_call, 0 AS other_key
      FROM calls
      UNION ALL
      SELECT date_trunc('day', created_at, 'UTC'), 0, 0, 0, (docket_key AND NOT made_by_docket)::int, (NOT coalesce(docket_key, false))::int
      FROM feed
    )
    SELECT day, sum(docket_call) AS docket_calls, sum(matched) AS matched, sum(missing) AS missing, sum(foreign_call) AS foreign_calls,
           sum(other_key) AS other_keys
    FROM per_day GROUP BY day ORDER BY day`;

  const [counts] = await db.$queryRaw<Array<{ awaiting: bigint; unattributable: bigint }>>`
    SELECT count(*) FILTER (WHERE NOT matched AND NOT unattributable AND started_at >= ${judgedUntil}) AS awaiting,
           count(*) FILTER (WHERE unattributable AND NOT matched) AS unattributable
    FROM (SELECT c.started_at, (c.request_id IS NULL OR c.status IS NULL OR c.status = 401) AS unattributable,
                 EXISTS (SELECT 1 FROM compliance_api_activity a WHERE a.request_id = c.request_id) AS matched
          FROM compliance_api_call c WHERE c.started_at >= ${from} AND c.started_at < ${before}) calls`;

  const missing = await db.$queryRaw<
    Array<{ started_at: Date; process: string; method: string; path: string; status: number | null; request_id: string | null }>
  >`
    SELECT c.started_at, c.process, c.method, c.path, c.status, c.request_id FROM compliance_api_call c
    WHERE c.started_at >= ${from} AND c.started_at < ${before} AND c.started_at < ${judgedUntil}
      AND c.request_id IS NOT NULL AND c.status IS NOT NULL AND c.status <> 401
      AND NOT EXISTS (SELECT 1 FROM compliance_api_activity a WHERE a.request_id = c.request_id)
    ORDER BY c.started_at DESC LIMIT ${LISTED}`;

  const foreign = await db.$queryRaw<FeedRow[]>`
    SELECT a.activity_id, a.created_at, a.api_key_id, a.method, a.url, a.status_code, a.ip_address, a.user_agent, a.request_id
    FROM compliance_api_activity a
    WHERE a.created_at >= ${from} AND a.created_at < ${before} AND a.api_key_id = ANY(${docketKeyIds}::text[])
      AND NOT EXISTS (SELECT 1 FROM compliance_api_call c WHERE c.request_id = a.request_id)
    ORDER BY a.created_at DESC LIMIT ${LISTED}`;

  const otherKeys = await db.$queryRaw<Array<{ api_key_id: string | null; calls: bigint; first: Date; last: Date; user_agents: string[] }>>`
    SELECT a.api_key_id, count(*) AS calls, min(a.created_at) AS first, max(a.created_at) AS last,
           -- The programs seen most recently come first: a key's newest use is what an investigation needs.
           ARRAY(
             SELECT u.user_agent FROM compliance_api_activity u
             WHERE u.api_key_id IS NOT DISTINCT FROM a.api_key_id AND u.user_agent IS NOT NULL
               AND u.created_at >= ${from} AND u.created_at < ${before}
             GROUP BY u.user_agent ORDER BY max(u.created_at) DESC, u.user_agent LIMIT ${USER_AGENTS_LISTED}
           ) AS user_agents
    FROM compliance_api_activity a
    WHERE a.created_at >= ${from} AND a.created_at < ${before} AND NOT coalesce(a.api_key_id = ANY(${docketKeyIds}::text[]), false)
    GROUP BY a.api_key_id ORDER BY count(*) DESC LIMIT ${LISTED}`;

  const sum = (pick: (day: (typeof days)[number]) => bigint) => days.reduce((total, day) => total + Number(pick(day)), 0);
  return {
    from: from.toISOString(),
    before: before.toISOString(),
    readThrough: state?.feed_read_through?.toISOString() ?? null,
    lastRunAt: state?.last_run_at?.toISOString() ?? null,
    lastError: state?.last_error ?? null,
    docketKeyIds,
    totals: {
      docketCalls: sum((day) => day.docket_calls),
      matched: sum((day) => day.matched),
      awaitingFeed: Number(counts?.awaiting ?? 0),
      unattributable: Number(counts?.unattributable ?? 0),
      missingFromFeed: sum((day) => day.missing),
      foreignWithDocketKey: sum((day) => day.foreign_calls),
      otherKeys: sum((day) => day.other_keys),
    },
    days: days.map((day) => ({
      day: day.day.toISOString(),
      docketCalls: Number(day.docket_calls),
      matched: Number(day.matched),
      missingFromFeed: Number(day.missing),
      foreignWithDocketKey: Number(day.foreign_calls),
      otherKeys: Number(day.other_keys),
    })),
    missing: missing.map((call) => ({
      startedAt: call.started_at.toISOString(),
      process: call.process,
      method: call.method,
      path: call.path,
      status: call.status,
      requestId: call.request_id,
    })),
    foreign: foreign.map(toFeedCall),
    otherKeys: otherKeys.map((key) => ({
      apiKeyId: key.api_key_id,
      calls: Number(key.calls),
      first: key.first.toISOString(),
      last: key.last.toISOString(),
      userAgents: key.user_agents ?? [],
    })),
  };
}

/** How many calls made with Docket's keys Docket did not make, since `since`: what the home page warns of. */
export async function foreignCallsSince(db: Db, since: Date): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ count: bigint }>>`
    WITH docket_keys AS (
      SELECT DISTINCT a.api_key_id FROM compliance_api_activity a JOIN compliance_api_call c ON c.request_id = a.request_id WHERE a.api_key_id IS NOT NULL
    )
    SELECT count(*) FROM compliance_api_activity a
    WHERE a.created_at >= ${since} AND a.api_key_id IN (SELECT api_key_id FROM docket_keys)
      AND NOT EXISTS (SELECT 1 FROM compliance_api_call c WHERE c.request_id = a.request_id)`;
  return Number(row?.count ?? 0);
}

function toFeedCall(row: FeedRow): FeedCall {
  return {
    activityId: row.activity_id,
    createdAt: row.created_at.toISOString(),
    apiKeyId: row.api_key_id,
    method: row.method,
    url: row.url,
    statusCode: row.status_code,
    ipAddress: row.ip_address,
    userAgent: row.user_agent,
    requestId: row.request_id,
  };
}

/** The keys the feed shows Docket's web app calling with: Docket's own key, as the organisation lists it. */
export async function docketWebKeyIds(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ api_key_id: string }>>`
    SELECT DISTINCT a.api_key_id FROM compliance_api_activity a JOIN compliance_api_call c ON c.request_id = a.request_id
    WHERE c.process = 'web' AND a.api_key_id IS NOT NULL ORDER BY a.api_key_id`;
  return rows.map((row) => row.api_key_id);
}
