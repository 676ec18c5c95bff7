import { respondAudited } from "@/lib/server/console/console-read";
import { listOrganizations } from "@/lib/server/console/list-organizations";
import { getComplianceClient } from "@/lib/server/compliance";
import { defineRoute } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The organisations Docket's key can read, for the organisation switcher. */
export const GET = defineRoute({ permission: "content.read" }, async (input) =>
  respondAudited(input, { action: "organization.list", params: {} }, await listOrganizations(getComplianceClient())),
);
