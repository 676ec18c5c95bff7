import "server-only";
import type { ProjectPage, ProjectSummary } from "@/lib/schemas/console";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import type { Project } from "@/lib/server/compliance/schemas/projects";
import type { ConsoleRead } from "./console-read";
import type { ProjectListRequest } from "./request-schemas";
import { timeRange, toUserRef } from "./to-dto";

/** One page of projects; the next page is asked for with `nextPage`. */
export async function listProjects(client: ComplianceClient, request: ProjectListRequest): Promise<ConsoleRead<ProjectPage>> {
  const { data, requestId } = await client.projects.list({
    page: request.page,
    limit: request.limit,
    organizationIds: request.orgIds,
    userIds: request.userIds,
    createdAt: timeRange(request.createdFrom, request.createdTo),
    updatedAt: timeRange(request.updatedFrom, request.updatedTo),
  });
  return {
    dto: { projects: data.data.map(toProjectSummary), nextPage: data.has_more ? data.next_page : null },
    upstreamRequestIds: requestId ? [requestId] : [],
  };
}

export function toProjectSummary(project: Project): ProjectSummary {
  return {
    id: project.id,
    name: project.name,
    deleted: project.deleted_at !== null,
    deletedAt: project.deleted_at,
    isPrivate: project.is_private,
    organizationUuid: project.organization_uuid,
    owner: toUserRef(project.user),
    createdAt: project.created_at,
    updatedAt: project.updated_at,
  };
}
