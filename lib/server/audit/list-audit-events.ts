import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import { AuditEventListQuery, type AuditEventDto, type AuditEventFilter, type AuditEventPage } from "@/lib/schemas/audit-event";
import { AUDIT_EVENT_COLUMNS, toHex, type AuditEventRow, type Queryable } from "@/lib/server/audit/audit-chain";

/** `filter` as SQL conditions joined with AND (TRUE when empty). Parse the filter first. */
export function auditFilterSql(filter: AuditEventFilter): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filter.actor) {
    const pattern = `%${filter.actor.replace(/[\\%_]/g, "\\$&")}%`;
    conditions.push(Prisma.sql`(actor_subject ILIKE ${pattern} OR actor_email ILIKE ${pattern})`);
  }
  if (filter.actorSubject) conditions.push(Prisma.sql`actor_subject = ${filter.actorSubject}`);
  if (filter.actions) conditions.push(Prisma.sql`action = ANY(${filter.actions}::text[])`);
  if (filter.targetType) conditions.push(Prisma.sql`target_type = ${filter.targetType}`);
  if (filter.targetId) conditions.push(Prisma.sql`target_id = ${filter.targetId}`);
  if (filter.organizationId) conditions.push(Prisma.sql`organization_id = ${filter.organizationId}`);
  if (filter.from) conditions.push(Prisma.sql`occurred_at >= ${filter.from}::timestamptz`);
  if (filter.to) conditions.push(Prisma.sql`occurred_at < ${filter.to}::timestamptz`);
  return conditions.length > 0 ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}

function toAuditEventDto(row: AuditEventRow): AuditEventDto {
  const roles = row.actor_roles ?? [];
  const hasActor = row.actor_issuer !== null || row.actor_subject !== null || row.actor_email !== null || roles.length > 0;
  return {
    seq: row.seq.toString(),
    occurredAt: row.occurred_at.toISOString(),
    actor: hasActor ? { issuer: row.actor_issuer, subject: row.actor_subject, email: row.actor_email, roles } : null,
    action: row.action,
    target: row.target_type !== null || row.target_id !== null ? { type: row.target_type, id: row.target_id } : null,
    organizationId: row.organization_id,
    params: row.params !== null && typeof row.params === "object" && !Array.isArray(row.params) ? row.params : {},
    outcome: row.outcome,
    requestId: row.request_id,
    upstreamRequestId: row.upstream_request_id,
    clientIp: row.client_ip,
    userAgent: row.user_agent,
    bodySha256: toHex(row.body_sha256),
    prevHash: toHex(row.prev_hash),
    rowHash: toHex(row.row_hash),
  };
}

/**
 * One page of events, newest first. Keyset pagination on seq: a page is stable while new events
 * arrive, and each costs one index range scan however deep the reader goes.
 */
export async function listAuditEvents(db: Queryable, query: AuditEventListQuery): Promise<AuditEventPage> {
  const { cursor, limit, ...filter } = AuditEventListQuery.parse(query);
  const before = cursor ? Prisma.sql`seq < ${BigInt(cursor)}` : Prisma.sql`TRUE`;
  const rows = await db.$queryRaw<AuditEventRow[]>`
    SELECT ${AUDIT_EVENT_COLUMNS} FROM audit_event
    WHERE ${before} AND ${auditFilterSql(filter)}
    ORDER BY seq DESC LIMIT ${limit + 1}`;
  const items = rows.slice(0, limit).map(toAuditEventDto);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.seq ?? null) : null };
}
