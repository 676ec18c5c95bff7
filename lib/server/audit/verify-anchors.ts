import "server-only";

import type { KeyObject } from "node:crypto";
import { readFile } from "node:fs/promises";
import { SignedCheckpoint } from "@/lib/schemas/audit-event";
import { readChainHeadAndRowHashAt, type Queryable } from "@/lib/server/audit/audit-chain";
import { checkpointSignatureValid } from "@/lib/server/audit/checkpoint";

// The other half of anchors.ts: reading an operator's copy of the anchors and checking the chain, as
// it is now, against each of them.

/** The anchors in a file `sendAnchor` appended to (or an operator's copy of one), oldest first. */
export async function readAnchors(file: string): Promise<SignedCheckpoint[]> {
  const lines = (await readFile(file, "utf8")).split("\n");
  const anchors: SignedCheckpoint[] = [];
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "") continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new Error(`${file}, line ${index + 1}: not JSON`);
    }
    const parsed = SignedCheckpoint.safeParse(json);
    if (!parsed.success) throw new Error(`${file}, line ${index + 1}: not a signed checkpoint`);
    anchors.push(parsed.data);
  }
  return anchors;
}

export type AnchorFinding =
  | { seq: string; verdict: "consistent" }
  /** The anchor's signature does not verify with the verification key. */
  | { seq: string; verdict: "bad_signature" }
  /** The chain ends before the anchored row: its tail was cut. */
  | { seq: string; verdict: "truncated"; headSeq: string | null }
  /** The anchored row has another hash now: the chain was rewritten from there or before. */
  | { seq: string; verdict: "rewritten"; rowHash: string | null };

/** Checks every anchor against the chain as it is now. */
export async function checkAnchors(db: Queryable, anchors: SignedCheckpoint[], publicKey: KeyObject): Promise<AnchorFinding[]> {
  const findings: AnchorFinding[] = [];
  for (const anchor of anchors) {
    if (!checkpointSignatureValid(anchor, publicKey)) {
      findings.push({ seq: anchor.seq, verdict: "bad_signature" });
      continue;
    }
    const { head, rowHashAtSeq } = await readChainHeadAndRowHashAt(db, BigInt(anchor.seq));
    if (!head || head.seq < BigInt(anchor.seq)) findings.push({ seq: anchor.seq, verdict: "truncated", headSeq: head ? head.seq.toString() : null });
    else if (rowHashAtSeq !== anchor.rowHash) findings.push({ seq: anchor.seq, verdict: "rewritten", rowHash: rowHashAtSeq });
    else findings.push({ seq: anchor.seq, verdict: "consistent" });
  }
  return findings;
}
