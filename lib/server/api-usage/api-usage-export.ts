import "server-only";
import { CSV_BYTE_ORDER_MARK, csvLine } from "@/lib/console/csv";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { MISSING_GRACE_MS } from "./api-usage-report";

const BATCH = 1000;

const COLUMNS = ["finding", "at", "process", "method", "path_or_url", "status", "request_id", "api_key_id", "ip_address", "user_agent", "activity_id"] as const;

interface FindingRow {
  finding: "missing_from_feed" | "foreign_with_docket_key" | "other_key";
  at: Date;
  ref: string;
  process: string | null;
  method: string | null;
  location: string | null;
  status: number | null;
  request_id: string | null;
  api_key_id: string | null;
  ip_address: string | null;
  user_agent: string | null;
  activity_id: string | null;
}

/**
 * Every finding of the period as CSV, oldest first: Docket's calls the feed does not show, calls made
 * with Docket's keys that Docket did not make, and every call by another key. Read in batches as the
 * consumer reads, so a long period never sits in memory. Times are cut to the millisecond, as
 * JavaScript holds them, so that the batches' keyset never repeats or skips a row.
 */
export function exportApiUsageFindings(
  db: Pick<PrismaClient, "$queryRaw">,
  period: { from: Date; before: Date },
  { graceMs = MISSING_GRACE_MS } = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let judgedUntil: Date | undefined;
  let after: { at: Date; ref: string } | null = null;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (judgedUntil === undefined) {
          const [state] = await db.$queryRaw<Array<{ feed_read_through: Date | null }>>`SELECT feed_read_through FROM api_reconciliation WHERE id = 1`;
          judgedUntil = state?.feed_read_through ? new Date(state.feed_read_through.getTime() - graceMs) : new Date(0);
          controller.enqueue(encoder.encode(CSV_BYTE_ORDER_MARK + csvLine(COLUMNS)));
        }
        const afterAt = after?.at ?? new Date(0);
        const afterRef = after?.ref ?? "";
        const rows = await db.$queryRaw<FindingRow[]>`
          WITH docket_keys AS (
            SELECT DISTINCT a.api_key_id FROM compliance_api_activity a JOIN compliance_api_call c ON c.request_id = a.request_id
            WHERE a.api_key_id IS NOT NULL
          ), findings AS (
            SELECT 'missing_from_feed' AS finding, c.started_at AS at, 'c' || c.id AS ref, c.process, c.method, c.path AS location, c.status,
                   c.request_id, NULL::text AS api_key_id, NULL::text AS ip_address, NULL::text AS user_agent, NULL::text AS activity_id
            FROM compliance_api_call c
            WHERE c.started_at >= ${period.from} AND c.started_at < ${period.before} AND c.started_at < ${judgedUntil}
              AND c.request_id IS NOT NULL AND c.status IS NOT NULL AND c.status <> 401
              AND NOT EXISTS (SELECT 1 FROM compliance_api_activity a WHERE a.request_id = c.request_id)
            UNION ALL
            SELECT CASE WHEN a.api_key_id IN (SELECT api_key_id FROM docket_keys) THEN 'foreign_with_docket_key' ELSE 'other_key' END,
                   date_trunc('milliseconds', a.created_at), 'a' || a.activity_id, NULL, a.method, a.url, a.status_code, a.request_id, a.api_key_id, a.ip_address, a.user_agent,
                   a.activity_id
            FROM compliance_api_activity a
            WHERE a.created_at >= ${period.from} AND a.created_at < ${period.before}
              AND NOT EXISTS (SELECT 1 FROM compliance_api_call c WHERE c.request_id = a.request_id)
          )
          SELECT * FROM findings WHERE (at, ref) > (${afterAt}, ${afterRef}) ORDER BY at, ref LIMIT ${BATCH}`;
        const last = rows.at(-1);
        if (!last) {
          controller.close();
          return;
        }
        after = { at: last.at, ref: last.ref };
        controller.enqueue(
          encoder.encode(
            rows
              .map((row) =>
                csvLine([
                  row.finding,
                  row.at.toISOString(),
                  row.process,
                  row.method,
                  row.location,
                  row.status === null ? null : String(row.status),
                  row.request_id,
                  row.api_key_id,
                  row.ip_address,
                  row.user_agent,
                  row.activity_id,
                ]),
              )
              .join(""),
          ),
        );
      },
    },
    { highWaterMark: 1 },
  );
}
