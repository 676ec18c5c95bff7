import "server-only";
import { auditActorOf, type Actor } from "@/lib/server/auth/session-store";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { AppError } from "@/lib/server/http/errors";
import type { RequestMetadata } from "@/lib/server/http/request-metadata";
import type { AuditRecorder } from "./audit-recorder";
import { attachmentDisposition } from "./content-disposition";
import { AUDIT_ACTIONS_BY_KIND, auditTargetOf, fallbackDownloadName, openFileDownload, type FileTarget } from "./file-target";
import { IMAGE_PREVIEW_MAX_BYTES, sniffImageType } from "./preview-kind";
import { readHead } from "./read-head";
import { inertContentHeaders } from "./respond-with-download";

/**
 * A raster image for the file view's <img>, served from Docket's origin with a content type chosen
 * from the bytes themselves (never the upstream's), so only a PNG, JPEG, GIF or WebP is ever served
 * as one; anything else, an SVG included, is refused.
 */
export async function respondWithImage(
  client: ComplianceClient,
  record: AuditRecorder,
  request: { actor: Actor; metadata: RequestMetadata; signal: AbortSignal; target: FileTarget },
): Promise<Response> {
  const { target } = request;
  const download = await openFileDownload(client, target, { signal: request.signal });
  const { head, complete } = await readHead(download.body, IMAGE_PREVIEW_MAX_BYTES);
  if (!complete) throw new AppError("invalid_request", "The image is too large to preview. Download it to see it.");
  const type = sniffImageType(head);
  if (!type)
    throw new AppError(
      "invalid_request",
      "The file's bytes are not a PNG, JPEG, GIF or WebP image, whatever its recorded type, so Docket does not display it.",
    );
  await record({
    actor: auditActorOf(request.actor),
    action: AUDIT_ACTIONS_BY_KIND[target.kind].view,
    target: auditTargetOf(target),
    params: { part: "image", bytes: head.length },
    outcome: "success",
    upstreamRequestId: download.requestId,
    ...request.metadata,
  });
  const headers = inertContentHeaders(type, attachmentDisposition(download.filename, fallbackDownloadName(target)));
  headers.set("content-length", String(head.length));
  return new Response(new Uint8Array(head), { status: 200, headers });
}
