import { integrityAuditParams } from "@/lib/server/artifacts/content-integrity";
import { getArtifactPreview } from "@/lib/server/artifacts/get-artifact-preview";
import { toPreviewResponse } from "@/lib/server/artifacts/preview-response";
import { ArtifactVersionPath, NoQuery } from "@/lib/server/artifacts/request-schemas";
import { recordRead } from "@/lib/server/console/console-read";
import { getComplianceClient } from "@/lib/server/compliance";
import { defineRoute } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The HTML or SVG artifact itself, for the sandboxed live preview frame (see preview-response.ts). */
export const GET = defineRoute({ permission: "content.read", params: ArtifactVersionPath, query: NoQuery }, async (input) => {
  const preview = await getArtifactPreview(getComplianceClient(), input.params.versionId, { signal: input.request.signal });
  await recordRead(
    input,
    {
      action: "artifact.view",
      target: { type: "artifact_version", id: input.params.versionId },
      params: { artifactId: preview.artifactId, preview: preview.kind === "ready" ? "served" : preview.reason, ...integrityAuditParams(preview.integrity) },
      outcome: preview.kind === "ready" ? "success" : "failure",
    },
    { upstreamRequestIds: preview.upstreamRequestIds },
  );
  return toPreviewResponse(preview);
});
