/** How Docket's routes pass on the Compliance API's rate-limit budget to its pages. Client-safe. */
export const API_BUDGET_HEADERS = {
  remaining: "x-docket-api-budget-remaining",
  limit: "x-docket-api-budget-limit",
  resetsAt: "x-docket-api-budget-reset",
} as const;

export interface ApiBudget {
  remaining: number;
  limit: number;
  /** RFC 3339, when the window resets; null when the API did not say. */
  resetsAt: string | null;
}

/** Below this share of the minute's budget, pages warn that requests may soon be refused. */
export const LOW_BUDGET_SHARE = 0.2;

export function isBudgetLow(budget: ApiBudget): boolean {
  return budget.remaining <= Math.max(1, Math.floor(budget.limit * LOW_BUDGET_SHARE));
}

export function readApiBudget(headers: Headers): ApiBudget | null {
  const remaining = Number(headers.get(API_BUDGET_HEADERS.remaining));
  const limit = Number(headers.get(API_BUDGET_HEADERS.limit));
  if (!headers.has(API_BUDGET_HEADERS.remaining) || !Number.isInteger(remaining) || !Number.isInteger(limit) || limit <= 0) return null;
  return { remaining, limit, resetsAt: headers.get(API_BUDGET_HEADERS.resetsAt) };
}
