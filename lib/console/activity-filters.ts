/**
 * The Activity page's filters as they travel in its URL (`/activity?families=chats,files&actors=…`).
 * Client-safe. A GET form sends one `families` value per ticked box; they are joined into one list.
 */
import { pickUrlFilters, urlFiltersQueryString } from "./url-filters";

export const ACTIVITY_FILTER_NAMES = ["families", "types", "exclude", "actors", "org", "from", "before"] as const;
export type ActivityFilterName = (typeof ACTIVITY_FILTER_NAMES)[number];
export type ActivityFilters = Partial<Record<ActivityFilterName, string>>;

export function parseActivityFilters(raw: Record<string, string | string[] | undefined>): ActivityFilters {
  const families = raw.families;
  return pickUrlFilters(ACTIVITY_FILTER_NAMES, { ...raw, families: Array.isArray(families) ? families.join(",") : families });
}

export function activityFiltersQueryString(filters: ActivityFilters): string {
  return urlFiltersQueryString(ACTIVITY_FILTER_NAMES, filters);
}

/** The filters as the API routes name them. */
function apiFilterEntries(filters: ActivityFilters): Array<[string, string | undefined]> {
  return [
    ["families", filters.families],
    ["types", filters.types],
    ["exclude", filters.exclude === "1" ? "1" : undefined],
    ["actorIds", filters.actors],
    ["orgIds", filters.org],
    ["from", filters.from],
    ["before", filters.before],
  ];
}

const defined = (entries: Array<[string, string | undefined]>) => entries.filter((entry): entry is [string, string] => entry[1] !== undefined);

/** The query for /api/activities; `cursor` reads older (after the page) or newer (before it). */
export function activityApiQuery(filters: ActivityFilters, pageSize: number, cursor?: { older: string } | { newer: string }): string {
  const entries = [...apiFilterEntries(filters), ["limit", String(pageSize)] as [string, string], ...Object.entries(cursor ?? {})];
  return new URLSearchParams(defined(entries)).toString();
}

export function activityExportHref(filters: ActivityFilters, format: "csv" | "jsonl"): string {
  return `/api/activities/export?${new URLSearchParams(defined([...apiFilterEntries(filters), ["format", format]])).toString()}`;
}

export function activityHistogramQuery(filters: ActivityFilters, grouping: "family" | "custodian"): string {
  return new URLSearchParams(defined([...apiFilterEntries(filters), ["grouping", grouping]])).toString();
}

/** The Activity page filtered to one person's actions, for links from elsewhere. */
export function activityHrefForActor(userId: string): string {
  return `/activity?${activityFiltersQueryString({ actors: userId })}`;
}
