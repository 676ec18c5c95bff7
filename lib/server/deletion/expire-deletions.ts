import "server-only";
import type { DeletionDeps } from "./deletion-deps";
import { recordDeletionEvent, SYSTEM, transition, type Cause } from "./deletion-events";

type Expirable = { id: string; status: string; targetKind: string; targetId: string; organizationUuid: string | null; expiresAt: Date };

/**
 * Expires a request that was not executed in time (requested or approved, past expires_at). True if
 * it is expired now, by this call or an earlier one; false if it is still good.
 */
export async function expireIfDue(deps: Pick<DeletionDeps, "db" | "now" | "checkpoints">, row: Expirable, cause: Cause = SYSTEM): Promise<boolean> {
  if (row.status === "expired") return true;
  const now = deps.now();
  if (row.expiresAt.getTime() > now.getTime() || (row.status !== "requested" && row.status !== "approved")) return false;
  await deps.db.$transaction(async (tx) => {
    if (!(await transition(tx, row, ["requested", "approved"], "expired", { completedAt: now, updatedAt: now }, { expiresAt: { lte: now } }))) return;
    await recordDeletionEvent(
      tx,
      row,
      cause,
      { action: "deletion.expired", outcome: "success", params: { from: row.status, expiresAt: row.expiresAt.toISOString() } },
      deps.checkpoints,
    );
  });
  return true;
}

/** Expires every request past its time (run periodically). Returns how many it expired. */
export async function expireDueDeletions(deps: Pick<DeletionDeps, "db" | "now" | "checkpoints">): Promise<number> {
  const due = await deps.db.deletionRequest.findMany({
    where: { status: { in: ["requested", "approved"] }, expiresAt: { lte: deps.now() } },
    select: { id: true, status: true, targetKind: true, targetId: true, organizationUuid: true, expiresAt: true },
    orderBy: { expiresAt: "asc" },
    take: 500,
  });
  let expired = 0;
  for (const row of due) if (await expireIfDue(deps, row)) expired++;
  return expired;
}
