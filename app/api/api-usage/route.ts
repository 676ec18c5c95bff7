import { apiUsageReport } from "@/lib/server/api-usage/api-usage-report";
import { ApiUsageRequest, reportPeriod } from "@/lib/server/api-usage/request-schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { auditActorOf } from "@/lib/server/auth/session-store";
import { getDb } from "@/lib/server/db";
import { defineRoute, givenParams } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Docket's recorded Compliance API calls reconciled with the feed, over a period (the last week by default). */
export const GET = defineRoute({ permission: "audit.read", query: ApiUsageRequest }, async ({ actor, query, metadata }) => {
  const period = reportPeriod(query);
  const db = getDb();
  await recordAuditEvent(db, { actor: auditActorOf(actor), action: "api_usage.view", params: givenParams(query), outcome: "success", ...metadata });
  return Response.json(await apiUsageReport(db, period));
});
