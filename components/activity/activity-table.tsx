"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTimeFormat } from "@/components/layout/time-zone";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/error-notice";
import { PagedListFooter } from "@/components/ui/load-more";
import { Cell, DataTable, HeaderCell, TableBody, TableHead } from "@/components/ui/table";
import { ACTIVITY_FAMILY_NAMES, familyOf } from "@/lib/activity/activity-families";
import { actorInWords } from "@/lib/activity/actor-words";
import { REFERENCE_NAMES, referenceHref } from "@/lib/activity/reference-href";
import { activityFiltersQueryString, type ActivityFilters } from "@/lib/console/activity-filters";
import { activityFeedOptions } from "@/lib/queries/activity-queries";
import { COMMON_ACTIVITY_FIELDS, type ActivityEntry } from "@/lib/schemas/activities";

/** Type-specific fields shown in the row; the rest are in the activity's JSON. */
const MAX_FIELDS_SHOWN = 4;
const MAX_VALUE_CHARS = 120;

/**
 * The feed newest first. Older pages follow on at the end; newer activities, which arrive while the
 * page is open, are asked for at the top. `canOpenContent`: whether the reviewer may open the chats,
 * files, projects, sessions and people an activity names (otherwise their ids are shown as text).
 */
export function ActivityTable({ filters, canOpenContent }: { filters: ActivityFilters; canOpenContent: boolean }) {
  const { zone } = useTimeFormat();
  const query = useInfiniteQuery(activityFeedOptions(filters));
  const [checkedNewerAt, setCheckedNewerAt] = useState<string | null>(null);
  if (query.isPending) return <p className="mt-6 text-sm text-slate-500">Loading activity…</p>;
  if (query.isLoadingError)
    return (
      <div className="mt-6">
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  const activities = query.data.pages.flatMap((page) => page.activities);
  const checkNewer = async () => {
    const before = activities.length;
    const result = await query.fetchPreviousPage();
    const after = result.data?.pages.reduce((count, page) => count + page.activities.length, 0) ?? before;
    setCheckedNewerAt(after === before ? new Date().toISOString() : null);
  };
  return (
    <section aria-label="Activities" className="mt-6">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-slate-500">
          {activities.length} {activities.length === 1 ? "activity" : "activities"} loaded{query.hasNextPage ? "; older ones exist" : ""}, newest first.
        </p>
        <div className="flex items-center gap-3 text-xs">
          {checkedNewerAt && <NothingNewer at={checkedNewerAt} />}
          <Button variant="secondary" onClick={() => void checkNewer()} disabled={query.isFetchingPreviousPage || !query.hasPreviousPage}>
            {query.isFetchingPreviousPage ? "Checking…" : "Load newer activity"}
          </Button>
        </div>
      </div>
      {query.isFetchPreviousPageError && (
        <div className="mb-2">
          <ErrorNotice error={query.error} onRetry={() => void checkNewer()} />
        </div>
      )}
      <DataTable
        footer={
          <PagedListFooter isEmpty={activities.length === 0} emptyText="No activity matches these filters." loadLabel="Load older activity" paging={query} />
        }
      >
        <TableHead>
          <HeaderCell>When ({zone})</HeaderCell>
          <HeaderCell>Activity</HeaderCell>
          <HeaderCell>Who</HeaderCell>
          <HeaderCell>Organisation</HeaderCell>
        </TableHead>
        <TableBody>
          {activities.map((activity) => (
            <ActivityRow key={activity.id} activity={activity} canOpenContent={canOpenContent} />
          ))}
        </TableBody>
      </DataTable>
    </section>
  );
}

function NothingNewer({ at }: { at: string }) {
  const { formatCompact } = useTimeFormat();
  return <span className="text-slate-500">Nothing newer as of {formatCompact(at)}.</span>;
}

function ActivityRow({ activity, canOpenContent }: { activity: ActivityEntry; canOpenContent: boolean }) {
  const { formatCompact } = useTimeFormat();
  const actor = actorInWords(activity.actor);
  const referenced = new Set(activity.references.map((reference) => reference.field));
  const fields = Object.entries(activity.raw).filter(([field, value]) => !COMMON_ACTIVITY_FIELDS.has(field) && !referenced.has(field) && isShown(value));
  return (
    <tr className="align-top">
      <Cell mono className="whitespace-nowrap">
        {formatCompact(activity.createdAt)}
      </Cell>
      <Cell>
        <Link
          href={`/activity?${activityFiltersQueryString({ types: activity.type })}`}
          title="Show only activities of this type"
          className="font-mono text-xs font-medium text-slate-900 underline decoration-slate-300 hover:decoration-slate-900"
        >
          {activity.type}
        </Link>
        <span className="ml-2 text-xs text-slate-500">{ACTIVITY_FAMILY_NAMES[familyOf(activity.type)]}</span>
        {activity.references.length > 0 && (
          <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs">
            {activity.references.map((reference) => (
              <li key={reference.field}>
                {REFERENCE_NAMES[reference.kind]}{" "}
                {canOpenContent ? (
                  <Link href={referenceHref(reference.kind, reference.id)} className="font-mono underline decoration-slate-300 hover:decoration-slate-900">
                    {reference.id}
                  </Link>
                ) : (
                  <span className="font-mono">{reference.id}</span>
                )}
              </li>
            ))}
          </ul>
        )}
        {fields.length > 0 && (
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 text-xs text-slate-600">
            {fields.slice(0, MAX_FIELDS_SHOWN).map(([field, value]) => (
              <div key={field} className="contents">
                <dt className="font-mono text-slate-500">{field}</dt>
                <dd className="break-all">{shownValue(value)}</dd>
              </div>
            ))}
          </dl>
        )}
        <details className="mt-1 text-xs">
          <summary className="cursor-pointer text-slate-500">JSON as sent by the API</summary>
          <pre className="mt-1 max-h-80 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono">
            {JSON.stringify(activity.raw, null, 2)}
          </pre>
        </details>
      </Cell>
      <Cell className="text-xs">
        <span className="block text-slate-500">{actor.kind}</span>
        {actor.who &&
          (actor.userId && canOpenContent ? (
            <Link href={referenceHref("user", actor.userId)} className="font-mono underline decoration-slate-300 hover:decoration-slate-900">
              {actor.who}
            </Link>
          ) : (
            <span className="font-mono">{actor.who}</span>
          ))}
        {actor.ipAddress && <span className="block font-mono text-slate-500">{actor.ipAddress}</span>}
        {actor.userAgent && (
          <span className="block max-w-xs truncate text-slate-500" title={actor.userAgent}>
            {actor.userAgent}
          </span>
        )}
      </Cell>
      <Cell mono className="text-xs">
        {activity.organizationUuid ?? "None (not tied to an organisation)"}
      </Cell>
    </tr>
  );
}

function isShown(value: unknown): boolean {
  return value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);
}

function shownValue(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text;
}
