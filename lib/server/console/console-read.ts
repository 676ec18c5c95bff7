import "server-only";
import type { AuditAction } from "@/lib/server/audit/audit-actions";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { auditActorOf, type Actor } from "@/lib/server/auth/session-store";
import { getDb } from "@/lib/server/db";
import type { RequestMetadata } from "@/lib/server/http/request-metadata";

/** What a console verb returns: the DTO and what its audit row needs to know about the upstream calls. */
export interface ConsoleRead<T> {
  dto: T;
  /** Every upstream request-id of the view, in order. */
  upstreamRequestIds: string[];
  /** The organisation the data belongs to, when the response tells. */
  organizationId?: string | null;
}

export interface ReadEvent {
  action: AuditAction;
  target?: { type: string; id: string };
  /** Filters and paging only, never content; without undefined values (givenParams). */
  params: Record<string, unknown>;
}

const MAX_REQUEST_ID_TEXT = 1024;

/**
 * Writes the read's audit row, then answers with the DTO. The row comes first so that data whose
 * read could not be recorded is never shown (an AuditWriteError becomes a 503).
 */
export async function respondAudited<T>(
  { actor, metadata }: { actor: Actor; metadata: RequestMetadata },
  event: ReadEvent,
  read: ConsoleRead<T>,
): Promise<Response> {
  await recordAuditEvent(getDb(), {
    actor: auditActorOf(actor),
    ...event,
    organizationId: read.organizationId ?? null,
    upstreamRequestId: joinRequestIds(read.upstreamRequestIds),
    outcome: "success",
    ...metadata,
  });
  return Response.json(read.dto);
}

/** A view may take many upstream requests; the audit column holds as many of their ids as fit. */
export function joinRequestIds(ids: readonly string[]): string | null {
  let joined = "";
  for (const id of ids) {
    const next = joined ? `${joined} ${id}` : id;
    if (next.length > MAX_REQUEST_ID_TEXT) break;
    joined = next;
  }
  return joined || null;
}
