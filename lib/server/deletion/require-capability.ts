import "server-only";
import { AppError } from "@/lib/server/http/errors";
import type { DeletionDeps } from "./deletion-deps";

/**
 * Refuses when the key is known not to delete. An inconclusive probe does not refuse: a request
 * costs nothing upstream, and its execution asks again (and a real 403 settles it).
 */
export async function requireDeleteCapability(deps: Pick<DeletionDeps, "capability">): Promise<void> {
  const answer = await deps.capability.check();
  if (answer.reason === "delete_scope_missing" || answer.reason === "admin_key") throw new AppError("delete_unavailable", answer.message);
}
