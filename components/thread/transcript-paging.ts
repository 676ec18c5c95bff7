import type { UseInfiniteQueryResult } from "@tanstack/react-query";

/**
 * What the rows, the paging and the jumps need of a transcript's infinite query, whichever transcript
 * it pages: a chat's (cursors both ways) or a session's (page tokens, forward only).
 */
export type TranscriptPaging = Pick<
  UseInfiniteQueryResult<{ pages: unknown[] }>,
  | "data"
  | "hasNextPage"
  | "hasPreviousPage"
  | "isFetching"
  | "isFetchingNextPage"
  | "isFetchingPreviousPage"
  | "isFetchNextPageError"
  | "isFetchPreviousPageError"
  | "fetchNextPage"
  | "fetchPreviousPage"
>;
