import { AuditListSearchParams } from "@/lib/schemas/audit-search";
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { auditActorOf } from "@/lib/server/auth/session-store";
import { getDb } from "@/lib/server/db";
import { defineRoute, givenParams } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One page of the audit log, newest first. Reading the log is itself recorded. */
export const GET = defineRoute({ permission: "audit.read", query: AuditListSearchParams }, async ({ actor, query, metadata }) => {
  const db = getDb();
  await recordAuditEvent(db, { actor: auditActorOf(actor), action: "audit.view", params: givenParams(query), outcome: "success", ...metadata });
  return Response.json(await listAuditEvents(db, query));
});
