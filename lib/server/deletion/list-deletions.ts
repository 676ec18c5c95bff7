import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DeletionListQuery, type DeletionHistoryEntry, type DeletionList, type DeletionRequestDetail } from "@/lib/schemas/deletions";
import type { Actor } from "@/lib/server/auth/session-store";
import { toHex } from "@/lib/server/audit/audit-chain";
import { AppError } from "@/lib/server/http/errors";
import type { DeletionDeps } from "./deletion-deps";
import { DELETION_INCLUDE, toDeletionDto } from "./deletion-dto";
import { loadDeletion } from "./execute-deletion";

/** Approvers see every request; anyone else only their own. */
function mayRead(actor: Actor, requesterId: string): boolean {
  return actor.permissions.has("deletion.approve") || actor.userId === requesterId;
}

function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [time, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(time ?? "");
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(createdAt.getTime()))
    throw new AppError("invalid_request", "Invalid query parameter: cursor is not one this list gave.");
  return { createdAt, id };
}

/** The queue, newest first: by status, and to the asker's own requests when asked (or not an approver). */
export async function listDeletions(deps: Pick<DeletionDeps, "db">, actor: Actor, query: DeletionListQuery): Promise<DeletionList> {
  const { status, mine, cursor, limit } = DeletionListQuery.parse(query);
  const ownOnly = mine === "1" || !actor.permissions.has("deletion.approve");
  const after = cursor ? decodeCursor(cursor) : null;
  const where: Prisma.DeletionRequestWhereInput = {
    ...(status ? { status } : {}),
    ...(ownOnly ? { requesterId: actor.userId } : {}),
    ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
  };
  const rows = await deps.db.deletionRequest.findMany({ where, include: DELETION_INCLUDE, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit + 1 });
  const page = rows.slice(0, limit);
  return { requests: page.map((row) => toDeletionDto(row, actor)), nextCursor: rows.length > limit && page.length > 0 ? encodeCursor(page.at(-1)!) : null };
}

type HistoryRow = {
  seq: bigint;
  occurred_at: Date;
  action: string;
  outcome: string;
  actor_email: string | null;
  params: unknown;
  upstream_request_id: string | null;
  row_hash: Uint8Array;
};

/** A request and its whole life as the audit log recorded it, in order. */
export async function getDeletionDetail(deps: Pick<DeletionDeps, "db">, actor: Actor, deletionId: string): Promise<DeletionRequestDetail> {
  const row = await loadDeletion(deps, deletionId);
  // Someone who may not read it is told it does not exist, as for any id they cannot see.
  if (!mayRead(actor, row.requesterId)) throw new AppError("not_found", "There is no deletion request with this id.");
  const events = await deps.db.$queryRaw<HistoryRow[]>`
    SELECT seq, occurred_at, action, outcome, actor_email, params, upstream_request_id, row_hash
    FROM audit_event
    WHERE target_type = ${row.targetKind} AND target_id = ${row.targetId} AND params->>'deletionId' = ${row.id}
    ORDER BY seq`;
  const history: DeletionHistoryEntry[] = events.map((event) => ({
    seq: event.seq.toString(),
    occurredAt: event.occurred_at.toISOString(),
    action: event.action,
    outcome: event.outcome,
    actorEmail: event.actor_email,
    params: event.params !== null && typeof event.params === "object" && !Array.isArray(event.params) ? (event.params as DeletionHistoryEntry["params"]) : {},
    upstreamRequestId: event.upstream_request_id,
    rowHash: toHex(event.row_hash),
  }));
  return { request: toDeletionDto(row, actor), history };
}
