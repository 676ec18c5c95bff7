import { respondAudited } from "@/lib/server/console/console-read";
import { getCustodianTimeline } from "@/lib/server/console/custodian-timeline";
import { CustodianTimelineRequest, UserPath } from "@/lib/server/console/request-schemas";
import { getComplianceClient } from "@/lib/server/compliance";
import { defineRoute, givenParams } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A custodian's chats and sessions together, newest first. */
export const GET = defineRoute({ permission: "content.read", params: UserPath, query: CustodianTimelineRequest }, async (input) =>
  respondAudited(
    input,
    { action: "custodian.view", target: { type: "user", id: input.params.userId }, params: givenParams(input.query) },
    await getCustodianTimeline(getComplianceClient(), input.params.userId, input.query),
  ),
);
