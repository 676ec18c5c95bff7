/** The code artifacts page's filters as they travel in its URL (`/code-artifacts?org=…&owners=…`). Client-safe. */
import { pickUrlFilters, urlFiltersQueryString } from "./url-filters";

export const CODE_ARTIFACT_FILTER_NAMES = ["org", "owners", "updatedFrom", "updatedTo"] as const;
export type CodeArtifactFilterName = (typeof CODE_ARTIFACT_FILTER_NAMES)[number];
export type CodeArtifactFilters = Partial<Record<CodeArtifactFilterName, string>>;

export function parseCodeArtifactFilters(raw: Record<string, string | string[] | undefined>): CodeArtifactFilters {
  return pickUrlFilters(CODE_ARTIFACT_FILTER_NAMES, raw);
}

export function codeArtifactFiltersQueryString(filters: CodeArtifactFilters): string {
  return urlFiltersQueryString(CODE_ARTIFACT_FILTER_NAMES, filters);
}

/** The query for /api/code-artifacts, with the page token of the page wanted. */
export function codeArtifactListApiQuery(filters: CodeArtifactFilters, pageSize: number, pageToken?: string): string {
  const entries: Array<[string, string | undefined]> = [
    ["orgIds", filters.org],
    ["userIds", filters.owners],
    ["updatedFrom", filters.updatedFrom],
    ["updatedTo", filters.updatedTo],
    ["limit", String(pageSize)],
    ["page", pageToken],
  ];
  return new URLSearchParams(entries.filter((entry): entry is [string, string] => entry[1] !== undefined)).toString();
}

export function codeArtifactVersionHref(artifactId: string, versionId: string): string {
  return `/code-artifacts/${encodeURIComponent(artifactId)}/versions/${encodeURIComponent(versionId)}`;
}
