import { AuditExportSearchParams } from "@/lib/schemas/audit-search";
import { AUDIT_EXPORT_CONTENT_TYPES, exportAuditEvents } from "@/lib/server/audit/export-audit-events";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { auditActorOf } from "@/lib/server/auth/session-store";
import { getDb } from "@/lib/server/db";
import { defineRoute, givenParams } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The filtered log as CSV or JSON Lines, streamed; the export is recorded before the first byte. */
export const GET = defineRoute({ permission: "audit.export", query: AuditExportSearchParams }, async ({ actor, query, metadata }) => {
  const { format, ...filter } = query;
  const db = getDb();
  await recordAuditEvent(db, {
    actor: auditActorOf(actor),
    action: "audit.export",
    params: givenParams({ format, ...filter }),
    outcome: "success",
    ...metadata,
  });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return new Response(exportAuditEvents(db, filter, format), {
    headers: {
      "content-type": AUDIT_EXPORT_CONTENT_TYPES[format],
      "content-disposition": `attachment; filename="docket-audit-${stamp}.${format}"`,
      "x-content-type-options": "nosniff",
    },
  });
});
