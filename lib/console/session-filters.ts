/**
 * The sessions page's filters as they travel in its URL (`/sessions?kind=remote&org=…`). Client-safe.
 * The local session list filters by time only (the API has no owner or organisation filter for it).
 */
import type { SessionKind } from "@/lib/schemas/sessions";
import { pickUrlFilters, urlFiltersQueryString } from "./url-filters";

export const SESSION_FILTER_NAMES = ["kind", "org", "owners", "from", "before"] as const;
export type SessionFilterName = (typeof SESSION_FILTER_NAMES)[number];
export type SessionFilters = Partial<Record<SessionFilterName, string>>;

export function parseSessionFilters(raw: Record<string, string | string[] | undefined>): SessionFilters {
  return pickUrlFilters(SESSION_FILTER_NAMES, raw);
}

export function sessionKindOf(filters: SessionFilters): SessionKind {
  return filters.kind === "remote" ? "remote" : "local";
}

/** The query for /api/sessions/<kind>, with the page token of the page wanted. */
export function sessionListApiQuery(filters: SessionFilters, pageSize: number, pageToken?: string): string {
  const remote = sessionKindOf(filters) === "remote";
  const entries: Array<[string, string | undefined]> = [
    ["orgIds", remote ? filters.org : undefined],
    ["userIds", remote ? filters.owners : undefined],
    ["from", filters.from],
    ["before", filters.before],
    ["limit", String(pageSize)],
    ["page", pageToken],
  ];
  return new URLSearchParams(entries.filter((entry): entry is [string, string] => entry[1] !== undefined)).toString();
}

export function sessionFiltersQueryString(filters: SessionFilters): string {
  return urlFiltersQueryString(SESSION_FILTER_NAMES, filters);
}
