import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { ApiUsageReport } from "@/lib/schemas/api-usage";
import { apiFetch } from "./api-fetch";

export type ApiUsagePeriod = { from?: string; before?: string };

const periodQuery = (period: ApiUsagePeriod) =>
  new URLSearchParams(Object.entries(period).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "")).toString();

export const apiUsageKeys = { report: (period: ApiUsagePeriod) => ["api-usage", period] as const };

export const apiUsageReportOptions = (period: ApiUsagePeriod) =>
  queryOptions({
    queryKey: apiUsageKeys.report(period),
    queryFn: ({ signal }) => apiFetch(`/api/api-usage?${periodQuery(period)}`, ApiUsageReport, { signal }),
  });

export function apiUsageExportHref(period: ApiUsagePeriod): string {
  const query = periodQuery(period);
  return `/api/api-usage/export?${query === "" ? "" : `${query}&`}format=csv`;
}

/** Asks a worker to read the feed now; the answer has no body. */
export function requestReconciliation(): Promise<null> {
  return apiFetch("/api/api-usage/reconcile", z.null(), { method: "POST" });
}
