import "server-only";
import { AppError } from "@/lib/server/http/errors";
import { refusesDeletion } from "./capability";
import type { DeletionDeps } from "./deletion-deps";

/**
 * Refuses when the worker's key is known not to delete. An unverified answer does not refuse: a
 * request costs nothing upstream, and its execution asks again (and a real 403 settles it).
 */
export async function requireDeleteCapability(deps: Pick<DeletionDeps, "capability">): Promise<void> {
  const answer = await deps.capability.check();
  if (refusesDeletion(answer.reason)) throw new AppError("delete_unavailable", answer.message);
}
