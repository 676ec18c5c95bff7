import { integrityAuditParams } from "@/lib/server/artifacts/content-integrity";
import { NoQuery } from "@/lib/server/artifacts/request-schemas";
import { readCodeArtifactVersion } from "@/lib/server/console/code-artifacts";
import { respondAudited } from "@/lib/server/console/console-read";
import { CodeArtifactVersionPath } from "@/lib/server/console/request-schemas";
import { getComplianceClient } from "@/lib/server/compliance";
import { defineRoute } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One version of a Claude Code artifact, as text with its MD5 checked. */
export const GET = defineRoute({ permission: "content.read", params: CodeArtifactVersionPath, query: NoQuery }, async (input) => {
  const { artifactId, versionId } = input.params;
  const read = await readCodeArtifactVersion(getComplianceClient(), artifactId, versionId, { signal: input.request.signal });
  return respondAudited(
    input,
    { action: "code_artifact.view", target: { type: "code_artifact", id: artifactId }, params: { versionId, ...integrityAuditParams(read.dto.integrity) } },
    read,
  );
});
