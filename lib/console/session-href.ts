import type { SessionKind } from "@/lib/schemas/sessions";

/** The link that opens a session's transcript, at one of its messages when given. */
export function sessionHref(kind: SessionKind, sessionId: string, messageId?: string): string {
  const path = `/sessions/${kind}/${encodeURIComponent(sessionId)}`;
  return messageId ? `${path}?message=${encodeURIComponent(messageId)}` : path;
}
