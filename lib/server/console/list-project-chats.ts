import "server-only";
import type { ProjectChatPage } from "@/lib/schemas/console";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { MAX_USERS_PER_CHAT_QUERY } from "@/lib/server/compliance/merge-chat-listings";
import { walkTokenPages } from "@/lib/server/compliance/pagination";
import type { ConsoleRead } from "./console-read";
import { listChats } from "./list-chats";
import type { ProjectChatsRequest } from "./request-schemas";
import { requestIdCollector } from "./to-dto";

/**
 * Above this many members, one page of a project's chats would cost more than twenty listing requests
 * of the organisation's shared per-minute budget, so only the creator and user collaborators are asked.
 */
export const MAX_PROJECT_CHAT_MEMBERS = 20 * MAX_USERS_PER_CHAT_QUERY;
const USER_PAGE_SIZE = 1000;
const COLLABORATOR_PAGE_SIZE = 100;

/**
 * One page of the chats held in a project. The API filters chats by project only together with user
 * ids, so the project's organisation members are listed first and their chats asked for in batches.
 * Chats of people who have left the organisation carry no user and cannot be found this way.
 */
export async function listProjectChats(client: ComplianceClient, projectId: string, request: ProjectChatsRequest): Promise<ConsoleRead<ProjectChatPage>> {
  const requestIds = requestIdCollector();
  const project = requestIds.keep(await client.projects.get(projectId));
  const members = project.organization_uuid === null ? null : await organizationMembers(client, project.organization_uuid, requestIds.keep);
  const scope = members === null ? "owner_and_collaborators" : "organization";
  const userIds = members ?? (await ownerAndCollaborators(client, projectId, project.user?.id ?? null, requestIds.keep));
  const coverage = { scope, userCount: userIds.length } as const;
  if (userIds.length === 0) {
    return {
      dto: { chats: [], firstCursor: null, lastCursor: null, hasMore: false, coverage },
      upstreamRequestIds: requestIds.ids,
      organizationId: project.organization_uuid,
    };
  }
  const page = await listChats(client, { userIds, projectIds: [projectId], after: request.after, limit: request.limit });
  return {
    dto: { ...page.dto, coverage },
    upstreamRequestIds: [...requestIds.ids, ...page.upstreamRequestIds],
    organizationId: project.organization_uuid,
  };
}

type Keep = <T>(result: { data: T; requestId: string | null }) => T;

/** The organisation's user ids, or null once they exceed MAX_PROJECT_CHAT_MEMBERS (no need to read further). */
async function organizationMembers(client: ComplianceClient, orgUuid: string, keep: Keep): Promise<string[] | null> {
  const ids: string[] = [];
  for await (const page of walkTokenPages((page) => client.organizations.listUsers(orgUuid, { page, limit: USER_PAGE_SIZE }).then(keep))) {
    ids.push(...page.data.map((user) => user.id));
    if (ids.length > MAX_PROJECT_CHAT_MEMBERS) return null;
  }
  return ids;
}

async function ownerAndCollaborators(client: ComplianceClient, projectId: string, ownerId: string | null, keep: Keep): Promise<string[]> {
  const ids = new Set<string>(ownerId ? [ownerId] : []);
  for await (const page of walkTokenPages((page) => client.projects.listCollaborators(projectId, { page, limit: COLLABORATOR_PAGE_SIZE }).then(keep))) {
    for (const collaborator of page.data) if (collaborator.type === "user" && collaborator.user_id) ids.add(collaborator.user_id);
  }
  return [...ids];
}
