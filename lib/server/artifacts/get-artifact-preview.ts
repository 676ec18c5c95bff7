import "server-only";
import { artifactKindOf, hasLivePreview, PREVIEW_MEDIA_TYPES } from "@/lib/artifacts/artifact-kind";
import { DISPLAY_LIMIT_BYTES, type IntegrityCheck } from "@/lib/schemas/artifacts";
import type { CallOptions, ComplianceClient } from "@/lib/server/compliance/client";
import { readArtifactContent } from "./get-artifact-version";

export type ArtifactPreview = {
  artifactId: string;
  upstreamRequestIds: string[];
} & (
  | { kind: "ready"; body: Buffer; mediaType: string; integrity: IntegrityCheck }
  | { kind: "refused"; reason: "not_previewable" | "too_large" | "integrity"; message: string; integrity: IntegrityCheck | null }
);

/**
 * The exact bytes of an HTML or SVG artifact version, for the sandboxed live preview. Refused for
 * other kinds, for content over the display limit (a cut page would not be the artifact), and for
 * content whose MD5 does not match: Docket does not run what it cannot vouch for.
 */
export async function getArtifactPreview(client: ComplianceClient, versionId: string, options?: CallOptions): Promise<ArtifactPreview> {
  const metadata = await client.artifacts.get(versionId, options);
  const kind = artifactKindOf(metadata.data.artifact_type);
  const artifactId = metadata.data.id;
  if (!hasLivePreview(kind)) {
    return {
      kind: "refused",
      reason: "not_previewable",
      message: "Docket previews HTML and SVG artifacts only.",
      integrity: null,
      artifactId,
      upstreamRequestIds: metadata.requestId ? [metadata.requestId] : [],
    };
  }
  const { content, integrity, upstreamRequestIds } = await readArtifactContent(client, metadata, DISPLAY_LIMIT_BYTES, options);
  if (!content.complete || content.readBytes > DISPLAY_LIMIT_BYTES) {
    return {
      kind: "refused",
      reason: "too_large",
      message: "This artifact is larger than 2 MiB: it is not previewed, because part of it would not be the artifact.",
      integrity,
      artifactId,
      upstreamRequestIds,
    };
  }
  if (integrity.outcome === "mismatch") {
    return {
      kind: "refused",
      reason: "integrity",
      message: "The content Docket received does not match its MD5, so it is not run.",
      integrity,
      artifactId,
      upstreamRequestIds,
    };
  }
  return { kind: "ready", body: content.head, mediaType: PREVIEW_MEDIA_TYPES[kind], integrity, artifactId, upstreamRequestIds };
}
