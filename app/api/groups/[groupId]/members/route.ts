import { respondAudited } from "@/lib/server/console/console-read";
import { getGroupMembers } from "@/lib/server/console/directory";
import { DirectoryPageRequest, GroupPath } from "@/lib/server/console/request-schemas";
import { getComplianceClient } from "@/lib/server/compliance";
import { defineRoute, givenParams } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A group and its members. */
export const GET = defineRoute({ permission: "content.read", params: GroupPath, query: DirectoryPageRequest }, async (input) =>
  respondAudited(
    input,
    { action: "directory.view", target: { type: "group", id: input.params.groupId }, params: givenParams(input.query) },
    await getGroupMembers(getComplianceClient(), input.params.groupId, input.query.page),
  ),
);
