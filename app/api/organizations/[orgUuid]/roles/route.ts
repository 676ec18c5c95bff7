import { respondAudited } from "@/lib/server/console/console-read";
import { listRoles } from "@/lib/server/console/directory";
import { DirectoryPageRequest, OrganizationPath } from "@/lib/server/console/request-schemas";
import { getComplianceClient } from "@/lib/server/compliance";
import { defineRoute, givenParams } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The organisation's roles (RBAC). */
export const GET = defineRoute({ permission: "content.read", params: OrganizationPath, query: DirectoryPageRequest }, async (input) =>
  respondAudited(
    input,
    { action: "directory.view", target: { type: "organization_roles", id: input.params.orgUuid }, params: givenParams(input.query) },
    await listRoles(getComplianceClient(), input.params.orgUuid, input.query.page),
  ),
);
