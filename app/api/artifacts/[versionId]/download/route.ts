import { ArtifactVersionPath, NoQuery } from "@/lib/server/artifacts/request-schemas";
import { getComplianceClient } from "@/lib/server/compliance";
import { recordToAppDatabase } from "@/lib/server/files/audit-recorder";
import { respondWithDownload } from "@/lib/server/files/respond-with-download";
import { defineRoute } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The artifact version's text as an attachment, streamed and MD5-checked like a file download (audited before the first byte and when it ends). */
export const GET = defineRoute({ permission: "content.read", params: ArtifactVersionPath, query: NoQuery }, async (input) =>
  respondWithDownload(getComplianceClient(), recordToAppDatabase, {
    ...input,
    signal: input.request.signal,
    target: { kind: "artifact_version", id: input.params.versionId },
  }),
);
