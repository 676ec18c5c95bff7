import { getComplianceClient } from "@/lib/server/compliance";
import { ChatPath } from "@/lib/server/console/request-schemas";
import { getServerEnv } from "@/lib/server/env";
import { ChatExportQuery } from "@/lib/server/exports/request-schemas";
import { respondWithChatExport } from "@/lib/server/exports/respond-with-chat-export";
import { recordToAppDatabase } from "@/lib/server/files/audit-recorder";
import { defineRoute } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The chat as a Markdown transcript or the API's own JSON, every page merged; audited with the SHA-256 of what was sent. */
export const GET = defineRoute({ permission: "content.export", params: ChatPath, query: ChatExportQuery }, async (input) =>
  respondWithChatExport(getComplianceClient(), recordToAppDatabase, {
    ...input,
    signal: input.request.signal,
    chatId: input.params.chatId,
    format: input.query.format,
    includeMetadata: input.query.metadata,
    evidenceDir: getServerEnv().DOCKET_EVIDENCE_DIR,
  }),
);
