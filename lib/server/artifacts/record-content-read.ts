import "server-only";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { auditActorOf, type Actor } from "@/lib/server/auth/session-store";
import { joinRequestIds, type ReadEvent } from "@/lib/server/console/console-read";
import { getDb } from "@/lib/server/db";
import type { RequestMetadata } from "@/lib/server/http/request-metadata";

/**
 * The audit row of a read whose answer is not a JSON DTO (the live preview). Like respondAudited, the
 * caller writes it before answering, so content whose read was not recorded is never served.
 */
export async function recordContentRead(
  { actor, metadata }: { actor: Actor; metadata: RequestMetadata },
  event: ReadEvent & { outcome: "success" | "failure" },
  upstreamRequestIds: readonly string[],
): Promise<void> {
  await recordAuditEvent(getDb(), {
    actor: auditActorOf(actor),
    ...event,
    organizationId: null,
    upstreamRequestId: joinRequestIds(upstreamRequestIds),
    ...metadata,
  });
}
