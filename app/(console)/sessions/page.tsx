import type { Metadata } from "next";
import { ApiLimitsNote } from "@/components/console/api-limits-note";
import { SessionFilterForm } from "@/components/sessions/session-filter-form";
import { SessionsTable } from "@/components/sessions/sessions-table";
import { Page } from "@/components/ui/page";
import { PageHeading } from "@/components/ui/page-heading";
import { parseSessionFilters, sessionFiltersQueryString, sessionKindOf } from "@/lib/console/session-filters";
import { requirePageAccess } from "@/lib/server/auth/guard";

export const metadata: Metadata = { title: "Sessions" };
export const dynamic = "force-dynamic";

export default async function SessionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageAccess("content.read", "/sessions");
  const filters = parseSessionFilters(await searchParams);
  const filterKey = sessionFiltersQueryString(filters);
  return (
    <Page>
      <PageHeading
        title="Sessions"
        description={
          sessionKindOf(filters) === "local"
            ? "Cowork and Claude Code sessions that ran on people's machines while they were signed in with their Enterprise account."
            : "Cowork sessions started on claude.ai on the web or mobile, which ran in Anthropic's cloud."
        }
      />
      <SessionFilterForm key={`form-${filterKey}`} filters={filters} />
      <SessionsTable key={filterKey} filters={filters} />
      <ApiLimitsNote />
    </Page>
  );
}
