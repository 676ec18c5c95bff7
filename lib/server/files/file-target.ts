import "server-only";
import type { FileKind } from "@/lib/schemas/files";
import type { AuditAction } from "@/lib/server/audit/audit-actions";
import type { CallOptions, ComplianceClient } from "@/lib/server/compliance/client";
import type { Download } from "@/lib/server/compliance/download";
import type { FileSummary } from "@/lib/server/compliance/schemas/files";

/** An uploaded file or a generated file: both are read, previewed and downloaded the same way. */
export interface FileTarget {
  kind: FileKind;
  id: string;
}

/** The metadata both kinds share, with what differs between them already reconciled. */
export interface FileMetadataView {
  filename: string | null;
  mimeType: string | null;
  sizeBytes: number | null;
  createdAt: string | null;
  /** Lowercase hex, as the API records it at upload. */
  md5: string | null;
  chatIds: string[];
  messageIds: string[];
  /** False when the API holds no bytes to serve. */
  downloadable: boolean;
  requestId: string | null;
  /** The metadata exactly as the API sent it, unknown fields included. */
  rawJson: string;
}

export const AUDIT_ACTIONS_BY_KIND: Record<FileKind, { view: AuditAction; download: AuditAction }> = {
  file: { view: "file.view", download: "file.download" },
  generated_file: { view: "generated_file.view", download: "generated_file.download" },
};

export function auditTargetOf(target: { kind: string; id: string }): { type: string; id: string } {
  return { type: target.kind, id: target.id };
}

function sharedFields({ data, raw, requestId }: { data: FileSummary; raw: unknown; requestId: string | null }) {
  return {
    filename: data.filename,
    mimeType: data.mime_type,
    sizeBytes: data.size_bytes,
    createdAt: data.created_at,
    md5: data.md5,
    requestId,
    rawJson: JSON.stringify(raw),
  };
}

export async function readFileMetadata(client: ComplianceClient, target: FileTarget, options?: CallOptions): Promise<FileMetadataView> {
  if (target.kind === "file") {
    const read = await client.files.get(target.id, options);
    const { data } = read;
    return {
      ...sharedFields(read),
      chatIds: data.claude_chat_ids,
      messageIds: data.message_ids,
      // The API documents a null MIME type for files with no downloadable content.
      downloadable: data.mime_type !== null,
    };
  }
  const read = await client.generatedFiles.get(target.id, options);
  const { data } = read;
  return {
    ...sharedFields(read),
    chatIds: data.claude_chat_id === null ? [] : [data.claude_chat_id],
    messageIds: [],
    // A generated file's size is null once it has expired, and its bytes are gone with it.
    downloadable: data.size_bytes !== null,
  };
}

export function openFileDownload(client: ComplianceClient, target: FileTarget, options?: CallOptions): Promise<Download> {
  return target.kind === "file" ? client.files.download(target.id, options) : client.generatedFiles.download(target.id, options);
}

/** What a download is saved as when the API gives no usable name. */
export function fallbackDownloadName(target: { id: string }): string {
  return `${target.id}.bin`;
}

/** Content-MD5 (base64 of 16 bytes, RFC 1864) as lowercase hex; null when absent or malformed. */
export function contentMd5ToHex(contentMd5: string | null): string | null {
  const value = contentMd5?.trim() ?? "";
  return /^[A-Za-z0-9+/]{22}==$/.test(value) ? Buffer.from(value, "base64").toString("hex") : null;
}

/**
 * Closes a download's upstream request without reading it. Destroying an unread undici body emits
 * an AbortError that nobody else listens for, which would end the process, so it is expected here.
 */
export function closeDownload(download: Download): void {
  download.body.once("error", () => undefined);
  download.body.destroy();
}
