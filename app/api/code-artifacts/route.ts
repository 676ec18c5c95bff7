import { listCodeArtifacts } from "@/lib/server/console/code-artifacts";
import { respondAudited } from "@/lib/server/console/console-read";
import { CodeArtifactListRequest } from "@/lib/server/console/request-schemas";
import { getComplianceClient } from "@/lib/server/compliance";
import { defineRoute, givenParams } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One page of Claude Code artifacts (published apps) with their versions. */
export const GET = defineRoute({ permission: "content.read", query: CodeArtifactListRequest }, async (input) =>
  respondAudited(input, { action: "code_artifact.list", params: givenParams(input.query) }, await listCodeArtifacts(getComplianceClient(), input.query)),
);
