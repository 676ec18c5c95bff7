import { infiniteQueryOptions } from "@tanstack/react-query";
import { AuditEventPage, AuditVerifyReport } from "@/lib/schemas/audit-event";
import { auditQueryString, type AuditSearchParams } from "@/lib/schemas/audit-search";
import { apiFetch } from "./api-fetch";

export const auditKeys = {
  all: ["audit"] as const,
  lists: () => [...auditKeys.all, "list"] as const,
  list: (filters: AuditSearchParams) => [...auditKeys.lists(), filters] as const,
};

export const auditEventsOptions = (filters: AuditSearchParams) =>
  infiniteQueryOptions({
    queryKey: auditKeys.list(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiFetch(`/api/audit/events?${auditQueryString(filters, pageParam ? { cursor: pageParam } : {})}`, AuditEventPage, { signal }),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export function verifyAuditLog() {
  return apiFetch("/api/audit/verify", AuditVerifyReport, { method: "POST" });
}
