import { respondAudited } from "@/lib/server/console/console-read";
import { getRolePermissions } from "@/lib/server/console/directory";
import { DirectoryPageRequest, RolePath } from "@/lib/server/console/request-schemas";
import { getComplianceClient } from "@/lib/server/compliance";
import { defineRoute, givenParams } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A role and the permissions it grants. */
export const GET = defineRoute({ permission: "content.read", params: RolePath, query: DirectoryPageRequest }, async (input) =>
  respondAudited(
    input,
    { action: "directory.view", target: { type: "role", id: input.params.roleId }, params: givenParams(input.query) },
    await getRolePermissions(getComplianceClient(), input.params.orgUuid, input.params.roleId, input.query.page),
  ),
);
