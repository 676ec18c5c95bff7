import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { auditActorOf } from "@/lib/server/auth/session-store";
import { getComplianceClient } from "@/lib/server/compliance";
import { activityFeedQuery } from "@/lib/server/console/list-activities";
import { ActivityExportRequest } from "@/lib/server/console/request-schemas";
import { getDb } from "@/lib/server/db";
import { ACTIVITY_EXPORT_CONTENT_TYPES, exportActivities } from "@/lib/server/exports/activity-export";
import { defineRoute, givenParams } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The filtered feed as CSV or JSON Lines, streamed; the download is recorded before the first byte. */
export const GET = defineRoute({ permission: "activity.read", query: ActivityExportRequest }, async ({ actor, query, metadata }) => {
  // Checked before the audit row, so a refused filter is a clear 400 and not a recorded export.
  activityFeedQuery(query);
  await recordAuditEvent(getDb(), {
    actor: auditActorOf(actor),
    action: "activity.export",
    target: { type: "list", id: "activities" },
    params: givenParams(query),
    outcome: "success",
    ...metadata,
  });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return new Response(exportActivities(getComplianceClient(), query), {
    headers: {
      "content-type": ACTIVITY_EXPORT_CONTENT_TYPES[query.format],
      "content-disposition": `attachment; filename="docket-activity-${stamp}.${query.format}"`,
      "x-content-type-options": "nosniff",
    },
  });
});
