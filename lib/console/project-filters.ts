/**
 * The projects page's filters as they travel in its URL (`/projects?org=…&owners=…`). Client-safe:
 * the page, the form and the list share it. Projects page forward only (the API's page tokens), so
 * the position is not part of the URL.
 */
import { pickUrlFilters, urlFiltersQueryString } from "./url-filters";
export const PROJECT_FILTER_NAMES = ["org", "owners", "createdFrom", "createdTo", "updatedFrom", "updatedTo"] as const;
export type ProjectFilterName = (typeof PROJECT_FILTER_NAMES)[number];
export type ProjectFilters = Partial<Record<ProjectFilterName, string>>;

export function parseProjectFilters(raw: Record<string, string | string[] | undefined>): ProjectFilters {
  return pickUrlFilters(PROJECT_FILTER_NAMES, raw);
}

/** The query for /api/projects, with the page token of the page wanted. */
export function projectListApiQuery(filters: ProjectFilters, pageSize: number, pageToken?: string): string {
  const entries: Array<[string, string | undefined]> = [
    ["orgIds", filters.org],
    ["userIds", filters.owners],
    ["createdFrom", filters.createdFrom],
    ["createdTo", filters.createdTo],
    ["updatedFrom", filters.updatedFrom],
    ["updatedTo", filters.updatedTo],
    ["limit", String(pageSize)],
    ["page", pageToken],
  ];
  return new URLSearchParams(entries.filter((entry): entry is [string, string] => entry[1] !== undefined)).toString();
}

export function projectFiltersQueryString(filters: ProjectFilters): string {
  return urlFiltersQueryString(PROJECT_FILTER_NAMES, filters);
}
