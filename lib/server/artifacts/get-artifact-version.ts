import "server-only";
import { DISPLAY_LIMIT_BYTES, type ArtifactVersionView } from "@/lib/schemas/artifacts";
import type { CallOptions, ComplianceClient, Result } from "@/lib/server/compliance/client";
import type { ArtifactMetadata } from "@/lib/server/compliance/schemas/files";
import type { ConsoleRead } from "@/lib/server/console/console-read";
import { checkIntegrity } from "./content-integrity";
import { toDisplayedText } from "./displayed-text";
import { readDownload, type ReadContent } from "./read-download";

export interface ArtifactContent {
  metadata: ArtifactMetadata;
  content: ReadContent;
  integrity: ArtifactVersionView["integrity"];
  upstreamRequestIds: string[];
}

/**
 * An artifact version's content, with the MD5 of the bytes received compared against the metadata's
 * md5 and the content's Content-MD5. Keeps the first `keepBytes` of the content.
 */
export async function readArtifactContent(
  client: ComplianceClient,
  metadata: Result<ArtifactMetadata>,
  keepBytes: number,
  options?: CallOptions,
): Promise<ArtifactContent> {
  const download = await client.artifacts.download(metadata.data.version_id, options);
  const content = await readDownload(download, keepBytes);
  return {
    metadata: metadata.data,
    content,
    integrity: checkIntegrity(
      { md5: content.md5, receivedBytes: content.readBytes },
      { metadataMd5: metadata.data.md5, contentMd5Header: download.contentMd5, declaredBytes: metadata.data.size_bytes },
    ),
    upstreamRequestIds: [metadata.requestId, download.requestId].filter((id): id is string => id !== null),
  };
}

/** An artifact version as the view shows it: its facts, its text (cut at 2 MiB) and its MD5 check. */
export async function getArtifactVersion(client: ComplianceClient, versionId: string, options?: CallOptions): Promise<ConsoleRead<ArtifactVersionView>> {
  const { metadata, content, integrity, upstreamRequestIds } = await readArtifactContent(
    client,
    await client.artifacts.get(versionId, options),
    DISPLAY_LIMIT_BYTES,
    options,
  );
  return {
    dto: {
      artifact: {
        id: metadata.id,
        versionId: metadata.version_id,
        chatId: metadata.claude_chat_id,
        createdAt: metadata.created_at,
        artifactType: metadata.artifact_type,
        title: metadata.title,
      },
      content: toDisplayedText(content.head, content.complete ? content.readBytes : null),
      integrity,
    },
    upstreamRequestIds,
  };
}
