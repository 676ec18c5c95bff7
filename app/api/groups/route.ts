import { respondAudited } from "@/lib/server/console/console-read";
import { listGroups } from "@/lib/server/console/directory";
import { DirectoryPageRequest } from "@/lib/server/console/request-schemas";
import { getComplianceClient } from "@/lib/server/compliance";
import { defineRoute, givenParams } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The parent organisation's groups, with their roles and where their members come from. */
export const GET = defineRoute({ permission: "content.read", query: DirectoryPageRequest }, async (input) =>
  respondAudited(
    input,
    { action: "directory.view", target: { type: "groups", id: "all" }, params: givenParams(input.query) },
    await listGroups(getComplianceClient(), input.query.page),
  ),
);
