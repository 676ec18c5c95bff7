import { NoQuery } from "@/lib/server/artifacts/request-schemas";
import { getCodeArtifact } from "@/lib/server/console/code-artifacts";
import { respondAudited } from "@/lib/server/console/console-read";
import { CodeArtifactPath } from "@/lib/server/console/request-schemas";
import { getComplianceClient } from "@/lib/server/compliance";
import { defineRoute } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One code artifact with its retained versions (the API reads none by id: Docket finds it in the listing). */
export const GET = defineRoute({ permission: "content.read", params: CodeArtifactPath, query: NoQuery }, async (input) =>
  respondAudited(
    input,
    { action: "code_artifact.view", target: { type: "code_artifact", id: input.params.artifactId }, params: {} },
    await getCodeArtifact(getComplianceClient(), input.params.artifactId),
  ),
);
