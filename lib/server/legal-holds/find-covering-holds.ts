import "server-only";
import type { HoldRef } from "@/lib/schemas/legal-holds";
import type { Queryable } from "@/lib/server/audit/audit-chain";
import { splitHoldKey, type HoldKey } from "./hold-keys";

/** The active holds naming any of `keys`, oldest first. */
export async function findCoveringHolds(db: Queryable, keys: readonly HoldKey[]): Promise<HoldRef[]> {
  if (keys.length === 0) return [];
  const parts = keys.map(splitHoldKey);
  return db.$queryRaw<HoldRef[]>`
    SELECT h.id::text AS id, h.matter_name AS "matterName"
    FROM legal_hold h
    WHERE h.status = 'active' AND EXISTS (
      SELECT 1 FROM legal_hold_scope s
      JOIN unnest(${parts.map((part) => part.kind)}::text[], ${parts.map((part) => part.id)}::text[]) AS k(kind, object_id)
        ON s.kind = k.kind AND s.object_id = k.object_id
      WHERE s.hold_id = h.id)
    ORDER BY h.created_at, h.id`;
}

/** What a refusal for holds says, naming their matters. */
export function holdMessage(matters: readonly string[]): string {
  return `An active legal hold covers this object (${matters.map((matter) => `"${matter}"`).join(", ")}), so it cannot be deleted.`;
}
