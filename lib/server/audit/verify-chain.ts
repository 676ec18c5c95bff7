import "server-only";

import { type KeyObject } from "node:crypto";
import { setImmediate as yieldToIo } from "node:timers/promises";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AuditVerifyReport, ChainBreak, SignedCheckpoint } from "@/lib/schemas/audit-event";
import {
  auditBodyFromRow,
  bodySha256,
  chainRowHash,
  GENESIS_PREV_HASH,
  readChainHead,
  toHex,
  type AuditBodyColumns,
  type ChainHead,
  type Queryable,
} from "@/lib/server/audit/audit-chain";
import { checkpointSignatureValid } from "@/lib/server/audit/checkpoint";
import { ed25519KeyId } from "@/lib/server/audit/checkpoint-key";

export interface VerifyOptions {
  /** The signed head kept outside the database; it is what reveals a cut tail or a rewritten chain. */
  checkpoint?: SignedCheckpoint | null;
  /** Required with a checkpoint. */
  publicKey?: KeyObject | null;
  /** Rows per query; memory stays proportional to it whatever the table's size. */
  batchSize?: number;
}

const DEFAULT_BATCH_SIZE = 5000;
/**
 * Checking a batch takes tens of milliseconds; without turns of the event loop meanwhile, the next
 * batch's query is not even sent (Prisma takes several turns to send it) and its megabytes are not
 * read off the socket, so the database would wait for the hashing instead of working beside it.
 */
const ROWS_BETWEEN_YIELDS = 250;

/**
 * A batch as PostgreSQL serialises it: one JSON text holding an array per row. Parsing one text is far
 * cheaper than having the driver and Prisma decode every value of every row (which cost more than the
 * hashing), and building it runs in the database's process, beside the hashing here. Each column keeps
 * its exact value: seq as text (it may be forged beyond 2^53), the time as epoch milliseconds (its
 * precision; a non-finite time arrives as a string and fails the body check), the hashes as hex.
 */
const STORED_ROWS_AS_JSON = Prisma.sql`json_agg(json_build_array(seq::text, extract(epoch FROM occurred_at) * 1000,
  actor_issuer, actor_subject, actor_email, actor_roles, action, target_type, target_id, organization_id, params,
  outcome, request_id, upstream_request_id, client_ip, user_agent,
  encode(body_sha256, 'hex'), encode(prev_hash, 'hex'), encode(row_hash, 'hex')) ORDER BY seq)::text`;

/** One row of STORED_ROWS_AS_JSON, in its order. */
export type StoredRow = [
  seq: string,
  occurredAtMs: number | string,
  actorIssuer: string | null,
  actorSubject: string | null,
  actorEmail: string | null,
  actorRoles: string[] | null,
  action: string,
  targetType: string | null,
  targetId: string | null,
  organizationId: string | null,
  params: AuditBodyColumns["params"],
  outcome: string,
  requestId: string | null,
  upstreamRequestId: string | null,
  clientIp: string | null,
  userAgent: string | null,
  bodySha256: string,
  prevHash: string,
  rowHash: string,
];
const SEQ = 0;
const BODY_SHA256 = 16;
const PREV_HASH = 17;
const ROW_HASH = 18;

/** The rows with seq from `from` to `to`, in seq order, as the verifier reads them. */
export async function readStoredRows(db: Queryable, from: bigint, to: bigint): Promise<StoredRow[]> {
  const [batch] = await db.$queryRaw<
    Array<{ rows: string | null }>
  >`SELECT ${STORED_ROWS_AS_JSON} AS rows FROM audit_event WHERE seq >= ${from} AND seq <= ${to}`;
  return batch?.rows ? (JSON.parse(batch.rows) as StoredRow[]) : [];
}

function bodyColumns(row: StoredRow): AuditBodyColumns {
  const occurredAt = row[1];
  if (typeof occurredAt !== "number") throw new RangeError(`occurred_at is ${occurredAt}, not a time`);
  return {
    occurred_at: new Date(occurredAt),
    actor_issuer: row[2],
    actor_subject: row[3],
    actor_email: row[4],
    actor_roles: row[5],
    action: row[6],
    target_type: row[7],
    target_id: row[8],
    organization_id: row[9],
    params: row[10],
    outcome: row[11],
    request_id: row[12],
    upstream_request_id: row[13],
    client_ip: row[14],
    user_agent: row[15],
  };
}

/**
 * Walks the whole chain in seq order and reports the first broken link. Per row, in this order:
 * seq follows the previous one (gap: rows deleted), prev_hash is the previous row_hash, body_sha256
 * is the hash of the columns as stored (body: a column was changed), row_hash recomputes. Then,
 * with a checkpoint: its signature, and that the chain still holds its row with its hash.
 */
export async function verifyAuditChain(db: Queryable, options: VerifyOptions = {}): Promise<AuditVerifyReport> {
  const started = performance.now();
  const { checkpoint = null, publicKey = null, batchSize = DEFAULT_BATCH_SIZE } = options;
  if (checkpoint && !publicKey) throw new TypeError("verifying a checkpoint needs the public key");

  // Rows commit in seq order (the append lock is held until commit), so every seq up to this head
  // is committed now; rows appended while we read are left out, keeping the report consistent.
  const head = await readChainHead(db);
  const checkpointSeq = checkpoint ? BigInt(checkpoint.seq) : null;
  let checkpointRowHash: string | null = null;
  let firstBreak: ChainBreak | null = null;
  let rowsChecked = 0;
  let expectedSeq = 1n;
  let previousHash = toHex(GENESIS_PREV_HASH);

  if (head) {
    // Each batch is a closed range of seq, never "from here to the head, first N": with statistics that
    // lag the table (after a burst of appends, until autovacuum analyses it) the planner may fetch and
    // sort every row up to the head for each batch, which made verifying quadratic in the chain's length.
    const span = BigInt(batchSize);
    const readBatch = (from: bigint) => readStoredRows(db, from, from + span - 1n < head.seq ? from + span - 1n : head.seq);
    // After a range with no rows, the next row is looked up (an index lookup), so a gap of any width,
    // up to a forged seq near 2^63, costs one query rather than one per range.
    const firstSeqFrom = async (from: bigint) =>
      (await db.$queryRaw<Array<{ seq: bigint | null }>>`SELECT min(seq) AS seq FROM audit_event WHERE seq >= ${from} AND seq <= ${head.seq}`)[0]?.seq ?? null;

    let from = 1n;
    let batch: Promise<StoredRow[]> | null = readBatch(from);
    while (batch) {
      const rows: StoredRow[] = await batch;
      const next: bigint | null = rows.length > 0 ? from + span : await firstSeqFrom(from + span);
      // The next batch is read while this one is checked, so the database and the hashing overlap.
      batch = next !== null && next <= head.seq ? readBatch(next) : null;
      if (next !== null) from = next;
      for (let index = 0; index < rows.length; index += 1) {
        if (index % ROWS_BETWEEN_YIELDS === 0) await yieldToIo();
        const row = rows[index]!;
        const seq = BigInt(row[SEQ]);
        firstBreak ??= checkRow(row, seq, expectedSeq, previousHash);
        if (seq === checkpointSeq) checkpointRowHash = row[ROW_HASH];
        // Carry on from what is stored, so one altered row is reported once, not as a cascade.
        previousHash = row[ROW_HASH];
        expectedSeq = seq + 1n;
        rowsChecked += 1;
      }
    }
  }

  let checkpointReport: AuditVerifyReport["checkpoint"] = null;
  if (checkpoint && publicKey && checkpointSeq !== null) {
    const problem = checkCheckpoint(checkpoint, publicKey, checkpointRowHash, head);
    checkpointReport = {
      seq: checkpoint.seq,
      rowHash: checkpoint.rowHash,
      signedAt: checkpoint.signedAt,
      keyId: checkpoint.keyId,
      status: problem?.kind ?? "matches",
    };
    firstBreak ??= problem;
  }

  return {
    ok: firstBreak === null,
    rowsChecked,
    head: head ? { seq: head.seq.toString(), rowHash: head.rowHash } : null,
    firstBreak,
    checkpoint: checkpointReport,
    durationMs: performance.now() - started,
  };
}

function checkRow(row: StoredRow, seq: bigint, expectedSeq: bigint, previousHash: string): ChainBreak | null {
  if (seq !== expectedSeq) {
    return { seq: expectedSeq.toString(), kind: "gap", expected: `seq ${expectedSeq}`, found: `seq ${seq} (${seq - expectedSeq} row(s) missing)` };
  }
  const storedPrevHash = row[PREV_HASH];
  const storedBodyHash = row[BODY_SHA256];
  if (storedPrevHash !== previousHash) {
    return { seq: String(seq), kind: "prev_hash", expected: previousHash, found: storedPrevHash };
  }
  let recomputed: string;
  try {
    recomputed = toHex(bodySha256(auditBodyFromRow(bodyColumns(row))));
  } catch (error) {
    return { seq: String(seq), kind: "body", expected: storedBodyHash, found: `no hash: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (recomputed !== storedBodyHash) {
    // Expected: what the chain committed to; found: what the columns hold now.
    return { seq: String(seq), kind: "body", expected: storedBodyHash, found: recomputed };
  }
  const rowHash = toHex(chainRowHash(Buffer.from(storedPrevHash, "hex"), seq, Buffer.from(storedBodyHash, "hex")));
  if (rowHash !== row[ROW_HASH]) return { seq: String(seq), kind: "row_hash", expected: rowHash, found: row[ROW_HASH] };
  return null;
}

function checkCheckpoint(
  checkpoint: SignedCheckpoint,
  publicKey: KeyObject,
  rowHashAtCheckpoint: string | null,
  head: ChainHead | null,
): (ChainBreak & { kind: "truncated" | "rewritten" | "bad_signature" }) | null {
  if (!checkpointSignatureValid(checkpoint, publicKey)) {
    return {
      seq: checkpoint.seq,
      kind: "bad_signature",
      expected: `a signature by key ${ed25519KeyId(publicKey)}`,
      found: `a checkpoint whose signature does not verify (it names key ${checkpoint.keyId})`,
    };
  }
  const checkpointSeq = BigInt(checkpoint.seq);
  if (!head || head.seq < checkpointSeq) {
    return {
      seq: ((head?.seq ?? 0n) + 1n).toString(),
      kind: "truncated",
      expected: `head seq ${checkpoint.seq} row_hash ${checkpoint.rowHash} (signed ${checkpoint.signedAt})`,
      found: head ? `head seq ${head.seq} row_hash ${head.rowHash}` : "no rows",
    };
  }
  if (rowHashAtCheckpoint !== checkpoint.rowHash) {
    return { seq: checkpoint.seq, kind: "rewritten", expected: checkpoint.rowHash, found: rowHashAtCheckpoint ?? "no row" };
  }
  return null;
}
