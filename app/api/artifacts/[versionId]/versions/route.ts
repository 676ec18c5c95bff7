import { listArtifactVersions } from "@/lib/server/artifacts/list-artifact-versions";
import { ArtifactVersionPath, NoQuery } from "@/lib/server/artifacts/request-schemas";
import { getComplianceClient } from "@/lib/server/compliance";
import { respondAudited } from "@/lib/server/console/console-read";
import { defineRoute } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Every version of the artifact that this version belongs to, in its chat's order. */
export const GET = defineRoute({ permission: "content.read", params: ArtifactVersionPath, query: NoQuery }, async (input) => {
  const read = await listArtifactVersions(getComplianceClient(), input.params.versionId, { signal: input.request.signal });
  const { artifactId, chatId, versions, messagesRead, complete } = read.dto;
  return respondAudited(
    input,
    {
      action: "artifact.view",
      target: { type: "artifact", id: artifactId },
      params: { versionsOf: input.params.versionId, chatId, versionsFound: versions.length, messagesRead, complete },
    },
    read,
  );
});
