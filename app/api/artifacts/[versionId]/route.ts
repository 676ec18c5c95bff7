import { integrityAuditParams } from "@/lib/server/artifacts/content-integrity";
import { getArtifactVersion } from "@/lib/server/artifacts/get-artifact-version";
import { ArtifactVersionPath, NoQuery } from "@/lib/server/artifacts/request-schemas";
import { getComplianceClient } from "@/lib/server/compliance";
import { respondAudited } from "@/lib/server/console/console-read";
import { defineRoute } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** An artifact version's facts, its text (cut at 2 MiB) and the MD5 check of the bytes received. */
export const GET = defineRoute({ permission: "content.read", params: ArtifactVersionPath, query: NoQuery }, async (input) => {
  const read = await getArtifactVersion(getComplianceClient(), input.params.versionId, { signal: input.request.signal });
  const { artifact, content, integrity } = read.dto;
  return respondAudited(
    input,
    {
      action: "artifact.view",
      target: { type: "artifact_version", id: artifact.versionId },
      params: { artifactId: artifact.id, chatId: artifact.chatId, cut: content.cut, ...integrityAuditParams(integrity) },
    },
    read,
  );
});
