"use client";

import { useSyncExternalStore } from "react";
import { useTimeFormat } from "@/components/layout/time-zone";
import { currentApiBudget, subscribeToApiBudget } from "@/lib/queries/api-budget-store";
import { isBudgetLow } from "@/lib/schemas/api-budget";

/** Warns when the organisation's Compliance API budget for the minute runs low, and when it is used up. */
export function ApiBudgetNotice() {
  const budget = useSyncExternalStore(subscribeToApiBudget, currentApiBudget, () => null);
  const { format } = useTimeFormat();
  if (!budget || !isBudgetLow(budget)) return null;
  // The time of day is enough: the budget resets within the minute.
  const until = budget.resetsAt ? ` until ${format(budget.resetsAt).slice("YYYY-MM-DD ".length)}` : "";
  return (
    <div role="status" aria-label="Compliance API budget" className="border-b border-amber-300 bg-amber-50">
      <p className="mx-auto max-w-6xl px-6 py-1.5 text-xs text-amber-900">
        {budget.remaining === 0 ? (
          <>
            <strong className="font-semibold">Compliance API budget used up{until}.</strong> Requests are refused until the minute&apos;s budget resets; retry
            then.
          </>
        ) : (
          <>
            <strong className="font-semibold">Compliance API budget low:</strong> {budget.remaining} of {budget.limit} requests left{until}.
          </>
        )}{" "}
        The budget is shared by every tool of the organisation that uses the API.
      </p>
    </div>
  );
}
