import type { Metadata } from "next";
import { ActivityChart } from "@/components/activity/activity-chart";
import { ActivityFilterForm } from "@/components/activity/activity-filter-form";
import { ActivityTable } from "@/components/activity/activity-table";
import { ApiLimitsNote } from "@/components/console/api-limits-note";
import { Page } from "@/components/ui/page";
import { PageHeading } from "@/components/ui/page-heading";
import { activityExportHref, activityFiltersQueryString, parseActivityFilters } from "@/lib/console/activity-filters";
import { permissionsOf } from "@/lib/schemas/access";
import { requirePageAccess } from "@/lib/server/auth/guard";

export const metadata: Metadata = { title: "Activity" };
export const dynamic = "force-dynamic";

const DOWNLOAD = "rounded border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50";

export default async function ActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageAccess("activity.read", "/activity");
  const filters = parseActivityFilters(await searchParams);
  const filterKey = activityFiltersQueryString(filters);
  const canOpenContent = permissionsOf(actor.roles).has("content.read");
  return (
    <Page>
      <PageHeading
        title="Activity"
        description="The organisation's Activity Feed, newest first: sign-ins, chats, files, projects, sessions, administration and every Compliance API call, kept by Anthropic for six years. A “viewed” activity means a Claude app loaded the content, not that a person read it."
      />
      <ActivityFilterForm key={`form-${filterKey}`} filters={filters} />
      <div className="mt-4 flex flex-wrap items-center gap-2 text-xs text-slate-600">
        <span>Download every activity these filters match (recorded in the audit log):</span>
        <a href={activityExportHref(filters, "csv")} download className={DOWNLOAD}>
          CSV
        </a>
        <a href={activityExportHref(filters, "jsonl")} download className={DOWNLOAD}>
          JSON Lines (as sent by the API)
        </a>
      </div>
      <ActivityChart key={`chart-${filterKey}`} filters={filters} grouping="family" title="Activity over time, by family" />
      <ActivityTable key={filterKey} filters={filters} canOpenContent={canOpenContent} />
      <ApiLimitsNote />
    </Page>
  );
}
