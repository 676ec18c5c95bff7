import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActivityChart } from "@/components/activity/activity-chart";
import { ApiLimitsNote } from "@/components/console/api-limits-note";
import { CustodianTimelineTable } from "@/components/console/custodian-timeline-table";
import { Button } from "@/components/ui/button";
import { DateTimeField } from "@/components/ui/date-time-field";
import { Page } from "@/components/ui/page";
import { PageHeading } from "@/components/ui/page-heading";
import { activityHrefForActor } from "@/lib/console/activity-filters";
import { permissionsOf } from "@/lib/schemas/access";
import { requirePageAccess } from "@/lib/server/auth/guard";
import { isId } from "@/lib/server/compliance/ids";
import { isRfc3339 } from "@/lib/server/compliance/query-params";

export const metadata: Metadata = { title: "Custodian" };
export const dynamic = "force-dynamic";

const timeParam = (value: string | string[] | undefined) => (typeof value === "string" && isRfc3339(value) ? value : undefined);

export default async function CustodianPage({
  params,
  searchParams,
}: {
  params: Promise<{ userId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { userId } = await params;
  const actor = await requirePageAccess("content.read", `/custodians/${encodeURIComponent(userId)}`);
  if (!isId("user", userId)) notFound();
  const search = await searchParams;
  const from = timeParam(search.from);
  const before = timeParam(search.before);
  return (
    <Page>
      <PageHeading
        title={`Custodian ${userId}`}
        description="Their claude.ai chats, their Cowork and Claude Code sessions on their machines, and their Cowork sessions in the cloud, newest first."
      />
      <form method="get" className="mt-6 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <DateTimeField name="from" label="Created from" defaultValue={from} />
        <DateTimeField name="before" label="Created before" defaultValue={before} />
        <Button type="submit" variant="primary">
          Show
        </Button>
      </form>
      {permissionsOf(actor.roles).has("activity.read") && (
        <>
          <ActivityChart
            key={`chart-${from ?? ""}-${before ?? ""}`}
            filters={{ actors: userId, from, before }}
            grouping="custodian"
            title="What they did, from the Activity Feed"
          />
          <p className="mt-2 text-xs">
            <Link href={activityHrefForActor(userId)} className="underline">
              Every activity of theirs in the feed
            </Link>
          </p>
        </>
      )}
      <CustodianTimelineTable key={`${from ?? ""}-${before ?? ""}`} userId={userId} from={from} before={before} />
      <ApiLimitsNote />
    </Page>
  );
}
