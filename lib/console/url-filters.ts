/** Filters that travel in a page's URL: one value per name, blanks and repeated values dropped rather than guessed at. */
export function pickUrlFilters<N extends string>(names: readonly N[], raw: Record<string, string | string[] | undefined>): Partial<Record<N, string>> {
  const filters: Partial<Record<N, string>> = {};
  for (const name of names) {
    const value = raw[name];
    if (typeof value === "string" && value.trim() !== "") filters[name] = value.trim();
  }
  return filters;
}

/** The filters as a query string, empty ones left out, in the names' order (stable links and query keys). */
export function urlFiltersQueryString<N extends string>(names: readonly N[], filters: Partial<Record<N, string>>): string {
  const entries = names.flatMap((name) => (filters[name] ? [[name, filters[name]] as [string, string]] : []));
  return new URLSearchParams(entries).toString();
}
