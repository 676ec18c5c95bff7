import "server-only";
import { createHash } from "node:crypto";
import { DISPLAY_LIMIT_BYTES, type ProjectDocumentView } from "@/lib/schemas/artifacts";
import type { CallOptions, ComplianceClient } from "@/lib/server/compliance/client";
import type { ConsoleRead } from "@/lib/server/console/console-read";
import { toUserRef } from "@/lib/server/console/to-dto";
import { checkIntegrity } from "./content-integrity";
import { toDisplayedText } from "./displayed-text";

/**
 * A project document's content and metadata. The API serves the content as a JSON string and its md5
 * over the string's UTF-8 bytes, so that is what Docket hashes.
 */
export async function getProjectDocument(client: ComplianceClient, documentId: string, options?: CallOptions): Promise<ConsoleRead<ProjectDocumentView>> {
  const metadata = await client.projectDocuments.getMetadata(documentId, options);
  const document = await client.projectDocuments.get(documentId, options);
  const bytes = Buffer.from(document.data.content, "utf8");
  return {
    dto: {
      document: {
        id: document.data.id,
        projectId: metadata.data.claude_project_id,
        filename: document.data.filename ?? metadata.data.filename,
        mimeType: metadata.data.mime_type,
        createdAt: document.data.created_at ?? metadata.data.created_at,
        createdBy: toUserRef(document.data.user ?? metadata.data.user),
      },
      content: toDisplayedText(bytes.subarray(0, DISPLAY_LIMIT_BYTES), bytes.length),
      integrity: checkIntegrity(
        { md5: createHash("md5").update(bytes).digest(), receivedBytes: bytes.length },
        { metadataMd5: metadata.data.md5, contentMd5Header: null, declaredBytes: metadata.data.size_bytes },
      ),
    },
    upstreamRequestIds: [metadata.requestId, document.requestId].filter((id): id is string => id !== null),
  };
}
