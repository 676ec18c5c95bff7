import { respondAudited } from "@/lib/server/console/console-read";
import { listActivities } from "@/lib/server/console/list-activities";
import { ActivityFeedRequest } from "@/lib/server/console/request-schemas";
import { getComplianceClient } from "@/lib/server/compliance";
import { defineRoute, givenParams } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One page of the organisation's Activity Feed, newest first, filtered as the API allows. */
export const GET = defineRoute({ permission: "activity.read", query: ActivityFeedRequest }, async (input) =>
  respondAudited(input, { action: "activity.list", params: givenParams(input.query) }, await listActivities(getComplianceClient(), input.query)),
);
