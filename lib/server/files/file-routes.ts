import "server-only";
import { respondAudited } from "@/lib/server/console/console-read";
import { getComplianceClient } from "@/lib/server/compliance";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/http/errors";
import { defineRoute } from "@/lib/server/http/route";
import { recordToAppDatabase } from "./audit-recorder";
import { checkIntegrity } from "./check-integrity";
import { AUDIT_ACTIONS_BY_KIND, auditTargetOf } from "./file-target";
import { findDownloadReceipt } from "./find-download-receipt";
import { getFileDetail } from "./get-file-detail";
import { readTextPreview } from "./read-text-preview";
import { DownloadQuery, NoQuery, type FilePaths } from "./request-schemas";
import { respondWithDownload } from "./respond-with-download";
import { respondWithImage } from "./respond-with-image";

/**
 * The route handlers of one kind of file (uploaded or generated): the two kinds are read, previewed,
 * checked and downloaded alike, so each app/api route file exports one of these.
 */
export function defineFileRoutes(paths: FilePaths) {
  const content = "content.read" as const;
  return {
    /** The file's metadata. */
    detail: defineRoute({ permission: content, params: paths.path, query: NoQuery }, async (input) => {
      const { target } = input.params;
      return respondAudited(
        input,
        { action: AUDIT_ACTIONS_BY_KIND[target.kind].view, target: auditTargetOf(target), params: { part: "metadata" } },
        await getFileDetail(getComplianceClient(), target),
      );
    }),
    /** Every byte read and hashed on the server, and compared with the MD5s on record. */
    integrity: defineRoute({ permission: content, params: paths.path, query: NoQuery }, async (input) => {
      const { target } = input.params;
      const read = await checkIntegrity(getComplianceClient(), target, input.request.signal);
      const { verdict, findings, bytes, actualMd5 } = read.dto;
      return respondAudited(
        input,
        { action: AUDIT_ACTIONS_BY_KIND[target.kind].view, target: auditTargetOf(target), params: { part: "integrity", verdict, findings, bytes, actualMd5 } },
        read,
      );
    }),
    /** The start of a text file, as text. */
    preview: defineRoute({ permission: content, params: paths.path, query: NoQuery }, async (input) => {
      const { target } = input.params;
      const read = await readTextPreview(getComplianceClient(), target, input.request.signal);
      return respondAudited(
        input,
        { action: AUDIT_ACTIONS_BY_KIND[target.kind].view, target: auditTargetOf(target), params: { part: "text_preview", bytesRead: read.dto.bytesRead } },
        read,
      );
    }),
    /** A raster image for the preview, with a type taken from its bytes. */
    image: defineRoute({ permission: content, params: paths.path, query: NoQuery }, async (input) =>
      respondWithImage(getComplianceClient(), recordToAppDatabase, { ...input, signal: input.request.signal, target: input.params.target }),
    ),
    /** The file as an attachment, streamed and checked against its MD5 on the way. */
    download: defineRoute({ permission: content, params: paths.path, query: DownloadQuery }, async (input) => {
      const { target } = input.params;
      const { receipt } = input.query;
      // Browsers retry a broken-off download by themselves, and a mismatch would only happen again.
      if (receipt && (await findDownloadReceipt(getDb(), input.actor, target, receipt)).state === "mismatch") {
        throw new AppError("invalid_request", "This download already stopped on an MD5 mismatch. Start a new download from the file's page.");
      }
      return respondWithDownload(getComplianceClient(), recordToAppDatabase, { ...input, signal: input.request.signal, target, receipt });
    }),
    /** How one of the reviewer's downloads ended, as the audit log recorded it. */
    receipt: defineRoute({ permission: content, params: paths.receiptPath, query: NoQuery }, async ({ actor, params }) =>
      Response.json(await findDownloadReceipt(getDb(), actor, params.target, params.receiptId)),
    ),
  };
}
