import "server-only";
import type { IdKind } from "./ids";
import { activityTypes, cursor, ids, integer, oneOf, organizationIds, text, timeRange, type QueryParam } from "./query-params";

/**
 * Every Compliance API endpoint Docket may call, as documented (Aug-2026 reference). The URL builder
 * accepts nothing else: a path is a template of fixed segments and typed ids, a query is an allow-list.
 */
export interface Endpoint<P extends Record<string, IdKind>, Q extends Record<string, QueryParam<never>>> {
  readonly method: "GET" | "DELETE";
  /** Path segments; `{name}` is replaced by the validated id of that name. */
  readonly path: readonly string[];
  readonly params: P;
  readonly query: Q;
}

function endpoint<const P extends Record<string, IdKind>, const Q extends Record<string, QueryParam<never>>>(
  method: "GET" | "DELETE",
  path: string,
  params: P,
  query: Q,
): Endpoint<P, Q> {
  return { method, path: path.split("/").filter(Boolean), params, query };
}

const pageQuery = (defaultMax: number) => ({ limit: integer("limit", 1, defaultMax), page: cursor("page") });
const none = {} as const;

export const ENDPOINTS = {
  listActivities: endpoint("GET", "/v1/compliance/activities", none, {
    activityTypes: activityTypes("activity_types[]"),
    excludeActivityTypes: activityTypes("exclude_activity_types[]"),
    actorIds: ids("actor_ids[]", "user", 500),
    userIds: ids("user_ids[]", "user", 500),
    organizationIds: organizationIds("organization_ids[]", 500),
    createdAt: timeRange("created_at"),
    afterId: cursor("after_id"),
    beforeId: cursor("before_id"),
    limit: integer("limit", 1, 5000),
    order: oneOf("order", ["asc", "desc"]),
  }),
  listOrganizations: endpoint("GET", "/v1/compliance/organizations", none, pageQuery(1000)),
  listOrganizationUsers: endpoint("GET", "/v1/compliance/organizations/{orgUuid}/users", { orgUuid: "organization" }, pageQuery(1000)),
  listRoles: endpoint("GET", "/v1/compliance/organizations/{orgUuid}/roles", { orgUuid: "organization" }, pageQuery(1000)),
  getRole: endpoint("GET", "/v1/compliance/organizations/{orgUuid}/roles/{roleId}", { orgUuid: "organization", roleId: "role" }, none),
  listRolePermissions: endpoint(
    "GET",
    "/v1/compliance/organizations/{orgUuid}/roles/{roleId}/permissions",
    { orgUuid: "organization", roleId: "role" },
    pageQuery(1000),
  ),
  getOrganizationSettings: endpoint("GET", "/v1/compliance/organizations/{orgUuid}/settings", { orgUuid: "organization" }, none),
  listGroups: endpoint("GET", "/v1/compliance/groups", none, { ...pageQuery(1000), namePrefix: text("name_prefix", 200) }),
  getGroup: endpoint("GET", "/v1/compliance/groups/{groupId}", { groupId: "group" }, none),
  listGroupMembers: endpoint("GET", "/v1/compliance/groups/{groupId}/members", { groupId: "group" }, pageQuery(1000)),
  listChats: endpoint("GET", "/v1/compliance/apps/chats", none, {
    userIds: ids("user_ids[]", "user", 10),
    organizationIds: organizationIds("organization_ids[]", 500),
    projectIds: ids("project_ids[]", "project", 100),
    orderBy: oneOf("order_by", ["created_at", "updated_at"]),
    createdAt: timeRange("created_at"),
    updatedAt: timeRange("updated_at"),
    afterId: cursor("after_id"),
    beforeId: cursor("before_id"),
    limit: integer("limit", 1, 1000),
  }),
  deleteChat: endpoint("DELETE", "/v1/compliance/apps/chats/{chatId}", { chatId: "chat" }, none),
  listChatMessages: endpoint(
    "GET",
    "/v1/compliance/apps/chats/{chatId}/messages",
    { chatId: "chat" },
    {
      afterId: cursor("after_id"),
      beforeId: cursor("before_id"),
      limit: integer("limit", 1, 1000),
      order: oneOf("order", ["asc", "desc"]),
      createdAt: timeRange("created_at"),
      updatedAt: timeRange("updated_at"),
      toolResultMaxChars: integer("tool_result_max_chars", 1, 100_000_000, [-1]),
      toolUseInputMaxChars: integer("tool_use_input_max_chars", 1, 100_000_000, [-1]),
    },
  ),
  getFile: endpoint("GET", "/v1/compliance/apps/chats/files/{fileId}", { fileId: "file" }, none),
  downloadFile: endpoint("GET", "/v1/compliance/apps/chats/files/{fileId}/content", { fileId: "file" }, none),
  deleteFile: endpoint("DELETE", "/v1/compliance/apps/chats/files/{fileId}", { fileId: "file" }, none),
  getGeneratedFile: endpoint("GET", "/v1/compliance/apps/chats/generated-files/{generatedFileId}", { generatedFileId: "generatedFile" }, none),
  downloadGeneratedFile: endpoint("GET", "/v1/compliance/apps/chats/generated-files/{generatedFileId}/content", { generatedFileId: "generatedFile" }, none),
  getArtifact: endpoint("GET", "/v1/compliance/apps/artifacts/{versionId}", { versionId: "artifactVersion" }, none),
  downloadArtifact: endpoint("GET", "/v1/compliance/apps/artifacts/{versionId}/content", { versionId: "artifactVersion" }, none),
  listCodeArtifacts: endpoint("GET", "/v1/compliance/apps/code/artifacts", none, {
    organizationIds: organizationIds("organization_ids[]", 500),
    userIds: ids("user_ids[]", "user", 200),
    updatedAt: timeRange("updated_at"),
    ...pageQuery(100),
  }),
  downloadCodeArtifactVersion: endpoint(
    "GET",
    "/v1/compliance/apps/code/artifacts/{artifactId}/versions/{versionId}",
    { artifactId: "codeArtifact", versionId: "codeArtifactVersion" },
    none,
  ),
  deleteCodeArtifact: endpoint("DELETE", "/v1/compliance/apps/code/artifacts/{artifactId}", { artifactId: "codeArtifact" }, none),
  listProjects: endpoint("GET", "/v1/compliance/apps/projects", none, {
    organizationIds: organizationIds("organization_ids[]", 500),
    userIds: ids("user_ids[]", "user", 500),
    createdAt: timeRange("created_at"),
    updatedAt: timeRange("updated_at"),
    ...pageQuery(100),
  }),
  getProject: endpoint("GET", "/v1/compliance/apps/projects/{projectId}", { projectId: "project" }, none),
  deleteProject: endpoint("DELETE", "/v1/compliance/apps/projects/{projectId}", { projectId: "project" }, none),
  listProjectAttachments: endpoint("GET", "/v1/compliance/apps/projects/{projectId}/attachments", { projectId: "project" }, pageQuery(100)),
  listProjectCollaborators: endpoint("GET", "/v1/compliance/apps/projects/{projectId}/collaborators", { projectId: "project" }, pageQuery(100)),
  getProjectDocument: endpoint("GET", "/v1/compliance/apps/projects/documents/{documentId}", { documentId: "projectDocument" }, none),
  getProjectDocumentMetadata: endpoint("GET", "/v1/compliance/apps/projects/documents/{documentId}/metadata", { documentId: "projectDocument" }, none),
  deleteProjectDocument: endpoint("DELETE", "/v1/compliance/apps/projects/documents/{documentId}", { documentId: "projectDocument" }, none),
  listLocalSessions: endpoint("GET", "/v1/compliance/apps/sessions/local", none, {
    createdAt: timeRange("created_at", ["gte", "lt"]),
    ...pageQuery(500),
  }),
  getLocalSession: endpoint("GET", "/v1/compliance/apps/sessions/local/{sessionId}", { sessionId: "localSession" }, none),
  listLocalSessionMessages: endpoint(
    "GET",
    "/v1/compliance/apps/sessions/local/{sessionId}/messages",
    { sessionId: "localSession" },
    {
      order: oneOf("order", ["asc", "desc"]),
      toolResultMaxBytes: integer("tool_result_max_bytes", 1, 1_048_576, [-1]),
      toolUseInputMaxBytes: integer("tool_use_input_max_bytes", 1, 1_048_576, [-1]),
      ...pageQuery(1000),
    },
  ),
  listRemoteSessions: endpoint("GET", "/v1/compliance/apps/sessions/remote", none, {
    organizationIds: organizationIds("organization_ids[]", 500),
    userIds: ids("user_ids[]", "user", 10),
    createdAt: timeRange("created_at"),
    ...pageQuery(500),
  }),
  listRemoteSessionMessages: endpoint(
    "GET",
    "/v1/compliance/apps/sessions/remote/{sessionId}/messages",
    { sessionId: "remoteSession" },
    {
      order: oneOf("order", ["asc", "desc"]),
      toolResultMaxBytes: integer("tool_result_max_bytes", 1, 1_048_576, [-1]),
      toolUseInputMaxBytes: integer("tool_use_input_max_bytes", 1, 1_048_576, [-1]),
      ...pageQuery(1000),
    },
  ),
} as const;
