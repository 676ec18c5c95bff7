// Local and remote session lists, local session retrieve, and both transcript endpoints. These
// endpoints page with `page`/`next_page` and return no `has_more` (documented).

import { SCOPE } from "../dataset/api-keys";
import type { Dataset } from "../dataset/dataset";
import {
  localMessage,
  remoteMessage,
  SESSION_DEFAULT_MAX_BYTES,
  SESSION_MAX_BYTES,
  truncateSessionBlocks,
  type LocalSession,
  type RemoteSession,
} from "../dataset/sessions";
import { Kind, PREFIX } from "../dataset/ids";
import { formatUs, inRange } from "../dataset/time";
import type { Ctx, RouteDef } from "../http/context";
import { Errors } from "../http/errors";
import { pageThrough } from "../http/pages";
import { parseEnum, parseLimit, parseMaxBytes, parseRange } from "../http/query";
import { orgFilter, userFilter } from "./render";

const LOCAL = "/v1/compliance/apps/sessions/local";
const REMOTE = "/v1/compliance/apps/sessions/remote";

/** "Well-formed" (undocumented detail): the prefix then url-safe base64/base58 characters. */
function wellFormed(id: string, prefix: string): boolean {
  return id.length > prefix.length && id.length <= 200 && id.startsWith(prefix) && /^[A-Za-z0-9_-]+$/.test(id.slice(prefix.length));
}

function localJson(ds: Dataset, s: LocalSession, withEmail: boolean): Record<string, unknown> {
  const u = ds.dir.users[s.user]!;
  return {
    type: "compliance_local_session",
    id: s.id,
    organization_uuid: ds.dir.orgs[s.org]!.uuid,
    workspace_id: s.workspace,
    user: { id: u.id, email_address: withEmail && !u.departed ? u.email : null },
    product_surface: s.surface,
    created_at: formatUs(s.createdUs),
  };
}

function remoteJson(ds: Dataset, s: RemoteSession, envelope: boolean): Record<string, unknown> {
  const ref = (u: number | null) => (u === null ? null : { id: ds.dir.users[u]!.id, email_address: envelope ? null : ds.dir.users[u]!.email });
  return {
    id: s.id,
    organization_uuid: ds.dir.orgs[s.org]!.uuid,
    user: ref(s.user),
    agent_id: s.agentId,
    // The messages envelope never resolves these (documented).
    started_by_user: envelope ? null : ref(s.startedBy),
    status: s.status,
    created_at: formatUs(s.createdUs),
    updated_at: formatUs(s.updatedUs),
    product_surface: s.surface,
    claude_project_id: envelope ? null : s.project,
  };
}

function resolveLocal(ctx: Ctx): LocalSession {
  const id = ctx.params.local_session_id!;
  if (!wellFormed(id, PREFIX.localSession)) throw Errors.invalid(`The local session id "${id}" is not a well-formed \`clls_\` identifier.`);
  const d = ctx.ds.ids.decodeTagged(PREFIX.localSession, Kind.LocalSession, id);
  const s = d ? ctx.ds.sessions.local[d.a] : undefined;
  if (!s) throw Errors.localSessionNotFound();
  return s;
}

function transcriptParams(ctx: Ctx) {
  const q = ctx.query;
  return {
    limit: parseLimit(q, 100, 1000),
    order: parseEnum(q, "order", ["asc", "desc"] as const, "asc"),
    useMax: parseMaxBytes(q, "tool_use_input_max_bytes", SESSION_DEFAULT_MAX_BYTES, SESSION_MAX_BYTES),
    resultMax: parseMaxBytes(q, "tool_result_max_bytes", SESSION_DEFAULT_MAX_BYTES, SESSION_MAX_BYTES),
  };
}

export const sessionRoutes: RouteDef[] = [
  {
    method: "GET",
    path: LOCAL,
    scope: SCOPE.userData,
    handler: (ctx) => {
      const limit = parseLimit(ctx.query, 100, 500);
      const range = parseRange(ctx.query, "created_at", ["gte", "lt"]);
      if (range.gte !== undefined && range.lt !== undefined && range.lt <= range.gte) throw Errors.localSessionsLtNotAfterGte();
      const list = ctx.ds.sessions.local;
      const page = pageThrough(ctx.query, "local_sessions", list.length, limit, (p) => inRange(list[p]!.createdUs, range));
      return { json: { data: page.positions.map((p) => localJson(ctx.ds, list[p]!, true)), next_page: page.nextPage } };
    },
  },
  {
    method: "GET",
    path: `${LOCAL}/:local_session_id`,
    scope: SCOPE.userData,
    handler: (ctx) => ({ json: localJson(ctx.ds, resolveLocal(ctx), true) }),
  },
  {
    method: "GET",
    path: `${LOCAL}/:local_session_id/messages`,
    scope: SCOPE.userData,
    handler: (ctx) => {
      const p = transcriptParams(ctx);
      const s = resolveLocal(ctx);
      const n = s.messages;
      // Cursors are bound to the session and the order they were issued for (documented).
      const page = pageThrough(ctx.query, `local_messages:${s.id}:${p.order}`, n, p.limit, () => true);
      const data = page.positions.map((pos) => {
        const m = p.order === "asc" ? pos : n - 1 - pos;
        const msg = localMessage(ctx.ds.ids, ctx.ds.seed, s, m);
        return {
          type: "compliance_local_session_message",
          id: ctx.ds.ids.tagged(PREFIX.localMessage, Kind.LocalMessage, s.index, m),
          role: msg.role,
          created_at: formatUs(msg.createdUs),
          provenance: msg.provenance,
          content: truncateSessionBlocks(msg.content, p.useMax, p.resultMax),
        };
      });
      return { json: { session: localJson(ctx.ds, s, false), data, next_page: page.nextPage } };
    },
  },
  {
    method: "GET",
    path: REMOTE,
    scope: SCOPE.userData,
    handler: (ctx) => {
      const { ds, query: q } = ctx;
      const limit = parseLimit(q, 100, 500);
      const orgValues = q.list("organization_ids");
      if (orgValues.length > 500) throw Errors.invalid(`The \`organization_ids[]\` parameter accepts at most 500 values. Got ${orgValues.length}.`);
      const userValues = q.list("user_ids");
      if (userValues.length > 10) throw Errors.invalid(`The \`user_ids[]\` parameter accepts at most 10 values. Got ${userValues.length}.`);
      const range = parseRange(q, "created_at");
      const orgs = orgFilter(ds, orgValues);
      const users = userValues.length > 0 ? new Set(userFilter(ds, userValues)) : null;
      const list = ds.sessions.remote;
      const page = pageThrough(q, "remote_sessions", list.length, limit, (p) => {
        const s = list[p]!;
        // The user filter matches the owning user, so agent-owned sessions drop out (documented).
        return (orgs === null || orgs.has(s.org)) && (users === null || (s.user !== null && users.has(s.user))) && inRange(s.createdUs, range);
      });
      return { json: { data: page.positions.map((p) => remoteJson(ds, list[p]!, false)), next_page: page.nextPage } };
    },
  },
  {
    method: "GET",
    path: `${REMOTE}/:claude_remote_session_id/messages`,
    scope: SCOPE.userData,
    handler: (ctx) => {
      const p = transcriptParams(ctx);
      const id = ctx.params.claude_remote_session_id!;
      if (!wellFormed(id, PREFIX.remoteSession)) throw Errors.invalid(`The remote session id "${id}" is not a well-formed \`cse_\` identifier.`);
      const d = ctx.ds.ids.decodeTagged(PREFIX.remoteSession, Kind.RemoteSession, id);
      const s = d ? ctx.ds.sessions.remote[d.a] : undefined;
      // A pending session has no transcript yet (documented 404).
      if (!s || s.status === "pending") throw Errors.remoteSessionNotFound();
      const n = s.messages;
      const page = pageThrough(ctx.query, `remote_messages:${s.id}:${p.order}`, n, p.limit, () => true);
      const data = page.positions.map((pos) => {
        const m = p.order === "asc" ? pos : n - 1 - pos;
        const msg = remoteMessage(ctx.ds.ids, ctx.ds.seed, s, m);
        return {
          id: ctx.ds.ids.tagged(PREFIX.remoteMessage, Kind.RemoteMessage, s.index, m),
          role: msg.role,
          created_at: formatUs(msg.createdUs),
          content: truncateSessionBlocks(msg.content, p.useMax, p.resultMax),
          sent_by_user_id: msg.sentBy === null ? null : ctx.ds.dir.users[msg.sentBy]!.id,
          content_unavailable: msg.contentUnavailable,
        };
      });
      return { json: { session: remoteJson(ctx.ds, s, true), data, next_page: page.nextPage } };
    },
  },
];
