import "server-only";
import path from "node:path";
import type { AuditAction } from "@/lib/server/audit/audit-actions";
import type { AuditEventInput } from "@/lib/server/audit/record-audit-event";
import { auditActorOf, type Actor } from "@/lib/server/auth/session-store";
import { ComplianceApiError, ComplianceResponseError } from "@/lib/server/compliance/errors";
import { DOCKET_VERSION } from "@/lib/server/docket-version";
import type { AuditRecorder } from "@/lib/server/files/audit-recorder";
import { attachmentDisposition } from "@/lib/server/files/content-disposition";
import { inertContentHeaders } from "@/lib/server/files/respond-with-download";
import type { RequestMetadata } from "@/lib/server/http/request-metadata";
import type { TranscriptProvenance } from "@/lib/thread/markdown-transcript";
import type { ChatExportFormat, ExportSink } from "./chat-export";
import { removeSpooledFile, Spool, streamSpooledFile, type SpooledFile } from "./spool";

export interface TranscriptExportRequest {
  actor: Actor;
  metadata: RequestMetadata;
  /** Aborts when the browser goes away: reading stops and the spool is removed. */
  signal: AbortSignal;
  format: ChatExportFormat;
  includeMetadata: boolean;
  evidenceDir: string;
}

/** What one transcript export is: its audit action and target, its file name, and how it is written. */
export interface TranscriptExport {
  action: AuditAction;
  target: { type: string; id: string };
  /** The saved file's name without its extension (the object's id). */
  fileStem: string;
  write(
    sink: ExportSink,
    provenance: TranscriptProvenance,
  ): Promise<{ messages: number; pages: number; upstreamRequestIds: string[]; organizationId: string | null }>;
}

const FORMATS: Record<ChatExportFormat, { contentType: string; extension: string }> = {
  markdown: { contentType: "text/markdown; charset=utf-8", extension: "md" },
  json: { contentType: "application/json; charset=utf-8", extension: "json" },
};

/**
 * A transcript (a chat's or a session's) as Markdown or as the API's own JSON. The export is written
 * to a spool first, hashed as it is written, so its SHA-256 is known before the first byte leaves: it
 * goes into the `intent` row (written before anything is sent; if it cannot be written, nothing is)
 * and into the response's `X-Docket-SHA256` and `Repr-Digest` headers, which the reviewer can check
 * the saved file against. A second row records whether every byte went out.
 */
export async function respondWithTranscriptExport(record: AuditRecorder, request: TranscriptExportRequest, exported: TranscriptExport): Promise<Response> {
  const { format, includeMetadata } = request;
  const row = (
    outcome: AuditEventInput["outcome"],
    params: Record<string, unknown>,
    upstreamRequestId: string | null,
    organizationId?: string | null,
  ): AuditEventInput => ({
    actor: auditActorOf(request.actor),
    action: exported.action,
    target: exported.target,
    organizationId,
    params: { format, includeMetadata, ...params },
    outcome,
    upstreamRequestId,
    ...request.metadata,
  });

  const spool = await Spool.create(path.join(request.evidenceDir, "spool"));
  let spooled: SpooledFile;
  let summary: Awaited<ReturnType<TranscriptExport["write"]>>;
  try {
    const provenance = { exportedAt: new Date().toISOString(), exportedBy: request.actor.email ?? request.actor.subject, docketVersion: DOCKET_VERSION };
    summary = await exported.write(spool, provenance);
    spooled = await spool.finish();
  } catch (error) {
    await spool.discard();
    const upstreamRequestId = error instanceof ComplianceApiError || error instanceof ComplianceResponseError ? error.requestId : null;
    await record(row("failure", { sent: "nothing" }, upstreamRequestId)).catch((auditError: unknown) =>
      console.error(`[${request.metadata.requestId}] audit row for an export that failed before sending not written`, auditError),
    );
    throw error;
  }

  const lastRequestId = summary.upstreamRequestIds.at(-1) ?? null;
  const facts = { sha256: spooled.sha256, bytes: spooled.bytes, messages: summary.messages, pages: summary.pages };
  try {
    await record(row("intent", facts, lastRequestId, summary.organizationId));
  } catch (error) {
    await removeSpooledFile(spooled);
    throw error;
  }

  const body = streamSpooledFile(spooled, async ({ complete, bytesSent }) => {
    await record(row(complete ? "success" : "failure", { ...facts, bytesSent }, lastRequestId, summary.organizationId)).catch((error: unknown) =>
      console.error(`[${request.metadata.requestId}] audit outcome of an export not written; its intent row stands without one`, error),
    );
  });
  const { contentType, extension } = FORMATS[format];
  const headers = inertContentHeaders(contentType, attachmentDisposition(`${exported.fileStem}.${extension}`, `transcript.${extension}`));
  headers.set("content-length", String(spooled.bytes));
  headers.set("x-docket-sha256", spooled.sha256);
  headers.set("repr-digest", `sha-256=:${Buffer.from(spooled.sha256, "hex").toString("base64")}:`);
  headers.set("x-docket-message-count", String(summary.messages));
  if (lastRequestId) headers.set("x-upstream-request-id", lastRequestId);
  return new Response(body, { status: 200, headers });
}
