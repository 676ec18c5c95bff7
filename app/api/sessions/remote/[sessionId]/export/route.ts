import { getComplianceClient } from "@/lib/server/compliance";
import { RemoteSessionPath } from "@/lib/server/console/request-schemas";
import { getServerEnv } from "@/lib/server/env";
import { ChatExportQuery } from "@/lib/server/exports/request-schemas";
import { respondWithSessionExport } from "@/lib/server/exports/respond-with-session-export";
import { recordToAppDatabase } from "@/lib/server/files/audit-recorder";
import { defineRoute } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The remote session's whole transcript as Markdown or the API's own JSON; audited with the SHA-256 of what was sent. */
export const GET = defineRoute({ permission: "content.export", params: RemoteSessionPath, query: ChatExportQuery }, async (input) =>
  respondWithSessionExport(getComplianceClient(), recordToAppDatabase, {
    ...input,
    signal: input.request.signal,
    kind: "remote",
    sessionId: input.params.sessionId,
    format: input.query.format,
    includeMetadata: input.query.metadata,
    evidenceDir: getServerEnv().DOCKET_EVIDENCE_DIR,
  }),
);
