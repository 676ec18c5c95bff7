// Page-token pagination over an immutable base order. Deleted or filtered-out items are skipped
// at read time, so tokens stay valid across deletes.

import { decodePageToken, encodePageToken } from "./cursors";
import { Errors } from "./errors";
import type { Query } from "./query";

export interface Page {
  positions: number[];
  hasMore: boolean;
  nextPage: string | null;
}

export function pageThrough(q: Query, endpoint: string, total: number, limit: number, accept: (position: number) => boolean): Page {
  const token = q.get("page");
  let start = 0;
  if (token !== undefined) {
    const p = decodePageToken(token, endpoint);
    if (p === null) throw Errors.invalidPage();
    start = p;
  }
  const positions: number[] = [];
  let hasMore = false;
  for (let p = start; p < total; p++) {
    if (!accept(p)) continue;
    if (positions.length === limit) {
      hasMore = true;
      break;
    }
    positions.push(p);
  }
  const last = positions[positions.length - 1];
  return { positions, hasMore, nextPage: hasMore && last !== undefined ? encodePageToken(endpoint, last + 1) : null };
}
