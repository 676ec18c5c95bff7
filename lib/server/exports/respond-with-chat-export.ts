import "server-only";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import type { AuditRecorder } from "@/lib/server/files/audit-recorder";
import { writeChatExport } from "./chat-export";
import { respondWithTranscriptExport, type TranscriptExportRequest } from "./respond-with-transcript-export";

export interface ChatExportRequest extends TranscriptExportRequest {
  chatId: string;
}

/** A chat as a Markdown transcript or as the API's own JSON, audited as `chat.export`. */
export function respondWithChatExport(client: ComplianceClient, record: AuditRecorder, request: ChatExportRequest): Promise<Response> {
  const { chatId, format, includeMetadata, signal } = request;
  return respondWithTranscriptExport(record, request, {
    action: "chat.export",
    target: { type: "chat", id: chatId },
    fileStem: chatId,
    async write(sink, provenance) {
      const summary = await writeChatExport(client, chatId, [{ format, sink }], { includeMetadata, provenance }, signal);
      return { ...summary, organizationId: summary.chat.organizationUuid };
    },
  });
}
