import "server-only";
import type { Permission } from "@/lib/schemas/access";
import { ListExportReceipt, type ExportableList } from "@/lib/schemas/list-exports";
import { defineRoute } from "@/lib/server/http/route";
import { recordListExport } from "./record-list-export";

/** The route of one list's export (POST /api/exports/<list>), under the list's own permission. */
export function listExportRoute(list: ExportableList, permission: Permission) {
  return defineRoute({ permission, body: ListExportReceipt }, async ({ actor, body, metadata }) => {
    await recordListExport(actor, list, body, metadata);
    return new Response(null, { status: 204 });
  });
}
