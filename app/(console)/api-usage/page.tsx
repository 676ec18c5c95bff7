import type { Metadata } from "next";
import { ApiUsageView } from "@/components/api-usage/api-usage-view";
import { Button } from "@/components/ui/button";
import { DateTimeField } from "@/components/ui/date-time-field";
import { Page } from "@/components/ui/page";
import { PageHeading } from "@/components/ui/page-heading";
import { requirePageAccess } from "@/lib/server/auth/guard";
import { isRfc3339 } from "@/lib/server/compliance/query-params";

export const metadata: Metadata = { title: "Docket's API use" };
export const dynamic = "force-dynamic";

const timeParam = (value: string | string[] | undefined) => (typeof value === "string" && isRfc3339(value) ? value : undefined);

export default async function ApiUsagePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageAccess("audit.read", "/api-usage");
  const search = await searchParams;
  const period = { from: timeParam(search.from), before: timeParam(search.before) };
  return (
    <Page>
      <PageHeading
        title="Docket's API use"
        description="Every Compliance API call Docket made, from the web app and the workers, matched by request id with the Activity Feed's own record of calls to the API; and the calls the feed shows that Docket did not make. The last week unless a period is given."
      />
      <form method="get" className="mt-6 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <DateTimeField name="from" label="From" defaultValue={period.from} />
        <DateTimeField name="before" label="Before" defaultValue={period.before} />
        <Button type="submit" variant="primary">
          Show
        </Button>
      </form>
      <ApiUsageView
        key={`${period.from ?? ""}-${period.before ?? ""}`}
        period={period}
        canReconcile={actor.permissions.has("audit.verify")}
        canExport={actor.permissions.has("audit.export")}
      />
    </Page>
  );
}
