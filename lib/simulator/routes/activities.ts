// GET /v1/compliance/activities: newest first by default, `order=asc` flips it.

import { queryFeed, type FeedKey } from "../activity-feed";
import { findActivity, formatActivity } from "../dataset/activities";
import { SCOPE } from "../dataset/api-keys";
import { ACTIVITY_TYPE_NAMES } from "../../reference/activity-type-names";
import type { Dataset } from "../dataset/dataset";
import { Kind, PREFIX } from "../dataset/ids";
import { formatUs } from "../dataset/time";
import type { RouteDef } from "../http/context";
import { decodeActivityCursor, encodeActivityCursor } from "../http/cursors";
import { Errors } from "../http/errors";
import { parseCursors, parseEnum, parseLimit, parseRange } from "../http/query";
import type { State } from "../state";

const KNOWN_TYPES: ReadonlySet<string> = new Set(ACTIVITY_TYPE_NAMES);
import { orgFilter, userFilter } from "./render";

function typeSet(values: readonly string[], param: string): Set<string> | null {
  if (values.length === 0) return null;
  for (const v of values) {
    if (!KNOWN_TYPES.has(v)) throw Errors.invalid(`Invalid value for \`${param}\`: "${v}" is not a known activity type.`);
  }
  return new Set(values);
}

/**
 * A cursor is either our opaque token or, as observed with the real API, a raw activity id.
 * A raw id must name an existing activity (documented message otherwise).
 */
function cursorKey(ds: Dataset, state: State, param: "after_id" | "before_id", raw: string): FeedKey {
  const opaque = decodeActivityCursor(raw);
  const id = opaque ? opaque.id : raw;
  const stat = ds.ids.decodeTagged(PREFIX.activity, Kind.Activity, id);
  const run = stat ? null : ds.ids.decodeTagged(PREFIX.activity, Kind.RuntimeActivity, id);
  if (opaque && (stat || run)) {
    const d = (stat ?? run)!;
    return { t: opaque.t, words: ds.ids.taggedWords(d.kind, d.a, d.b, d.c) };
  }
  if (stat) {
    const pos = findActivity(ds, stat.a, stat.b, stat.c);
    if (pos !== -1) return { t: ds.activities.time[pos]!, words: ds.ids.taggedWords(Kind.Activity, stat.a, stat.b, stat.c) };
  }
  if (run) {
    const entry = state.findRuntime(run.a);
    if (entry) return { t: entry.timeUs, words: entry.words };
  }
  throw Errors.invalidActivityCursor(param, raw);
}

export const activityRoutes: RouteDef[] = [
  {
    method: "GET",
    path: "/v1/compliance/activities",
    scope: SCOPE.activities,
    handler: (ctx) => {
      const { ds, state, query: q } = ctx;
      const types = typeSet(q.list("activity_types"), "activity_types[]");
      const exclude = typeSet(q.list("exclude_activity_types"), "exclude_activity_types[]");
      if (types && exclude) throw Errors.invalid("`activity_types[]` and `exclude_activity_types[]` cannot be used together.");
      // `user_ids[]` is an alias of `actor_ids[]`; both lists are merged (documented).
      const actorIds = [...q.list("actor_ids"), ...q.list("user_ids")];
      const limit = parseLimit(q, 100, 5000);
      const order = parseEnum(q, "order", ["desc", "asc"] as const, "desc");
      const created = parseRange(q, "created_at");
      const cursors = parseCursors(q);
      const { items, hasMore } = queryFeed(ds, state, {
        order,
        types,
        exclude,
        actors: actorIds.length > 0 ? new Set(userFilter(ds, actorIds)) : null,
        orgs: orgFilter(ds, q.list("organization_ids")),
        created,
        after: cursors.after === null ? null : cursorKey(ds, state, "after_id", cursors.after),
        before: cursors.before === null ? null : cursorKey(ds, state, "before_id", cursors.before),
        limit,
      });
      const data = items.map((it) => (it.src === "static" ? formatActivity(ds, it.pos, formatUs(ds.activities.time[it.pos]!)) : it.entry.body));
      const cursor = (k: number): string | null => {
        const it = items[k];
        if (!it) return null;
        return it.src === "static"
          ? encodeActivityCursor(ds.activities.time[it.pos]!, data[k]!.id as string)
          : encodeActivityCursor(it.entry.timeUs, it.entry.id);
      };
      return { json: { data, has_more: hasMore, first_id: cursor(0), last_id: cursor(items.length - 1) } };
    },
  },
];
