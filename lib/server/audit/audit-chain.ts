import "server-only";

import { hash } from "node:crypto";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { canonicalJson, type JsonValue } from "@/lib/server/audit/canonical-json";

export const AUDIT_BODY_VERSION = 1;

export const AUDIT_EVENT_COLUMNS = Prisma.sql`seq, occurred_at, actor_issuer, actor_subject, actor_email, actor_roles,
  action, target_type, target_id, organization_id, params, outcome, request_id, upstream_request_id,
  client_ip, user_agent, body_sha256, prev_hash, row_hash`;

/**
 * What body_sha256 covers: every column except body_sha256 itself and the three the chain trigger
 * assigns (seq, prev_hash, row_hash: row_hash covers seq), under the column's own name, always present (null when empty). Flat and one-to-one with the columns, so
 * that any change to any column changes the hash, and an auditor holding an exported line needs no
 * knowledge of Docket to recompute it. `v` names this layout, should it ever change.
 */
export interface AuditEventBody {
  v: typeof AUDIT_BODY_VERSION;
  occurred_at: string;
  actor_issuer: string | null;
  actor_subject: string | null;
  actor_email: string | null;
  actor_roles: string[] | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  organization_id: string | null;
  params: JsonValue;
  outcome: string;
  request_id: string | null;
  upstream_request_id: string | null;
  client_ip: string | null;
  user_agent: string | null;
}

/** An audit_event row as $queryRaw returns it (selected with AUDIT_EVENT_COLUMNS): the body's columns and the chain's. */
export type AuditEventRow = Omit<AuditEventBody, "v" | "occurred_at"> & {
  seq: bigint;
  occurred_at: Date;
  body_sha256: Uint8Array;
  prev_hash: Uint8Array;
  row_hash: Uint8Array;
};

/** The columns the body is made of, as read from a row. */
export type AuditBodyColumns = Omit<AuditEventRow, "seq" | "body_sha256" | "prev_hash" | "row_hash">;

/** The body as the row stores it; the time is rendered as written (ISO 8601, milliseconds, UTC). */
export function auditBodyFromRow(row: AuditBodyColumns): AuditEventBody {
  return {
    v: AUDIT_BODY_VERSION,
    occurred_at: row.occurred_at.toISOString(),
    actor_issuer: row.actor_issuer,
    actor_subject: row.actor_subject,
    actor_email: row.actor_email,
    actor_roles: row.actor_roles,
    action: row.action,
    target_type: row.target_type,
    target_id: row.target_id,
    organization_id: row.organization_id,
    params: row.params,
    outcome: row.outcome,
    request_id: row.request_id,
    upstream_request_id: row.upstream_request_id,
    client_ip: row.client_ip,
    user_agent: row.user_agent,
  };
}

// One-shot hash() rather than createHash().update().digest(): the same SHA-256 at half the cost,
// which counts when the verifier hashes every row of the log twice.
export function bodySha256(body: AuditEventBody): Buffer {
  return hash("sha256", canonicalJson(body), "buffer");
}

/** What the database trigger computes: sha256(prev_hash || int8send(seq) || body_sha256). */
export function chainRowHash(prevHash: Uint8Array, seq: bigint, bodyDigest: Uint8Array): Buffer {
  const input = Buffer.allocUnsafe(prevHash.byteLength + 8 + bodyDigest.byteLength);
  input.set(prevHash, 0);
  input.writeBigInt64BE(seq, prevHash.byteLength);
  input.set(bodyDigest, prevHash.byteLength + 8);
  return hash("sha256", input, "buffer");
}

export const GENESIS_PREV_HASH = Buffer.alloc(32);

export const toHex = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");

export interface ChainHead {
  seq: bigint;
  rowHash: string;
}

/** A PrismaClient or a transaction client: everything here goes through $queryRaw. */
export type Queryable = Pick<PrismaClient, "$queryRaw">;

/** The newest committed row (the primary-key index answers this without a scan). */
export async function readChainHead(db: Queryable): Promise<ChainHead | null> {
  const rows = await db.$queryRaw<Array<{ seq: bigint; row_hash: Uint8Array }>>`
    SELECT seq, row_hash FROM audit_event ORDER BY seq DESC LIMIT 1`;
  const head = rows[0];
  return head ? { seq: head.seq, rowHash: toHex(head.row_hash) } : null;
}

/**
 * The newest committed row and, from the same snapshot, the stored row_hash at `seq` (null when there
 * is no such row): what advancing the checkpoint compares, in one round trip, as it runs after appends.
 */
export async function readChainHeadAndRowHashAt(db: Queryable, seq: bigint): Promise<{ head: ChainHead | null; rowHashAtSeq: string | null }> {
  const rows = await db.$queryRaw<Array<{ seq: bigint; row_hash: Uint8Array }>>`
    SELECT seq, row_hash FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event) OR seq = ${seq} ORDER BY seq DESC`;
  const newest = rows[0];
  const atSeq = rows.find((row) => row.seq === seq);
  return { head: newest ? { seq: newest.seq, rowHash: toHex(newest.row_hash) } : null, rowHashAtSeq: atSeq ? toHex(atSeq.row_hash) : null };
}
