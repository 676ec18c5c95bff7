import "server-only";
import type { DeletionOutcome, DeletionReconciliation, DeletionTargetKind } from "@/lib/schemas/deletions";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { ComplianceApiError } from "@/lib/server/compliance/errors";
import { DEFAULT_TIMEOUTS } from "@/lib/server/compliance/transport";
import { findCodeArtifact } from "@/lib/server/console/code-artifacts";
import type { DeletionDeps } from "./deletion-deps";
import { recordDeletionEvent, SYSTEM, transition } from "./deletion-events";

/**
 * An `executing` request older than this has lost its executor (a crash, a restart, a database outage
 * while the outcome was written): a live one has its answer, or has given up, within the client's
 * total deadline. Twice that, so a slow but live DELETE is never read back under its feet.
 */
export const STALE_EXECUTING_MS = 2 * DEFAULT_TIMEOUTS.totalMs;

export interface ReconcileReport {
  settled: Array<{ id: string; found: DeletionReconciliation["found"]; status: "succeeded" | "failed" }>;
  /** Requests whose read-back failed (the API unreachable, say): tried again next time. */
  deferred: string[];
}

const READ_BACK: Record<DeletionTargetKind, (client: ComplianceClient, id: string) => Promise<{ requestId: string | null }>> = {
  chat: (client, id) => client.chats.getMessages(id, { limit: 1 }),
  file: (client, id) => client.files.get(id),
  project_document: (client, id) => client.projectDocuments.getMetadata(id),
  project: (client, id) => client.projects.get(id),
  code_artifact: async (client, id) => {
    const found = await findCodeArtifact(client, id);
    // The API reads no artifact by id: one its listing no longer shows is gone, as a 404 would say.
    if (!found) throw new ComplianceApiError(404, "not_found_error", `Code artifact ${id} is no longer listed.`, null);
    return { requestId: found.upstreamRequestIds.at(-1) ?? null };
  },
};

/**
 * Settles requests whose outcome is unknown (`unknown`, or `executing` past STALE_EXECUTING_MS) by
 * reading the object back: 404 means it is gone, so the deletion happened (`succeeded`, reconciled);
 * found means it did not (`failed`, not deleted: a person decides whether to ask again). A chat its
 * user deleted in claude.ai is still found, so it counts as not deleted. Each settlement is one
 * audit event with what was found.
 */
export async function reconcileDeletions(
  deps: Pick<DeletionDeps, "db" | "client" | "now" | "checkpoints">,
  options: { staleExecutingMs?: number } = {},
): Promise<ReconcileReport> {
  const now = deps.now();
  const staleBefore = new Date(now.getTime() - (options.staleExecutingMs ?? STALE_EXECUTING_MS));
  const rows = await deps.db.deletionRequest.findMany({
    where: { OR: [{ status: "unknown" }, { status: "executing", executionStartedAt: { lte: staleBefore } }] },
    select: { id: true, status: true, targetKind: true, targetId: true, organizationUuid: true },
    orderBy: { executionStartedAt: "asc" },
    take: 200,
  });
  const report: ReconcileReport = { settled: [], deferred: [] };
  for (const row of rows) {
    let found: DeletionReconciliation["found"];
    let upstreamRequestId: string | null;
    try {
      ({ requestId: upstreamRequestId } = await READ_BACK[row.targetKind as DeletionTargetKind](deps.client, row.targetId));
      found = "present";
    } catch (error) {
      if (!(error instanceof ComplianceApiError && error.status === 404)) {
        console.error(`[deletion ${row.id}] read-back failed, tried again next round: ${error instanceof Error ? error.message : String(error)}`);
        report.deferred.push(row.id);
        continue;
      }
      found = "gone";
      upstreamRequestId = error.requestId;
    }
    const status = found === "gone" ? "succeeded" : "failed";
    const reconciliation: DeletionReconciliation = { checkedAt: deps.now().toISOString(), found, upstreamRequestId };
    const outcome: DeletionOutcome =
      found === "gone"
        ? { kind: "deleted_reconciled", message: "Read back after the outcome was unknown: the object is gone (404), so the deletion happened." }
        : {
            kind: "not_deleted",
            message: "Read back after the outcome was unknown: the object is still there, so it was not deleted. Make a new request to try again.",
          };
    const settled = await deps.db.$transaction(async (tx) => {
      if (!(await transition(tx, row, [row.status as "unknown" | "executing"], status, { outcome, reconciliation, updatedAt: deps.now() }))) return false;
      await recordDeletionEvent(
        tx,
        row,
        SYSTEM,
        {
          action: "deletion.reconciled",
          outcome: found === "gone" ? "success" : "failure",
          params: { found, from: row.status, status },
          upstreamRequestId,
        },
        deps.checkpoints,
      );
      return true;
    });
    if (settled) report.settled.push({ id: row.id, found, status });
  }
  return report;
}
