import "server-only";
import { CompliancePaginationError } from "./errors";
import type { CursorPage, TokenPage } from "./schemas/common";

export interface WalkOptions {
  /** A walk stops with an error after this many pages, so a misbehaving API cannot loop forever. */
  maxPages?: number;
}

const DEFAULT_MAX_PAGES = 100_000;

/**
 * Walks a cursor-paged list. "after" passes each page's last_id as after_id (the next page in result
 * order); "before" passes first_id as before_id (the previous page). Ends on has_more=false, on a null
 * cursor, and refuses a cursor it has already sent.
 */
export async function* walkCursorPages<T>(
  fetchPage: (cursor: { afterId?: string; beforeId?: string }) => Promise<CursorPage<T>>,
  direction: "after" | "before",
  start: string | undefined = undefined,
  { maxPages = DEFAULT_MAX_PAGES }: WalkOptions = {},
): AsyncGenerator<CursorPage<T>> {
  const seen = new Set<string>();
  let cursor = start;
  for (let pages = 0; ;) {
    const page = await fetchPage(cursor === undefined ? {} : direction === "after" ? { afterId: cursor } : { beforeId: cursor });
    yield page;
    if (++pages >= maxPages) throw new CompliancePaginationError(`Stopped after ${maxPages} pages.`);
    const next = direction === "after" ? page.last_id : page.first_id;
    if (!page.has_more || next === null) return;
    if (seen.has(next)) throw new CompliancePaginationError("The Compliance API returned a cursor it had already returned.");
    seen.add(next);
    cursor = next;
  }
}

/** Walks a page-token list until has_more is false or next_page is null (session lists send no has_more). */
export async function* walkTokenPages<T>(
  fetchPage: (page: string | undefined) => Promise<TokenPage<T>>,
  { maxPages = DEFAULT_MAX_PAGES }: WalkOptions = {},
): AsyncGenerator<TokenPage<T>> {
  const seen = new Set<string>();
  let token: string | undefined;
  for (let pages = 0; ;) {
    const page = await fetchPage(token);
    yield page;
    if (++pages >= maxPages) throw new CompliancePaginationError(`Stopped after ${maxPages} pages.`);
    if (!page.has_more || page.next_page === null) return;
    if (seen.has(page.next_page)) throw new CompliancePaginationError("The Compliance API returned a page token it had already returned.");
    seen.add(page.next_page);
    token = page.next_page;
  }
}

/** The items of a walk, one by one. */
export async function* itemsOf<T>(pages: AsyncIterable<{ data: T[] }>): AsyncGenerator<T> {
  for await (const page of pages) yield* page.data;
}
