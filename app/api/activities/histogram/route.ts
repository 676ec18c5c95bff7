import { activityHistogram } from "@/lib/server/console/activity-histogram";
import { respondAudited } from "@/lib/server/console/console-read";
import { ActivityHistogramRequest } from "@/lib/server/console/request-schemas";
import { getComplianceClient } from "@/lib/server/compliance";
import { defineRoute, givenParams } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The filtered feed counted per period and family (or, for a custodian, per kind of activity). */
export const GET = defineRoute({ permission: "activity.read", query: ActivityHistogramRequest }, async (input) =>
  respondAudited(
    input,
    { action: "activity.list", params: { view: "chart", ...givenParams(input.query) } },
    await activityHistogram(getComplianceClient(), input.query),
  ),
);
