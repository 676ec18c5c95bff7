import "server-only";
import type { CollectionInclude, CollectionScope, TimeRange } from "@/lib/schemas/collections";
import type { CallOptions, ComplianceClient } from "@/lib/server/compliance/client";
import { MAX_USERS_PER_CHAT_QUERY } from "@/lib/server/compliance/merge-chat-listings";
import type { NewItem } from "./items";

/** The largest pages the lists give: one request per thousand chats or users. */
const CHATS_PER_PAGE = 1000;
const USERS_PER_PAGE = 1000;
const ATTACHMENTS_PER_PAGE = 100;
/** The session lists' largest pages. */
const SESSIONS_PER_PAGE = 500;
/** The most user ids the remote session list takes in one request. */
const MAX_USERS_PER_SESSION_QUERY = 10;

/**
 * One list a collection walks, with the query of every page but the cursor, in the API's own
 * parameter names: the attestation shows them as sent.
 */
export interface WalkSpec {
  key: string;
  endpoint: string;
  params: WalkParams;
}

type ChatListParams = {
  "user_ids[]"?: string[];
  "organization_ids[]"?: string[];
  "project_ids[]"?: string[];
  order_by?: "created_at" | "updated_at";
  "created_at.gte"?: string;
  "created_at.lt"?: string;
  "updated_at.gte"?: string;
  "updated_at.lt"?: string;
  limit: number;
  /** Applied by Docket to each chat, where the API cannot filter (an organisation's chats by both times). */
  docket_created_range?: TimeRange;
};

export type WalkParams =
  | ({ list: "chats" } & ChatListParams)
  /** A project's members, read to ask for the project's chats: the API filters by project only together with user ids. */
  | { list: "project_members"; project_id: string; limit: number; ranges: Partial<ChatListParams> }
  | { list: "project_attachments"; project_id: string; limit: number }
  /**
   * Every session on people's machines in the time range: the API filters them by time only, so Docket
   * keeps those of the custodians and organisations in scope.
   */
  | {
      list: "local_sessions";
      "created_at.gte"?: string;
      "created_at.lt"?: string;
      limit: number;
      docket_user_ids: string[];
      docket_organization_uuids: string[];
    }
  | { list: "remote_sessions"; "user_ids[]"?: string[]; "organization_ids[]"?: string[]; "created_at.gte"?: string; "created_at.lt"?: string; limit: number };

export interface CollectionQuery {
  scope: CollectionScope;
  createdRange: TimeRange | null;
  updatedRange: TimeRange | null;
  include: readonly CollectionInclude[];
}

const CHATS_ENDPOINT = "/v1/compliance/apps/chats";

function rangeParams(createdRange: TimeRange | null, updatedRange: TimeRange | null): Partial<ChatListParams> {
  return {
    ...(createdRange?.gte && { "created_at.gte": createdRange.gte }),
    ...(createdRange?.lt && { "created_at.lt": createdRange.lt }),
    ...(updatedRange?.gte && { "updated_at.gte": updatedRange.gte }),
    ...(updatedRange?.lt && { "updated_at.lt": updatedRange.lt }),
  };
}

/**
 * The lists that cover a collection's scope:
 * - the chats of each batch of ten custodians (the most one request takes);
 * - the chats of each organisation: the API filters those by one time only, the one they are ordered
 *   by, so with both ranges the updated one goes to the API and Docket applies the created one;
 * - each project's members, whose chats in the project are then walked like a custodian's;
 * - each project's attachments, when its documents are wanted.
 * Chats are where files, generated files and artifacts are found, so they are walked for any of those.
 * A chat two lists give (a custodian's, and their organisation's) becomes one item.
 */
export function planWalks({ scope, createdRange, updatedRange, include }: CollectionQuery): WalkSpec[] {
  const ranges = rangeParams(createdRange, updatedRange);
  const walksChats = include.some((kind) => kind === "chats" || kind === "files" || kind === "generated_files" || kind === "artifacts");
  const walks: WalkSpec[] = [];
  if (walksChats) {
    walks.push(...custodianChatWalks([...scope.userIds], ranges, null));
    for (const uuid of scope.organizationIds) {
      const byUpdate = updatedRange !== null;
      const params: ChatListParams = byUpdate
        ? { "organization_ids[]": [uuid], order_by: "updated_at", ...rangeParams(null, updatedRange), limit: CHATS_PER_PAGE }
        : { "organization_ids[]": [uuid], ...rangeParams(createdRange, null), limit: CHATS_PER_PAGE };
      if (byUpdate && createdRange) params.docket_created_range = createdRange;
      walks.push({ key: `chats:organization:${uuid}`, endpoint: CHATS_ENDPOINT, params: { list: "chats", ...params } });
    }
  }
  if (include.includes("sessions")) walks.push(...sessionWalks(scope, createdRange));
  for (const projectId of scope.projectIds) {
    if (walksChats) {
      walks.push({
        key: `members:project:${projectId}`,
        endpoint: "/v1/compliance/organizations/{org_uuid}/users",
        params: { list: "project_members", project_id: projectId, limit: USERS_PER_PAGE, ranges },
      });
    }
    if (include.includes("project_documents")) {
      walks.push({
        key: `attachments:project:${projectId}`,
        endpoint: `/v1/compliance/apps/projects/${projectId}/attachments`,
        params: { list: "project_attachments", project_id: projectId, limit: ATTACHMENTS_PER_PAGE },
      });
    }
  }
  return walks;
}

/**
 * The sessions of the custodians and organisations in scope (a project's are not: sessions name a
 * project only in the cloud, and the API cannot list them by it). Sessions are filtered by creation
 * time only, the one time both lists take.
 */
function sessionWalks(scope: CollectionScope, createdRange: TimeRange | null): WalkSpec[] {
  const users = [...new Set(scope.userIds)].sort();
  const organizations = [...new Set(scope.organizationIds)].sort();
  if (users.length === 0 && organizations.length === 0) return [];
  const created = { ...(createdRange?.gte && { "created_at.gte": createdRange.gte }), ...(createdRange?.lt && { "created_at.lt": createdRange.lt }) };
  const walks: WalkSpec[] = [
    {
      key: "sessions:local",
      endpoint: "/v1/compliance/apps/sessions/local",
      params: { list: "local_sessions", ...created, limit: SESSIONS_PER_PAGE, docket_user_ids: users, docket_organization_uuids: organizations },
    },
  ];
  for (let start = 0; start < users.length; start += MAX_USERS_PER_SESSION_QUERY) {
    const batch = users.slice(start, start + MAX_USERS_PER_SESSION_QUERY);
    walks.push({
      key: `sessions:remote:users:${batch.join(",")}`,
      endpoint: "/v1/compliance/apps/sessions/remote",
      params: { list: "remote_sessions", "user_ids[]": batch, ...created, limit: SESSIONS_PER_PAGE },
    });
  }
  for (const uuid of organizations) {
    walks.push({
      key: `sessions:remote:organization:${uuid}`,
      endpoint: "/v1/compliance/apps/sessions/remote",
      params: { list: "remote_sessions", "organization_ids[]": [uuid], ...created, limit: SESSIONS_PER_PAGE },
    });
  }
  return walks;
}

function custodianChatWalks(userIds: string[], ranges: Partial<ChatListParams>, projectId: string | null): WalkSpec[] {
  const users = [...new Set(userIds)].sort();
  const walks: WalkSpec[] = [];
  for (let start = 0; start < users.length; start += MAX_USERS_PER_CHAT_QUERY) {
    const batch = users.slice(start, start + MAX_USERS_PER_CHAT_QUERY);
    const project = projectId === null ? {} : { "project_ids[]": [projectId] };
    walks.push({
      key: `chats:${projectId === null ? "" : `project:${projectId}:`}users:${batch.join(",")}`,
      endpoint: CHATS_ENDPOINT,
      params: { list: "chats", "user_ids[]": batch, ...project, ...ranges, limit: CHATS_PER_PAGE },
    });
  }
  return walks;
}

export interface WalkPage {
  items: NewItem[];
  /** Lists found by this page (a project's members' chats). */
  walks: WalkSpec[];
  /** Where the next page starts; null when the list is walked. */
  nextCursor: string | null;
  /** The first and last cursor the page gave, for the attestation. */
  firstCursor: string | null;
  lastCursor: string | null;
  records: number;
  requestId: string | null;
}

/** Reads the page of a walk that starts at `cursor` (its first page when null). */
export async function readWalkPage(client: ComplianceClient, walk: WalkSpec, cursor: string | null, options: CallOptions): Promise<WalkPage> {
  const params = walk.params;
  switch (params.list) {
    case "chats":
      return readChatPage(client, params, cursor, options);
    case "project_members":
      return readProjectMembersPage(client, params, cursor, options);
    case "project_attachments":
      return readProjectAttachmentsPage(client, params, cursor, options);
    case "local_sessions":
      return readLocalSessionsPage(client, params, cursor, options);
    case "remote_sessions":
      return readRemoteSessionsPage(client, params, cursor, options);
  }
}

/** A page of a list walked with page tokens: the token it was read from, and the one to read next. */
function tokenWalkPage(
  items: NewItem[],
  data: { data: unknown[]; has_more: boolean; next_page: string | null },
  cursor: string | null,
  requestId: string | null,
): WalkPage {
  return {
    items,
    walks: [],
    nextCursor: data.has_more && data.next_page ? data.next_page : null,
    firstCursor: cursor,
    lastCursor: data.next_page,
    records: data.data.length,
    requestId,
  };
}

const createdRangeOf = (params: { "created_at.gte"?: string; "created_at.lt"?: string }) =>
  params["created_at.gte"] === undefined && params["created_at.lt"] === undefined ? undefined : { gte: params["created_at.gte"], lt: params["created_at.lt"] };

async function readLocalSessionsPage(
  client: ComplianceClient,
  params: Extract<WalkParams, { list: "local_sessions" }>,
  cursor: string | null,
  options: CallOptions,
): Promise<WalkPage> {
  const { data, requestId } = await client.sessions.listLocal({ createdAt: createdRangeOf(params), limit: params.limit, page: cursor ?? undefined }, options);
  const users = new Set(params.docket_user_ids);
  const organizations = new Set(params.docket_organization_uuids);
  const items = data.data
    .filter(
      (session) =>
        (session.user !== null && users.has(session.user.id)) || (session.organization_uuid !== null && organizations.has(session.organization_uuid)),
    )
    .map((session): NewItem => ({
      kind: "local_session",
      upstreamId: session.id,
      name: session.product_surface,
      custodianId: session.user?.id ?? null,
      custodianEmail: session.user?.email_address ?? null,
      organizationUuid: session.organization_uuid,
      upstreamCreatedAt: session.created_at,
    }));
  return tokenWalkPage(items, data, cursor, requestId);
}

async function readRemoteSessionsPage(
  client: ComplianceClient,
  params: Extract<WalkParams, { list: "remote_sessions" }>,
  cursor: string | null,
  options: CallOptions,
): Promise<WalkPage> {
  const { data, requestId } = await client.sessions.listRemote(
    {
      userIds: params["user_ids[]"],
      organizationIds: params["organization_ids[]"],
      createdAt: createdRangeOf(params),
      limit: params.limit,
      page: cursor ?? undefined,
    },
    options,
  );
  const items = data.data.map((session): NewItem => ({
    kind: "remote_session",
    upstreamId: session.id,
    name: session.product_surface,
    parentId: session.claude_project_id,
    custodianId: session.user?.id ?? session.started_by_user?.id ?? null,
    custodianEmail: session.user?.email_address ?? session.started_by_user?.email_address ?? null,
    organizationUuid: session.organization_uuid,
    upstreamCreatedAt: session.created_at,
    upstreamUpdatedAt: session.updated_at,
  }));
  return tokenWalkPage(items, data, cursor, requestId);
}

async function readChatPage(client: ComplianceClient, params: ChatListParams, cursor: string | null, options: CallOptions): Promise<WalkPage> {
  const range = (prefix: "created_at" | "updated_at") => {
    const gte = params[`${prefix}.gte`];
    const lt = params[`${prefix}.lt`];
    return gte === undefined && lt === undefined ? undefined : { gte, lt };
  };
  const { data, requestId } = await client.chats.list(
    {
      userIds: params["user_ids[]"],
      organizationIds: params["organization_ids[]"],
      projectIds: params["project_ids[]"],
      orderBy: params.order_by,
      createdAt: range("created_at"),
      updatedAt: range("updated_at"),
      afterId: cursor ?? undefined,
      limit: params.limit,
    },
    options,
  );
  const created = params.docket_created_range;
  const inCreatedRange = (createdAt: string) =>
    !created ||
    ((created.gte === undefined || Date.parse(createdAt) >= Date.parse(created.gte)) &&
      (created.lt === undefined || Date.parse(createdAt) < Date.parse(created.lt)));
  const items = data.data
    .filter((chat) => inCreatedRange(chat.created_at))
    .map((chat): NewItem => ({
      kind: "chat",
      upstreamId: chat.id,
      name: chat.name,
      custodianId: chat.user?.id ?? null,
      custodianEmail: chat.user?.email_address ?? null,
      organizationUuid: chat.organization_uuid,
      parentId: chat.project_id,
      upstreamCreatedAt: chat.created_at,
      upstreamUpdatedAt: chat.updated_at,
      softDeleted: chat.deleted_at !== null,
    }));
  return {
    items,
    walks: [],
    nextCursor: data.has_more && data.last_id ? data.last_id : null,
    firstCursor: data.first_id,
    lastCursor: data.last_id,
    records: data.data.length,
    requestId,
  };
}

/** The cursor of a project's members: the organisation, found with the first page, and the page token. */
type MembersCursor = { organization: string | null; page: string | null };

async function readProjectMembersPage(
  client: ComplianceClient,
  params: Extract<WalkParams, { list: "project_members" }>,
  cursor: string | null,
  options: CallOptions,
): Promise<WalkPage> {
  const at = cursor === null ? null : (JSON.parse(cursor) as MembersCursor);
  const organization = at ? at.organization : (await client.projects.get(params.project_id, options)).data.organization_uuid;
  if (organization === null) {
    return { items: [], walks: [], nextCursor: null, firstCursor: null, lastCursor: null, records: 0, requestId: null };
  }
  const { data, requestId } = await client.organizations.listUsers(organization, { limit: params.limit, page: at?.page ?? undefined }, options);
  const next = data.has_more && data.next_page ? JSON.stringify({ organization, page: data.next_page } satisfies MembersCursor) : null;
  return {
    items: [],
    walks: custodianChatWalks(
      data.data.map((user) => user.id),
      params.ranges,
      params.project_id,
    ),
    nextCursor: next,
    firstCursor: cursor,
    lastCursor: data.next_page,
    records: data.data.length,
    requestId,
  };
}

async function readProjectAttachmentsPage(
  client: ComplianceClient,
  params: Extract<WalkParams, { list: "project_attachments" }>,
  cursor: string | null,
  options: CallOptions,
): Promise<WalkPage> {
  const { data, requestId } = await client.projects.listAttachments(params.project_id, { limit: params.limit, page: cursor ?? undefined }, options);
  const items = data.data.flatMap((attachment): NewItem[] => {
    const common = { parentId: params.project_id, name: attachment.filename, upstreamCreatedAt: attachment.created_at };
    if (attachment.type === "project_doc") return [{ kind: "project_document", upstreamId: attachment.id, ...common }];
    if (attachment.type === "project_file") {
      const md5 = "md5" in attachment && typeof attachment.md5 === "string" ? attachment.md5 : null;
      return [{ kind: "file", upstreamId: attachment.id, md5Expected: md5, ...common }];
    }
    return [];
  });
  return tokenWalkPage(items, data, cursor, requestId);
}
