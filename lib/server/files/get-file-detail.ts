import "server-only";
import type { FileDetail } from "@/lib/schemas/files";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import type { ConsoleRead } from "@/lib/server/console/console-read";
import { sanitizeFilename } from "./content-disposition";
import { fallbackDownloadName, readFileMetadata, type FileTarget } from "./file-target";
import { previewKindOf } from "./preview-kind";

/** Files up to this size are checked as the page opens; a larger one only on request, as the check reads every byte. */
export const AUTOMATIC_INTEGRITY_CHECK_MAX_BYTES = 64 * 1024 * 1024;

/** A file's metadata as the file view shows it. */
export async function getFileDetail(client: ComplianceClient, target: FileTarget): Promise<ConsoleRead<FileDetail>> {
  const metadata = await readFileMetadata(client, target);
  return {
    dto: {
      kind: target.kind,
      id: target.id,
      filename: metadata.filename,
      downloadName: sanitizeFilename(metadata.filename, fallbackDownloadName(target)),
      mimeType: metadata.mimeType,
      sizeBytes: metadata.sizeBytes,
      createdAt: metadata.createdAt,
      recordedMd5: metadata.md5,
      chatIds: metadata.chatIds,
      messageIds: metadata.messageIds,
      downloadable: metadata.downloadable,
      preview: metadata.downloadable ? previewKindOf(metadata.mimeType, metadata.sizeBytes) : "none",
      rawJson: metadata.rawJson,
      integrityCheck: metadata.sizeBytes !== null && metadata.sizeBytes <= AUTOMATIC_INTEGRITY_CHECK_MAX_BYTES ? "automatic" : "on_request",
    },
    upstreamRequestIds: metadata.requestId ? [metadata.requestId] : [],
  };
}
