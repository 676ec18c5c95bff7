import { respondAudited } from "@/lib/server/console/console-read";
import { getProject } from "@/lib/server/console/get-project";
import { ProjectPath } from "@/lib/server/console/request-schemas";
import { getComplianceClient } from "@/lib/server/compliance";
import { defineRoute } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A project with its attachments and collaborators. */
export const GET = defineRoute({ permission: "content.read", params: ProjectPath }, async (input) =>
  respondAudited(
    input,
    { action: "project.view", target: { type: "project", id: input.params.projectId }, params: {} },
    await getProject(getComplianceClient(), input.params.projectId),
  ),
);
