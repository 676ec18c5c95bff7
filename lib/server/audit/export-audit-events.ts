import "server-only";
import { CSV_BYTE_ORDER_MARK, csvLine } from "@/lib/console/csv";

import { AuditEventFilter, type AuditExportFormat } from "@/lib/schemas/audit-event";
import { AUDIT_EVENT_COLUMNS, auditBodyFromRow, readChainHead, toHex, type AuditEventRow, type Queryable } from "@/lib/server/audit/audit-chain";
import { canonicalJson } from "@/lib/server/audit/canonical-json";
import { auditFilterSql } from "@/lib/server/audit/list-audit-events";

export const AUDIT_EXPORT_CONTENT_TYPES: Record<AuditExportFormat, string> = {
  csv: "text/csv; charset=utf-8; header=present",
  jsonl: "application/jsonl; charset=utf-8",
};

const DEFAULT_BATCH_SIZE = 1000;

const CSV_COLUMNS = [
  "seq",
  "occurred_at",
  "actor_issuer",
  "actor_subject",
  "actor_email",
  "actor_roles",
  "action",
  "target_type",
  "target_id",
  "organization_id",
  "params",
  "outcome",
  "request_id",
  "upstream_request_id",
  "client_ip",
  "user_agent",
  "body_sha256",
  "prev_hash",
  "row_hash",
] as const;

/**
 * The events matching `filter`, oldest first (chain order), as CSV or JSON Lines. Streamed: one
 * batch is read when the consumer wants more, so memory stays flat whatever the size of the log.
 * The export stops at the head that existed when it started. A database error mid-way errors the
 * stream, so the download visibly fails instead of ending early as if complete.
 *
 * Each JSON line is {seq, prev_hash, row_hash, body_sha256, body} with `body` exactly what was
 * hashed, so anyone can re-verify a line: body_sha256 = SHA-256(JCS(body)) and
 * row_hash = SHA-256(prev_hash || seq as 8-byte big-endian || body_sha256).
 */
export function exportAuditEvents(
  db: Queryable,
  filter: AuditEventFilter,
  format: AuditExportFormat,
  options: { batchSize?: number } = {},
): ReadableStream<Uint8Array> {
  const conditions = auditFilterSql(AuditEventFilter.parse(filter));
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const encoder = new TextEncoder();
  const render = format === "csv" ? auditCsvLine : jsonLine;
  let head: bigint | null | undefined;
  let after = 0n;

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (head === undefined) {
          head = (await readChainHead(db))?.seq ?? null;
          // The byte-order mark lets spreadsheet programs read the file as UTF-8.
          if (format === "csv") controller.enqueue(encoder.encode(CSV_BYTE_ORDER_MARK + csvLine(CSV_COLUMNS)));
        }
        const rows =
          head === null || after >= head
            ? []
            : await db.$queryRaw<AuditEventRow[]>`
                SELECT ${AUDIT_EVENT_COLUMNS} FROM audit_event
                WHERE seq > ${after} AND seq <= ${head} AND ${conditions}
                ORDER BY seq LIMIT ${batchSize}`;
        const last = rows.at(-1);
        if (!last) {
          controller.close();
          return;
        }
        after = last.seq;
        controller.enqueue(encoder.encode(rows.map(render).join("")));
      },
    },
    { highWaterMark: 1 },
  );
}

function jsonLine(row: AuditEventRow): string {
  const line = {
    seq: row.seq.toString(),
    prev_hash: toHex(row.prev_hash),
    row_hash: toHex(row.row_hash),
    body_sha256: toHex(row.body_sha256),
    body: auditBodyFromRow(row),
  };
  return `${canonicalJson(line)}\n`;
}

function auditCsvLine(row: AuditEventRow): string {
  const body = auditBodyFromRow(row);
  const cells: Record<(typeof CSV_COLUMNS)[number], string | null> = {
    seq: row.seq.toString(),
    occurred_at: body.occurred_at,
    actor_issuer: body.actor_issuer,
    actor_subject: body.actor_subject,
    actor_email: body.actor_email,
    actor_roles: canonicalJson(body.actor_roles),
    action: body.action,
    target_type: body.target_type,
    target_id: body.target_id,
    organization_id: body.organization_id,
    params: canonicalJson(body.params),
    outcome: body.outcome,
    request_id: body.request_id,
    upstream_request_id: body.upstream_request_id,
    client_ip: body.client_ip,
    user_agent: body.user_agent,
    body_sha256: toHex(row.body_sha256),
    prev_hash: toHex(row.prev_hash),
    row_hash: toHex(row.row_hash),
  };
  return csvLine(CSV_COLUMNS.map((column) => cells[column]));
}
