import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { activityApiQuery, activityHistogramQuery, type ActivityFilters } from "@/lib/console/activity-filters";
import { ActivityFeedPage, ActivityHistogram, type ActivityGrouping } from "@/lib/schemas/activities";
import { apiFetch } from "./api-fetch";

/** Activities per page of the feed. */
export const ACTIVITY_PAGE_SIZE = 100;

/** Which page to read: the newest (null), or the page after (older) or before (newer) a cursor. */
export type ActivityPageParam = null | { older: string } | { newer: string };

export const activityKeys = {
  all: ["activities"] as const,
  feed: (filters: ActivityFilters) => [...activityKeys.all, "feed", filters] as const,
  histogram: (filters: ActivityFilters, grouping: ActivityGrouping) => [...activityKeys.all, "histogram", grouping, filters] as const,
};

/**
 * The feed, newest first, growing both ways: older pages follow the last id; newer ones, which may
 * have arrived since the page opened, precede the first id. The API's has_more tells whether older
 * activities remain; newer ones can always be asked for.
 */
export const activityFeedOptions = (filters: ActivityFilters) =>
  infiniteQueryOptions({
    queryKey: activityKeys.feed(filters),
    initialPageParam: null as ActivityPageParam,
    queryFn: ({ pageParam, signal }) =>
      apiFetch(`/api/activities?${activityApiQuery(filters, ACTIVITY_PAGE_SIZE, pageParam ?? undefined)}`, ActivityFeedPage, { signal }),
    // Pages read toward newer activities are only ever put in front, so the last page is the oldest.
    getNextPageParam: (lastPage): ActivityPageParam | undefined => (lastPage.hasMore && lastPage.lastId !== null ? { older: lastPage.lastId } : undefined),
    getPreviousPageParam: (firstPage, _pages, firstParam): ActivityPageParam | undefined => {
      const cursor = firstPage.firstId ?? (firstParam !== null && "newer" in firstParam ? firstParam.newer : null);
      return cursor === null ? undefined : { newer: cursor };
    },
    // The feed is an append-only log: a page once read does not change.
    staleTime: Infinity,
  });

export const activityHistogramOptions = (filters: ActivityFilters, grouping: ActivityGrouping) =>
  queryOptions({
    queryKey: activityKeys.histogram(filters, grouping),
    queryFn: ({ signal }) => apiFetch(`/api/activities/histogram?${activityHistogramQuery(filters, grouping)}`, ActivityHistogram, { signal }),
    staleTime: Infinity,
  });
