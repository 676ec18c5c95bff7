import "server-only";
import type { Queryable } from "@/lib/server/audit/audit-chain";

/** ASCII of "dkthold": the advisory lock that orders hold creation against deletion intents. */
const HOLD_LOCK_KEY = 0x646b74686f6c64n;

/**
 * Taken (shared) by the transaction that writes a deletion's intent after checking holds, and
 * (exclusive) by the transaction that creates a hold. So a hold either commits before the check,
 * which then sees it, or after the intent, when the DELETE is already under way: never in between.
 */
export async function lockHolds(tx: Queryable, mode: "shared" | "exclusive"): Promise<void> {
  if (mode === "shared") await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock_shared(${HOLD_LOCK_KEY}::bigint)`;
  else await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${HOLD_LOCK_KEY}::bigint)`;
}
