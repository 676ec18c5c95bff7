import { exportApiUsageFindings } from "@/lib/server/api-usage/api-usage-export";
import { ApiUsageExportRequest, reportPeriod } from "@/lib/server/api-usage/request-schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { auditActorOf } from "@/lib/server/auth/session-store";
import { getDb } from "@/lib/server/db";
import { defineRoute, givenParams } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The period's findings as CSV, streamed; the export is recorded before the first byte. */
export const GET = defineRoute({ permission: "audit.export", query: ApiUsageExportRequest }, async ({ actor, query, metadata }) => {
  const period = reportPeriod(query);
  const db = getDb();
  await recordAuditEvent(db, { actor: auditActorOf(actor), action: "api_usage.export", params: givenParams(query), outcome: "success", ...metadata });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return new Response(exportApiUsageFindings(db, period), {
    headers: {
      "content-type": "text/csv; charset=utf-8; header=present",
      "content-disposition": `attachment; filename="docket-api-usage-${stamp}.csv"`,
      "x-content-type-options": "nosniff",
    },
  });
});
