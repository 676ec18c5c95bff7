import "server-only";
import type { DownloadReceipt } from "@/lib/schemas/files";
import type { Queryable } from "@/lib/server/audit/audit-chain";
import type { Actor } from "@/lib/server/auth/session-store";
import { AUDIT_ACTIONS_BY_KIND, type FileTarget } from "./file-target";

const STATE_BY_END: Record<string, DownloadReceipt["state"]> = {
  matched: "verified",
  not_provided: "unverifiable",
  mismatched: "mismatch",
  aborted: "interrupted",
  failed: "failed",
  not_started: "failed",
};

type ReceiptRow = { outcome: string; params: Record<string, unknown> | null; request_id: string | null };

/**
 * How one of the reviewer's own downloads ended, read back from its audit rows: the log is where the
 * outcome is recorded, so the page shows exactly what the log says. Only the reviewer who started a
 * download can read its receipt.
 */
export async function findDownloadReceipt(db: Queryable, actor: Actor, target: FileTarget, receipt: string): Promise<DownloadReceipt> {
  const rows = await db.$queryRaw<ReceiptRow[]>`
    SELECT outcome, params, request_id FROM audit_event
    WHERE target_type = ${target.kind} AND target_id = ${target.id} AND action = ${AUDIT_ACTIONS_BY_KIND[target.kind].download}
      AND actor_issuer = ${actor.issuer} AND actor_subject = ${actor.subject} AND params->>'receipt' = ${receipt}
    ORDER BY seq DESC LIMIT 1`;
  const last = rows[0];
  if (!last) return { state: "waiting", bytes: null, actualMd5: null, expectedMd5: null, requestId: null };
  const params = last.params ?? {};
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  return {
    state: last.outcome === "intent" ? "in_progress" : (STATE_BY_END[text(params.md5) ?? ""] ?? "failed"),
    bytes: typeof params.bytes === "number" ? params.bytes : null,
    actualMd5: text(params.actualMd5),
    expectedMd5: text(params.expectedMd5),
    requestId: last.request_id,
  };
}
