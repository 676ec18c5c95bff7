import { respondAudited } from "@/lib/server/console/console-read";
import { listCustodians } from "@/lib/server/console/list-custodians";
import { CustodianListRequest, OrganizationPath } from "@/lib/server/console/request-schemas";
import { getComplianceClient } from "@/lib/server/compliance";
import { defineRoute, givenParams } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One page of an organisation's users (the custodians a reviewer selects). */
export const GET = defineRoute({ permission: "content.read", params: OrganizationPath, query: CustodianListRequest }, async (input) =>
  respondAudited(
    input,
    { action: "user.list", target: { type: "organization", id: input.params.orgUuid }, params: givenParams(input.query) },
    await listCustodians(getComplianceClient(), input.params.orgUuid, input.query),
  ),
);
