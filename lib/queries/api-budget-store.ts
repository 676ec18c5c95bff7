import type { ApiBudget } from "@/lib/schemas/api-budget";

/**
 * The latest Compliance API budget any of Docket's answers reported, shared by every component of the
 * page (one budget per organisation, so one value per page).
 */
let latest: ApiBudget | null = null;
const listeners = new Set<() => void>();

export function publishApiBudget(budget: ApiBudget): void {
  latest = budget;
  for (const listener of listeners) listener();
}

export function subscribeToApiBudget(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentApiBudget(): ApiBudget | null {
  return latest;
}
