import "server-only";

import { type KeyObject } from "node:crypto";
import type { AuditVerifyReport, ChainBreak, SignedCheckpoint } from "@/lib/schemas/audit-event";
import {
  AUDIT_EVENT_COLUMNS,
  auditBodyFromRow,
  bodySha256,
  chainRowHash,
  GENESIS_PREV_HASH,
  readChainHead,
  toHex,
  type AuditEventRow,
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
  let previousHash: Uint8Array = GENESIS_PREV_HASH;

  if (head) {
    // Each batch is a closed range of seq, never "from here to the head, first N": with statistics that
    // lag the table (after a burst of appends, until autovacuum analyses it) the planner may fetch and
    // sort every row up to the head for each batch, which made verifying quadratic in the chain's length.
    const span = BigInt(batchSize);
    const readBatch = (from: bigint) => {
      const to = from + span - 1n < head.seq ? from + span - 1n : head.seq;
      return db.$queryRaw<AuditEventRow[]>`SELECT ${AUDIT_EVENT_COLUMNS} FROM audit_event WHERE seq >= ${from} AND seq <= ${to} ORDER BY seq`;
    };
    // After a range with no rows, the next row is looked up (an index lookup), so a gap of any width,
    // up to a forged seq near 2^63, costs one query rather than one per range.
    const firstSeqFrom = async (from: bigint) =>
      (await db.$queryRaw<Array<{ seq: bigint | null }>>`SELECT min(seq) AS seq FROM audit_event WHERE seq >= ${from} AND seq <= ${head.seq}`)[0]?.seq ?? null;

    let from = 1n;
    let batch: Promise<AuditEventRow[]> | null = readBatch(from);
    while (batch) {
      const rows: AuditEventRow[] = await batch;
      const next: bigint | null = rows.length > 0 ? from + span : await firstSeqFrom(from + span);
      // The next batch is read while this one is checked, so the database and the hashing overlap.
      batch = next !== null && next <= head.seq ? readBatch(next) : null;
      if (next !== null) from = next;
      for (const row of rows) {
        firstBreak ??= checkRow(row, expectedSeq, previousHash);
        if (row.seq === checkpointSeq) checkpointRowHash = toHex(row.row_hash);
        // Carry on from what is stored, so one altered row is reported once, not as a cascade.
        previousHash = row.row_hash;
        expectedSeq = row.seq + 1n;
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

function checkRow(row: AuditEventRow, expectedSeq: bigint, previousHash: Uint8Array): ChainBreak | null {
  const at = row.seq.toString();
  if (row.seq !== expectedSeq) {
    return { seq: expectedSeq.toString(), kind: "gap", expected: `seq ${expectedSeq}`, found: `seq ${row.seq} (${row.seq - expectedSeq} row(s) missing)` };
  }
  if (!sameBytes(row.prev_hash, previousHash)) {
    return { seq: at, kind: "prev_hash", expected: toHex(previousHash), found: toHex(row.prev_hash) };
  }
  let recomputed: Buffer;
  try {
    recomputed = bodySha256(auditBodyFromRow(row));
  } catch (error) {
    return { seq: at, kind: "body", expected: toHex(row.body_sha256), found: `no hash: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!sameBytes(recomputed, row.body_sha256)) {
    // Expected: what the chain committed to; found: what the columns hold now.
    return { seq: at, kind: "body", expected: toHex(row.body_sha256), found: toHex(recomputed) };
  }
  const rowHash = chainRowHash(row.prev_hash, row.seq, row.body_sha256);
  if (!sameBytes(rowHash, row.row_hash)) return { seq: at, kind: "row_hash", expected: toHex(rowHash), found: toHex(row.row_hash) };
  return null;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;

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
