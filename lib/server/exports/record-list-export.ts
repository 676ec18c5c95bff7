import "server-only";
import type { ExportableList, ListExportReceipt } from "@/lib/schemas/list-exports";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { auditActorOf, type Actor } from "@/lib/server/auth/session-store";
import { getDb } from "@/lib/server/db";
import type { RequestMetadata } from "@/lib/server/http/request-metadata";

/**
 * Records that a reviewer is saving a list as loaded, before the browser saves it (fail closed: no
 * row, no file). The file never passes through the server: the row holds its size and SHA-256.
 */
export async function recordListExport(actor: Actor, list: ExportableList, receipt: ListExportReceipt, metadata: RequestMetadata): Promise<void> {
  await recordAuditEvent(getDb(), {
    actor: auditActorOf(actor),
    action: "list.export",
    target: { type: "list", id: list },
    params: { rows: receipt.rows, bytes: receipt.bytes, sha256: receipt.sha256, view: receipt.view },
    outcome: "success",
    ...metadata,
  });
}
