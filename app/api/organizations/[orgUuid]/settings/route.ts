import { docketWebKeyIds } from "@/lib/server/api-usage/api-usage-report";
import { getDb } from "@/lib/server/db";
import { respondAudited } from "@/lib/server/console/console-read";
import { getOrganizationSettings } from "@/lib/server/console/directory";
import { NoQuery, OrganizationPath } from "@/lib/server/console/request-schemas";
import { getComplianceClient } from "@/lib/server/compliance";
import { defineRoute } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The organisation's effective settings (retention among them) and its Compliance API keys. */
export const GET = defineRoute({ permission: "content.read", params: OrganizationPath, query: NoQuery }, async (input) =>
  respondAudited(
    input,
    { action: "directory.view", target: { type: "organization_settings", id: input.params.orgUuid }, params: {} },
    await getOrganizationSettings(getComplianceClient(), input.params.orgUuid, await docketWebKeyIds(getDb())),
  ),
);
