import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { auditActorOf } from "@/lib/server/auth/session-store";
import { getDb } from "@/lib/server/db";
import { getServerEnv } from "@/lib/server/env";
import { defineRoute } from "@/lib/server/http/route";
import { queueApiReconciliationFromApp } from "@/lib/server/jobs/api-reconciliation-queue";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Asks a worker to read the feed now rather than at its next round; a run already waiting absorbs it. */
export const POST = defineRoute({ permission: "audit.verify" }, async ({ actor, metadata }) => {
  await recordAuditEvent(getDb(), { actor: auditActorOf(actor), action: "api_usage.reconcile", params: {}, outcome: "success", ...metadata });
  await queueApiReconciliationFromApp(getServerEnv().DATABASE_URL);
  return new Response(null, { status: 202 });
});
