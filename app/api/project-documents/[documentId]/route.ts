import { integrityAuditParams } from "@/lib/server/artifacts/content-integrity";
import { getProjectDocument } from "@/lib/server/artifacts/get-project-document";
import { NoQuery, ProjectDocumentPath } from "@/lib/server/artifacts/request-schemas";
import { getComplianceClient } from "@/lib/server/compliance";
import { respondAudited } from "@/lib/server/console/console-read";
import { defineRoute } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A project document's text (cut at 2 MiB), its facts and the MD5 check of its content. */
export const GET = defineRoute({ permission: "content.read", params: ProjectDocumentPath, query: NoQuery }, async (input) => {
  const read = await getProjectDocument(getComplianceClient(), input.params.documentId, { signal: input.request.signal });
  const { document, content, integrity } = read.dto;
  return respondAudited(
    input,
    {
      action: "document.view",
      target: { type: "project_document", id: document.id },
      params: { projectId: document.projectId, cut: content.cut, ...integrityAuditParams(integrity) },
    },
    read,
  );
});
