import "server-only";
import type { AuditAction } from "@/lib/server/audit/audit-actions";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { auditActorOf, type Actor } from "@/lib/server/auth/session-store";
import { getComplianceClient } from "@/lib/server/compliance";
import { knownApiBudget } from "@/lib/server/compliance/transport";
import { getDb } from "@/lib/server/db";
import type { RequestMetadata } from "@/lib/server/http/request-metadata";
import { API_BUDGET_HEADERS } from "@/lib/schemas/api-budget";

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
export async function respondAudited<T>(request: ReadRequest, event: ReadEvent, read: ConsoleRead<T>): Promise<Response> {
  await recordRead(request, event, read);
  return Response.json(read.dto, { headers: apiBudgetHeaders() });
}

type ReadRequest = { actor: Actor; metadata: RequestMetadata };

/**
 * The audit row of a read, for answers that are not a JSON DTO (a preview, a download); like
 * respondAudited, callers write it before sending any content.
 */
export async function recordRead(
  { actor, metadata }: ReadRequest,
  event: ReadEvent & { outcome?: "success" | "failure" },
  read: Pick<ConsoleRead<unknown>, "upstreamRequestIds" | "organizationId">,
): Promise<void> {
  await recordAuditEvent(getDb(), {
    actor: auditActorOf(actor),
    outcome: "success",
    ...event,
    organizationId: read.organizationId ?? null,
    upstreamRequestId: joinRequestIds(read.upstreamRequestIds),
    ...metadata,
  });
}

/**
 * The organisation's Compliance API budget as the last upstream answer reported it, so pages can warn
 * before it runs out (it is shared by every tool using the API, not Docket's alone).
 */
function apiBudgetHeaders(): HeadersInit {
  const budget = knownApiBudget(getComplianceClient().rateLimit);
  if (!budget) return {};
  return {
    [API_BUDGET_HEADERS.remaining]: String(budget.remaining),
    [API_BUDGET_HEADERS.limit]: String(budget.limit),
    ...(budget.resetsAt ? { [API_BUDGET_HEADERS.resetsAt]: budget.resetsAt } : {}),
  };
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
