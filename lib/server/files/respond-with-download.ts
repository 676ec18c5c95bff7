import "server-only";
import type { AuditAction } from "@/lib/server/audit/audit-actions";
import type { AuditEventInput } from "@/lib/server/audit/record-audit-event";
import { auditActorOf, type Actor } from "@/lib/server/auth/session-store";
import type { CallOptions, ComplianceClient } from "@/lib/server/compliance/client";
import type { Download } from "@/lib/server/compliance/download";
import { ComplianceApiError } from "@/lib/server/compliance/errors";
import type { RequestMetadata } from "@/lib/server/http/request-metadata";
import type { AuditRecorder } from "./audit-recorder";
import { attachmentDisposition } from "./content-disposition";
import { auditTargetOf, closeDownload, contentMd5ToHex, fallbackDownloadName, openFileDownload, type FileTarget } from "./file-target";
import { verifiedBody, type DownloadEnd } from "./verified-body";

/** What Docket hands over as an attachment: an uploaded or generated file, or an artifact version's text. */
export type DownloadTarget = FileTarget | { kind: "artifact_version"; id: string };

const DOWNLOAD_ACTIONS: Record<DownloadTarget["kind"], AuditAction> = {
  file: "file.download",
  generated_file: "generated_file.download",
  artifact_version: "artifact.download",
};

function openDownload(client: ComplianceClient, target: DownloadTarget, options: CallOptions): Promise<Download> {
  return target.kind === "artifact_version" ? client.artifacts.download(target.id, options) : openFileDownload(client, target, options);
}

export interface DownloadRequest {
  actor: Actor;
  metadata: RequestMetadata;
  /** Aborts when the browser goes away; the upstream request is closed with it. */
  signal: AbortSignal;
  target: DownloadTarget;
  /** Named by the file view before it starts the download, so it can ask how the download ended. */
  receipt?: string;
}

/**
 * Headers for bytes of unknown and possibly hostile content on Docket's origin: always an attachment of
 * an inert type, never sniffed, sandboxed should it be opened anyway, and not embeddable elsewhere.
 * Nothing is copied from upstream except Content-MD5 and Content-Length, which describe the bytes
 * exactly because they are passed on unchanged (the transport asks for no content-encoding).
 */
export function inertContentHeaders(contentType: string, contentDisposition: string): Headers {
  return new Headers({
    "content-type": contentType,
    "content-disposition": contentDisposition,
    "x-content-type-options": "nosniff",
    "content-security-policy": "sandbox; default-src 'none'; frame-ancestors 'none'",
    "cross-origin-resource-policy": "same-origin",
    "referrer-policy": "no-referrer",
  });
}

function downloadHeaders(download: Download, target: DownloadTarget): Headers {
  const headers = inertContentHeaders("application/octet-stream", attachmentDisposition(download.filename, fallbackDownloadName(target)));
  if (contentMd5ToHex(download.contentMd5) !== null) headers.set("content-md5", download.contentMd5!.trim());
  if (download.contentLength !== null) headers.set("content-length", String(download.contentLength));
  if (download.requestId) headers.set("x-upstream-request-id", download.requestId);
  return headers;
}

const SUCCESSFUL_ENDS: ReadonlySet<DownloadEnd["md5"]> = new Set(["matched", "not_provided"]);

/**
 * Streams a file or an artifact version to the browser as an attachment, audited in two rows. The first is written once the
 * upstream has answered and before any byte is sent (an `intent` with the MD5 the API announced); if
 * it cannot be written, the upstream request is closed and nothing is sent. The second records how the
 * download ended, which is known only after the last byte: whether the bytes matched their MD5, had
 * none to match, or were cut off. It is written before the response ends or breaks off, but by then
 * the bytes are out, so it cannot be a precondition: if it fails to write, the log is left with an
 * intent and no outcome, which reads as "outcome unknown".
 */
export async function respondWithDownload(client: ComplianceClient, record: AuditRecorder, request: DownloadRequest): Promise<Response> {
  const { target, receipt } = request;
  const row = (outcome: AuditEventInput["outcome"], params: Record<string, unknown>, upstreamRequestId: string | null): AuditEventInput => ({
    actor: auditActorOf(request.actor),
    action: DOWNLOAD_ACTIONS[target.kind],
    target: auditTargetOf(target),
    params: receipt === undefined ? params : { receipt, ...params },
    outcome,
    upstreamRequestId,
    ...request.metadata,
  });

  let download: Download;
  try {
    download = await openDownload(client, target, { signal: request.signal });
  } catch (error) {
    // Nothing was sent, but the attempt is evidence too, and it tells the file view why its download never began.
    await record(row("failure", { md5: "not_started" }, error instanceof ComplianceApiError ? error.requestId : null)).catch((auditError: unknown) =>
      console.error(`[${request.metadata.requestId}] audit row for a download that did not start not written`, auditError),
    );
    throw error;
  }

  try {
    await record(row("intent", { expectedMd5: contentMd5ToHex(download.contentMd5), contentLength: download.contentLength }, download.requestId));
  } catch (error) {
    closeDownload(download);
    throw error;
  }

  const body = verifiedBody(download, request.signal, async (end) => {
    if (end.md5 === "mismatched") console.warn(`[${request.metadata.requestId}] ${target.kind} ${target.id}: MD5 mismatch, download stopped`);
    await record(row(SUCCESSFUL_ENDS.has(end.md5) ? "success" : "failure", { ...end }, download.requestId)).catch((error: unknown) =>
      console.error(`[${request.metadata.requestId}] audit outcome of a download not written; its intent row stands without one`, error),
    );
  });
  return new Response(body, { status: 200, headers: downloadHeaders(download, target) });
}
