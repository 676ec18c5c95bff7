import "server-only";
import type { z } from "zod";
import type { Download } from "./download";
import { parseContentDispositionFilename } from "./download";
import { ENDPOINTS, type Endpoint } from "./endpoints";
import type { IdKind } from "./ids";
import { chunk, MAX_USERS_PER_CHAT_QUERY, mergeSortedChats } from "./merge-chat-listings";
import { itemsOf, walkCursorPages, walkTokenPages, type WalkOptions } from "./pagination";
import type { QueryInput, QueryParam } from "./query-params";
import { DEFAULT_RETRY_OPTIONS, type RetryOptions } from "./retry-policy";
import { Activity } from "./schemas/activities";
import { ChatPage, ChatWithMessages, type Chat } from "./schemas/chats";
import { cursorPage, DeleteConfirmation, tokenPage } from "./schemas/common";
import { ArtifactMetadata, FileMetadata, GeneratedFileMetadata } from "./schemas/files";
import { Group, GroupMember, Organization, OrganizationSettings, OrganizationUser, Role, RolePermission } from "./schemas/organizations";
import { Project, ProjectAttachment, ProjectCollaborator, ProjectDetails, ProjectDocument, ProjectDocumentMetadata } from "./schemas/projects";
import { CodeArtifact } from "./schemas/code-artifacts";
import { LocalSession, LocalSessionMessage, RemoteSession, RemoteSessionMessage, sessionMessagesPage } from "./schemas/sessions";
import { ComplianceTransport, DEFAULT_TIMEOUTS, type ApiCallLog, type RequestBudget, type Timeouts } from "./transport";
import { buildComplianceUrl, parseApiOrigin, type PathInput } from "./url-builder";

export interface ComplianceClientOptions {
  baseUrl: string;
  apiKey: string;
  retry?: Partial<RetryOptions>;
  timeouts?: Partial<Timeouts>;
  maxJsonBytes?: number;
  /** Tests make waits instant; production never sets these. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** The rate budget shared with Docket's other processes (lib/server/compliance/shared-budget.ts). */
  budget?: RequestBudget;
  /** Where every request sent is recorded (lib/server/api-usage/call-log.ts). */
  callLog?: ApiCallLog;
}

export interface CallOptions {
  signal?: AbortSignal;
}

/** Every read returns the upstream request-id with the data, for the audit log and for support. */
export interface Result<T> {
  data: T;
  /** The response as the API sent it, before parsing: every field, unknown ones included (lossless exports). */
  raw: unknown;
  requestId: string | null;
}

type Params<E> = E extends Endpoint<infer P, infer _Q> ? PathInput<P> : never;
type Query<E> = E extends Endpoint<infer _P, infer Q> ? QueryInput<Q> : never;
type Ep = Endpoint<Record<string, IdKind>, Record<string, QueryParam<never>>>;

export type ChatListQuery = Query<typeof ENDPOINTS.listChats>;
export type ChatMessagesQuery = Query<typeof ENDPOINTS.listChatMessages>;
export type ActivityQuery = Query<typeof ENDPOINTS.listActivities>;
export type ProjectListQuery = Query<typeof ENDPOINTS.listProjects>;
export type CodeArtifactListQuery = Query<typeof ENDPOINTS.listCodeArtifacts>;

/**
 * The typed Compliance API client: one function per endpoint, grouped by resource. It is the only
 * code in Docket that calls the API (through its transport, the only holder of the key).
 */
export function createComplianceClient(options: ComplianceClientOptions) {
  const origin = parseApiOrigin(options.baseUrl);
  const transport = new ComplianceTransport({
    origin,
    apiKey: options.apiKey,
    retry: { ...DEFAULT_RETRY_OPTIONS, ...options.retry },
    timeouts: { ...DEFAULT_TIMEOUTS, ...options.timeouts },
    maxJsonBytes: options.maxJsonBytes ?? 128 * 1024 * 1024,
    sleep: options.sleep,
    random: options.random,
    budget: options.budget,
    callLog: options.callLog,
  });

  async function call<E extends Ep, S extends z.ZodType>(
    endpoint: E,
    schema: S,
    params: Params<E>,
    query: Query<E> | undefined,
    { signal }: CallOptions = {},
  ): Promise<Result<z.output<S>>> {
    // Building the URL validates every id and parameter: a refused one never becomes a request.
    const url = buildComplianceUrl(origin, endpoint, params, query ?? {});
    return transport.requestJson(endpoint.method, url, schema, signal);
  }

  async function download<E extends Ep>(endpoint: E, params: Params<E>, { signal }: CallOptions = {}): Promise<Download> {
    const url = buildComplianceUrl(origin, endpoint, params, {});
    const response = await transport.openStream(url, signal);
    const length = response.headers["content-length"];
    return {
      body: response.body,
      requestId: response.requestId,
      contentType: response.headers["content-type"] ?? null,
      contentDisposition: response.headers["content-disposition"] ?? null,
      filename: parseContentDispositionFilename(response.headers["content-disposition"] ?? null),
      contentMd5: response.headers["content-md5"] ?? null,
      contentLength: length !== undefined && /^\d+$/.test(length) ? Number(length) : null,
    };
  }

  const E = ENDPOINTS;
  const none = {} as Record<string, never>;

  const chats = {
    /** One page of chats; at most 10 user ids (see listForUsers for more). */
    list: (query: ChatListQuery = {}, opts?: CallOptions) => call(E.listChats, ChatPage, none, query, opts),
    /** The chat's metadata and one page (or, without limit, all) of its messages. */
    getMessages: (chatId: string, query: ChatMessagesQuery = {}, opts?: CallOptions) => call(E.listChatMessages, ChatWithMessages, { chatId }, query, opts),
    delete: (chatId: string, opts?: CallOptions) => call(E.deleteChat, DeleteConfirmation, { chatId }, undefined, opts),
    /** Walks every page of a chat listing in the given direction. */
    walk: (query: Omit<ChatListQuery, "afterId" | "beforeId"> = {}, direction: "after" | "before" = "after", walk?: WalkOptions & CallOptions) =>
      walkCursorPages((cursor) => chats.list({ ...query, ...cursor }, walk).then((result) => result.data), direction, undefined, walk),
    /**
     * Chats of any number of users, in the API's order (created_at, then id): the API takes ten user
     * ids per request, so the list is fetched in batches of ten and merged.
     */
    listForUsers: (
      userIds: readonly string[],
      query: Omit<ChatListQuery, "userIds" | "afterId" | "beforeId" | "orderBy"> = {},
      walk?: WalkOptions & CallOptions,
    ): AsyncGenerator<Chat> =>
      mergeSortedChats(chunk([...new Set(userIds)], MAX_USERS_PER_CHAT_QUERY).map((batch) => itemsOf(chats.walk({ ...query, userIds: batch }, "after", walk)))),
  };

  return {
    /** The rate-limit budget reported by the last response (for the UI to warn when it runs low). */
    get rateLimit() {
      return transport.rateLimit;
    },
    /** Requests this client has sent, retries included. */
    get requestsSent() {
      return transport.requestsSent;
    },
    close: () => transport.close(),

    activities: {
      list: (query: ActivityQuery = {}, opts?: CallOptions) => call(E.listActivities, cursorPage(Activity), none, query, opts),
      /** "after" walks toward older activities in the default order, "before" toward newer ones. */
      walk: (
        query: Omit<ActivityQuery, "afterId" | "beforeId"> = {},
        direction: "after" | "before" = "after",
        start?: string,
        walk?: WalkOptions & CallOptions,
      ) =>
        walkCursorPages(
          (cursor) => call(E.listActivities, cursorPage(Activity), none, { ...query, ...cursor }, walk).then((r) => r.data),
          direction,
          start,
          walk,
        ),
    },
    organizations: {
      list: (query: Query<typeof E.listOrganizations> = {}, opts?: CallOptions) => call(E.listOrganizations, tokenPage(Organization), none, query, opts),
      walk: (walk?: WalkOptions & CallOptions) =>
        walkTokenPages((page) => call(E.listOrganizations, tokenPage(Organization), none, { page }, walk).then((r) => r.data), walk),
      listUsers: (orgUuid: string, query: Query<typeof E.listOrganizationUsers> = {}, opts?: CallOptions) =>
        call(E.listOrganizationUsers, tokenPage(OrganizationUser), { orgUuid }, query, opts),
      walkUsers: (orgUuid: string, limit?: number, walk?: WalkOptions & CallOptions) =>
        walkTokenPages((page) => call(E.listOrganizationUsers, tokenPage(OrganizationUser), { orgUuid }, { page, limit }, walk).then((r) => r.data), walk),
      listRoles: (orgUuid: string, query: Query<typeof E.listRoles> = {}, opts?: CallOptions) => call(E.listRoles, tokenPage(Role), { orgUuid }, query, opts),
      getRole: (orgUuid: string, roleId: string, opts?: CallOptions) => call(E.getRole, Role, { orgUuid, roleId }, undefined, opts),
      listRolePermissions: (orgUuid: string, roleId: string, query: Query<typeof E.listRolePermissions> = {}, opts?: CallOptions) =>
        call(E.listRolePermissions, tokenPage(RolePermission), { orgUuid, roleId }, query, opts),
      getSettings: (orgUuid: string, opts?: CallOptions) => call(E.getOrganizationSettings, OrganizationSettings, { orgUuid }, undefined, opts),
    },
    groups: {
      list: (query: Query<typeof E.listGroups> = {}, opts?: CallOptions) => call(E.listGroups, tokenPage(Group), none, query, opts),
      get: (groupId: string, opts?: CallOptions) => call(E.getGroup, Group, { groupId }, undefined, opts),
      listMembers: (groupId: string, query: Query<typeof E.listGroupMembers> = {}, opts?: CallOptions) =>
        call(E.listGroupMembers, tokenPage(GroupMember), { groupId }, query, opts),
    },
    chats,
    files: {
      get: (fileId: string, opts?: CallOptions) => call(E.getFile, FileMetadata, { fileId }, undefined, opts),
      download: (fileId: string, opts?: CallOptions) => download(E.downloadFile, { fileId }, opts),
      delete: (fileId: string, opts?: CallOptions) => call(E.deleteFile, DeleteConfirmation, { fileId }, undefined, opts),
    },
    generatedFiles: {
      get: (generatedFileId: string, opts?: CallOptions) => call(E.getGeneratedFile, GeneratedFileMetadata, { generatedFileId }, undefined, opts),
      download: (generatedFileId: string, opts?: CallOptions) => download(E.downloadGeneratedFile, { generatedFileId }, opts),
    },
    artifacts: {
      get: (versionId: string, opts?: CallOptions) => call(E.getArtifact, ArtifactMetadata, { versionId }, undefined, opts),
      download: (versionId: string, opts?: CallOptions) => download(E.downloadArtifact, { versionId }, opts),
    },
    codeArtifacts: {
      list: (query: CodeArtifactListQuery = {}, opts?: CallOptions) => call(E.listCodeArtifacts, tokenPage(CodeArtifact), none, query, opts),
      downloadVersion: (artifactId: string, versionId: string, opts?: CallOptions) => download(E.downloadCodeArtifactVersion, { artifactId, versionId }, opts),
      delete: (artifactId: string, opts?: CallOptions) => call(E.deleteCodeArtifact, DeleteConfirmation, { artifactId }, undefined, opts),
    },
    projects: {
      list: (query: ProjectListQuery = {}, opts?: CallOptions) => call(E.listProjects, tokenPage(Project), none, query, opts),
      walk: (query: Omit<ProjectListQuery, "page"> = {}, walk?: WalkOptions & CallOptions) =>
        walkTokenPages((page) => call(E.listProjects, tokenPage(Project), none, { ...query, page }, walk).then((r) => r.data), walk),
      get: (projectId: string, opts?: CallOptions) => call(E.getProject, ProjectDetails, { projectId }, undefined, opts),
      delete: (projectId: string, opts?: CallOptions) => call(E.deleteProject, DeleteConfirmation, { projectId }, undefined, opts),
      listAttachments: (projectId: string, query: Query<typeof E.listProjectAttachments> = {}, opts?: CallOptions) =>
        call(E.listProjectAttachments, tokenPage(ProjectAttachment), { projectId }, query, opts),
      listCollaborators: (projectId: string, query: Query<typeof E.listProjectCollaborators> = {}, opts?: CallOptions) =>
        call(E.listProjectCollaborators, tokenPage(ProjectCollaborator), { projectId }, query, opts),
    },
    projectDocuments: {
      get: (documentId: string, opts?: CallOptions) => call(E.getProjectDocument, ProjectDocument, { documentId }, undefined, opts),
      getMetadata: (documentId: string, opts?: CallOptions) => call(E.getProjectDocumentMetadata, ProjectDocumentMetadata, { documentId }, undefined, opts),
      delete: (documentId: string, opts?: CallOptions) => call(E.deleteProjectDocument, DeleteConfirmation, { documentId }, undefined, opts),
    },
    sessions: {
      listLocal: (query: Query<typeof E.listLocalSessions> = {}, opts?: CallOptions) => call(E.listLocalSessions, tokenPage(LocalSession), none, query, opts),
      walkLocal: (query: Omit<Query<typeof E.listLocalSessions>, "page"> = {}, walk?: WalkOptions & CallOptions) =>
        walkTokenPages((page) => call(E.listLocalSessions, tokenPage(LocalSession), none, { ...query, page }, walk).then((r) => r.data), walk),
      getLocal: (sessionId: string, opts?: CallOptions) => call(E.getLocalSession, LocalSession, { sessionId }, undefined, opts),
      listLocalMessages: (sessionId: string, query: Query<typeof E.listLocalSessionMessages> = {}, opts?: CallOptions) =>
        call(E.listLocalSessionMessages, sessionMessagesPage(LocalSession, LocalSessionMessage), { sessionId }, query, opts),
      listRemote: (query: Query<typeof E.listRemoteSessions> = {}, opts?: CallOptions) =>
        call(E.listRemoteSessions, tokenPage(RemoteSession), none, query, opts),
      listRemoteMessages: (sessionId: string, query: Query<typeof E.listRemoteSessionMessages> = {}, opts?: CallOptions) =>
        call(E.listRemoteSessionMessages, sessionMessagesPage(RemoteSession, RemoteSessionMessage), { sessionId }, query, opts),
    },
  };
}

export type ComplianceClient = ReturnType<typeof createComplianceClient>;
