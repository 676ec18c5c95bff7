import "server-only";
import type { ChatMessage, MessageNotice } from "@/lib/schemas/console";
import type { SessionKind, SessionTranscriptPage } from "@/lib/schemas/sessions";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import type { LocalSessionMessage, RemoteSessionMessage } from "@/lib/server/compliance/schemas/sessions";
import type { ConsoleRead } from "./console-read";
import { toMessageBlock, UNTRUNCATED } from "./get-chat-messages";
import { toLocalSessionSummary, toRemoteSessionSummary } from "./list-sessions";
import type { SessionMessagesRequest } from "./request-schemas";

const DEFAULT_LIMIT = 100;

/**
 * One page of a session's transcript, oldest first. The transcript's own envelope leaves the owner's
 * email out, so the first page of a local session also reads the session itself; a remote session has
 * no such endpoint, and its header says the email is not given.
 */
export async function getSessionTranscript(
  client: ComplianceClient,
  kind: SessionKind,
  sessionId: string,
  request: SessionMessagesRequest,
): Promise<ConsoleRead<SessionTranscriptPage>> {
  const full = request.untruncated === "1" ? UNTRUNCATED : undefined;
  const query = { page: request.page, limit: request.limit ?? DEFAULT_LIMIT, order: "asc" as const, toolResultMaxBytes: full, toolUseInputMaxBytes: full };
  if (kind === "local") {
    const [transcript, session] = await Promise.all([
      client.sessions.listLocalMessages(sessionId, query),
      request.page === undefined ? client.sessions.getLocal(sessionId) : null,
    ]);
    const rawMessages = rawList(transcript.raw);
    return {
      dto: {
        session: toLocalSessionSummary(session?.data ?? transcript.data.session),
        messages: transcript.data.data.map((message, index) => toLocalTranscriptMessage(message, rawMessages[index])),
        nextPage: transcript.data.next_page,
      },
      upstreamRequestIds: [transcript.requestId, session?.requestId].filter((id): id is string => typeof id === "string"),
      organizationId: transcript.data.session.organization_uuid,
    };
  }
  const transcript = await client.sessions.listRemoteMessages(sessionId, query);
  const rawMessages = rawList(transcript.raw);
  return {
    dto: {
      session: toRemoteSessionSummary(transcript.data.session),
      messages: transcript.data.data.map((message, index) => toRemoteTranscriptMessage(message, rawMessages[index])),
      nextPage: transcript.data.next_page,
    },
    upstreamRequestIds: transcript.requestId ? [transcript.requestId] : [],
    organizationId: transcript.data.session.organization_uuid,
  };
}

/** The `data` array of a transcript page as the API sent it. */
function rawList(raw: unknown): unknown[] {
  const data = typeof raw === "object" && raw !== null ? (raw as { data?: unknown }).data : undefined;
  return Array.isArray(data) ? data : [];
}

function transcriptMessage(message: LocalSessionMessage | RemoteSessionMessage, raw: unknown, notice: MessageNotice | undefined): ChatMessage {
  return {
    id: message.id,
    role: message.role,
    createdAt: message.created_at,
    blocks: message.content.map(toMessageBlock),
    files: [],
    generatedFiles: [],
    artifacts: [],
    ...(notice ? { notice } : {}),
    rawJson: JSON.stringify(raw ?? null, null, 2),
  };
}

export function toLocalTranscriptMessage(message: LocalSessionMessage, raw: unknown): ChatMessage {
  const provenance = message.provenance;
  return transcriptMessage(message, raw, provenance ? { kind: provenance.type, reason: provenance.reason } : undefined);
}

export function toRemoteTranscriptMessage(message: RemoteSessionMessage, raw: unknown): ChatMessage {
  return {
    ...transcriptMessage(message, raw, message.content_unavailable ? { kind: "content_unavailable", reason: null } : undefined),
    sentByUserId: message.sent_by_user_id,
  };
}
