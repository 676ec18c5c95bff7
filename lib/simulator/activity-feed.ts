// The Activity Feed query: the dataset's static activities merged with those appended at
// runtime, both ordered by (created_at, id). A cursor is a key (time, id), so pages walk by
// binary search plus `limit` merge steps in either direction.

import { activityWords, filterColumns, KINDS } from "./dataset/activities";
import type { Dataset } from "./dataset/dataset";
import { compareWords } from "./dataset/ids";
import type { TimeRange } from "./dataset/time";
import type { RuntimeActivity, State } from "./state";

export interface FeedKey {
  t: number;
  words: readonly number[];
}

export interface FeedQuery {
  order: "asc" | "desc";
  types: ReadonlySet<string> | null;
  exclude: ReadonlySet<string> | null;
  /** User indices whose user_actor activities match; null = any actor. */
  actors: ReadonlySet<number> | null;
  orgs: ReadonlySet<number> | null;
  created: TimeRange;
  after: FeedKey | null;
  before: FeedKey | null;
  limit: number;
}

export type FeedItem = { src: "static"; pos: number } | { src: "runtime"; entry: RuntimeActivity };

/** First index in [0, n) whose time is >= t (or > t when strict). */
function timeBound(n: number, time: (i: number) => number, t: number, strict: boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = time(mid);
    if (v < t || (strict && v === t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose key is > key (strict) or >= key. */
function keyBound(n: number, time: (i: number) => number, words: (i: number) => readonly number[], key: FeedKey, strict: boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    let cmp = time(mid) - key.t;
    if (cmp === 0) cmp = compareWords(words(mid), key.words);
    if (cmp < 0 || (strict && cmp === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Span {
  lo: number;
  hi: number;
}

function bounds(n: number, time: (i: number) => number, words: (i: number) => readonly number[], q: FeedQuery, up: boolean): Span {
  let lo = 0;
  let hi = n;
  const r = q.created;
  if (r.gte !== undefined) lo = Math.max(lo, timeBound(n, time, r.gte, false));
  if (r.gt !== undefined) lo = Math.max(lo, timeBound(n, time, r.gt, true));
  if (r.lt !== undefined) hi = Math.min(hi, timeBound(n, time, r.lt, false));
  if (r.lte !== undefined) hi = Math.min(hi, timeBound(n, time, r.lte, true));
  const cursor = q.after ?? q.before;
  if (cursor) {
    if (up) lo = Math.max(lo, keyBound(n, time, words, cursor, true));
    else hi = Math.min(hi, keyBound(n, time, words, cursor, false));
  }
  return { lo, hi };
}

/** Iterates static positions within a span, optionally only those of some types. */
function staticPositions(ds: Dataset, span: Span, types: ReadonlySet<string> | null, up: boolean): () => number {
  if (types === null) {
    let p = up ? span.lo : span.hi - 1;
    return () => (p >= span.lo && p < span.hi ? (up ? p++ : p--) : -1);
  }
  // One cursor per requested type over its sorted position list; k-way merge by position.
  const lists = [...types].map((t) => ds.activities.byType.get(t)).filter((l): l is Uint32Array => l !== undefined);
  const heads = lists.map((l) => {
    const first = timeBoundPositions(l, span.lo);
    return up ? first : timeBoundPositions(l, span.hi) - 1;
  });
  return () => {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      const h = heads[i]!;
      const v = lists[i]![h];
      if (v === undefined || v < span.lo || v >= span.hi) continue;
      if (best === -1 || (up ? v < lists[best]![heads[best]!]! : v > lists[best]![heads[best]!]!)) best = i;
    }
    if (best === -1) return -1;
    const v = lists[best]![heads[best]!]!;
    heads[best] = heads[best]! + (up ? 1 : -1);
    return v;
  };
}

/** First index in a sorted position list whose value is >= p. */
function timeBoundPositions(list: Uint32Array, p: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function queryFeed(ds: Dataset, state: State, q: FeedQuery): { items: FeedItem[]; hasMore: boolean } {
  // after_id continues in result order, before_id goes back; `order` decides which is "up".
  const up = (q.order === "asc") === (q.before === null);
  const a = ds.activities;
  const staticSpan = bounds(
    a.count,
    (i) => a.time[i]!,
    (i) => activityWords(ds, i),
    q,
    up,
  );
  const runtime = state.runtime;
  const runtimeSpan = bounds(
    runtime.length,
    (i) => runtime[i]!.timeUs,
    (i) => runtime[i]!.words,
    q,
    up,
  );
  const nextStatic = staticPositions(ds, staticSpan, q.types, up);
  let rp = up ? runtimeSpan.lo : runtimeSpan.hi - 1;
  const nextRuntime = (): RuntimeActivity | null => {
    if (rp < runtimeSpan.lo || rp >= runtimeSpan.hi) return null;
    return runtime[up ? rp++ : rp--]!;
  };

  const cols = q.actors || q.orgs ? filterColumns(ds) : null;
  const acceptStatic = (pos: number): boolean => {
    if (q.exclude?.has(KINDS[a.kind[pos]!]!.type)) return false;
    if (q.actors && !q.actors.has(cols!.actorUser[pos]!)) return false;
    if (q.orgs && !q.orgs.has(cols!.org[pos]!)) return false;
    return true;
  };
  // Runtime activities carry an api_actor and no organisation.
  const acceptRuntime = (e: RuntimeActivity): boolean =>
    (q.types === null || q.types.has(e.type)) && !q.exclude?.has(e.type) && q.actors === null && q.orgs === null;

  let s = nextStatic();
  let r = nextRuntime();
  const items: FeedItem[] = [];
  let hasMore = false;
  while (s !== -1 || r !== null) {
    let takeStatic: boolean;
    if (s === -1) takeStatic = false;
    else if (r === null) takeStatic = true;
    else {
      const cmp = a.time[s]! - r.timeUs || compareWords(activityWords(ds, s), r.words);
      takeStatic = up ? cmp < 0 : cmp > 0;
    }
    let item: FeedItem | null = null;
    if (takeStatic) {
      if (acceptStatic(s)) item = { src: "static", pos: s };
      s = nextStatic();
    } else {
      if (acceptRuntime(r!)) item = { src: "runtime", entry: r! };
      r = nextRuntime();
    }
    if (!item) continue;
    if (items.length === q.limit) {
      hasMore = true;
      break;
    }
    items.push(item);
  }
  if ((q.order === "asc") !== up) items.reverse();
  return { items, hasMore };
}
