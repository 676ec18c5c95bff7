import { respondAudited } from "@/lib/server/console/console-read";
import { listProjectChats } from "@/lib/server/console/list-project-chats";
import { ProjectChatsRequest, ProjectPath } from "@/lib/server/console/request-schemas";
import { getComplianceClient } from "@/lib/server/compliance";
import { defineRoute, givenParams } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One page of the chats held in a project, looked up through its organisation's members. */
export const GET = defineRoute({ permission: "content.read", params: ProjectPath, query: ProjectChatsRequest }, async (input) =>
  respondAudited(
    input,
    { action: "chat.list", target: { type: "project", id: input.params.projectId }, params: givenParams(input.query) },
    await listProjectChats(getComplianceClient(), input.params.projectId, input.query),
  ),
);
