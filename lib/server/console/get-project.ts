import "server-only";
import type { ProjectAttachment, ProjectDetail } from "@/lib/schemas/console";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { isId } from "@/lib/server/compliance/ids";
import { walkTokenPages } from "@/lib/server/compliance/pagination";
import type { ProjectAttachment as UpstreamAttachment } from "@/lib/server/compliance/schemas/projects";
import type { ConsoleRead } from "./console-read";
import { toProjectSummary } from "./list-projects";
import { requestIdCollector } from "./to-dto";

const PAGE_SIZE = 100;

/** A project's details with all its attachments and collaborators (every page of each). */
export async function getProject(client: ComplianceClient, projectId: string): Promise<ConsoleRead<ProjectDetail>> {
  const requestIds = requestIdCollector();
  const read = await client.projects.get(projectId);
  const project = requestIds.keep(read);
  const attachments: ProjectAttachment[] = [];
  for await (const page of walkTokenPages((page) => client.projects.listAttachments(projectId, { page, limit: PAGE_SIZE }).then(requestIds.keep))) {
    attachments.push(...page.data.map(toAttachment));
  }
  const collaborators: ProjectDetail["collaborators"] = [];
  for await (const page of walkTokenPages((page) => client.projects.listCollaborators(projectId, { page, limit: PAGE_SIZE }).then(requestIds.keep))) {
    collaborators.push(
      ...page.data.map((collaborator) => ({
        type: collaborator.type,
        role: collaborator.role,
        grantedAt: collaborator.granted_at,
        userId: collaborator.user_id,
        groupId: collaborator.group_id,
        organizationUuid: collaborator.organization_uuid,
        organizationRole: collaborator.organization_role,
      })),
    );
  }
  return {
    dto: {
      project: {
        ...toProjectSummary(project),
        description: project.description,
        instructions: project.instructions,
        chatsCount: project.chats_count,
        attachmentsCount: project.attachments_count,
      },
      attachments,
      collaborators,
      projectJson: JSON.stringify(read.raw),
    },
    upstreamRequestIds: requestIds.ids,
    organizationId: project.organization_uuid,
  };
}

/**
 * Project files and project documents are opened by different endpoints, so the kind is decided by
 * the type and confirmed by the id's own format; anything else is shown as an unknown attachment.
 */
function toAttachment(attachment: UpstreamAttachment): ProjectAttachment {
  const kind =
    attachment.type === "project_file" && isId("file", attachment.id)
      ? "project_file"
      : attachment.type === "project_doc" && isId("projectDocument", attachment.id)
        ? "project_document"
        : "unknown";
  return {
    kind,
    originalType: attachment.type,
    id: attachment.id,
    filename: attachment.filename,
    mimeType: attachment.mime_type,
    md5: stringOrNull(attachment.md5),
    sizeBytes: typeof attachment.size_bytes === "number" ? attachment.size_bytes : null,
    createdAt: attachment.created_at,
    updatedAt: stringOrNull(attachment.updated_at),
  };
}

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}
