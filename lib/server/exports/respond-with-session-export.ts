import "server-only";
import type { SessionKind } from "@/lib/schemas/sessions";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import type { AuditRecorder } from "@/lib/server/files/audit-recorder";
import { respondWithTranscriptExport, type TranscriptExportRequest } from "./respond-with-transcript-export";
import { writeSessionExport } from "./session-export";

export interface SessionExportRequest extends TranscriptExportRequest {
  kind: SessionKind;
  sessionId: string;
}

/** A session's transcript as Markdown or as the API's own JSON, audited as `session_transcript.export`. */
export function respondWithSessionExport(client: ComplianceClient, record: AuditRecorder, request: SessionExportRequest): Promise<Response> {
  const { kind, sessionId, format, includeMetadata, signal } = request;
  return respondWithTranscriptExport(record, request, {
    action: "session_transcript.export",
    target: { type: `${kind}_session`, id: sessionId },
    fileStem: sessionId,
    async write(sink, provenance) {
      const summary = await writeSessionExport(client, kind, sessionId, [{ format, sink }], { includeMetadata, provenance }, signal);
      return { ...summary, organizationId: summary.session.organizationUuid };
    },
  });
}
