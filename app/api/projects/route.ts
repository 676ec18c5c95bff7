import { respondAudited } from "@/lib/server/console/console-read";
import { listProjects } from "@/lib/server/console/list-projects";
import { ProjectListRequest } from "@/lib/server/console/request-schemas";
import { getComplianceClient } from "@/lib/server/compliance";
import { defineRoute, givenParams } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One page of projects, filtered by organisation or owner. */
export const GET = defineRoute({ permission: "content.read", query: ProjectListRequest }, async (input) =>
  respondAudited(input, { action: "project.list", params: givenParams(input.query) }, await listProjects(getComplianceClient(), input.query)),
);
