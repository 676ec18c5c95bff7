import "server-only";
import type { SessionListPage, SessionSummary } from "@/lib/schemas/sessions";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import type { LocalSession, RemoteSession } from "@/lib/server/compliance/schemas/sessions";
import type { ConsoleRead } from "./console-read";
import type { LocalSessionListRequest, RemoteSessionListRequest } from "./request-schemas";
import { createdWindow } from "./time-window";
import { toUserRef } from "./to-dto";

const DEFAULT_LIMIT = 50;

/** Sessions on people's machines (Cowork, Claude Code), newest first: the API filters them by time only. */
export async function listLocalSessions(client: ComplianceClient, request: LocalSessionListRequest): Promise<ConsoleRead<SessionListPage>> {
  const { data, requestId } = await client.sessions.listLocal({
    createdAt: createdWindow(request),
    page: request.page,
    limit: request.limit ?? DEFAULT_LIMIT,
  });
  return { dto: { sessions: data.data.map(toLocalSessionSummary), nextPage: data.next_page }, upstreamRequestIds: requestId ? [requestId] : [] };
}

/** Sessions in Anthropic's cloud (Cowork started on the web or mobile), newest first. */
export async function listRemoteSessions(client: ComplianceClient, request: RemoteSessionListRequest): Promise<ConsoleRead<SessionListPage>> {
  const { data, requestId } = await client.sessions.listRemote({
    organizationIds: request.orgIds,
    userIds: request.userIds,
    createdAt: createdWindow(request),
    page: request.page,
    limit: request.limit ?? DEFAULT_LIMIT,
  });
  return { dto: { sessions: data.data.map(toRemoteSessionSummary), nextPage: data.next_page }, upstreamRequestIds: requestId ? [requestId] : [] };
}

export function toLocalSessionSummary(session: LocalSession): SessionSummary {
  return {
    kind: "local",
    id: session.id,
    organizationUuid: session.organization_uuid,
    workspaceId: session.workspace_id,
    user: toUserRef(session.user),
    agentId: null,
    startedBy: null,
    productSurface: session.product_surface,
    status: null,
    createdAt: session.created_at,
    updatedAt: null,
    projectId: null,
  };
}

export function toRemoteSessionSummary(session: RemoteSession): SessionSummary {
  return {
    kind: "remote",
    id: session.id,
    organizationUuid: session.organization_uuid,
    workspaceId: null,
    user: toUserRef(session.user),
    agentId: session.agent_id,
    startedBy: toUserRef(session.started_by_user),
    productSurface: session.product_surface,
    status: session.status,
    createdAt: session.created_at,
    updatedAt: session.updated_at,
    projectId: session.claude_project_id,
  };
}
