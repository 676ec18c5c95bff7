// JSON shapes shared by several endpoints, and id resolution that several routes need.

import { chatId, chatModel, chatName, chatUuid } from "../dataset/chats";
import type { Dataset } from "../dataset/dataset";
import { Kind, PREFIX } from "../dataset/ids";
import { formatUs } from "../dataset/time";
import type { Ctx } from "../http/context";
import { Errors } from "../http/errors";
import type { State } from "../state";

/** `{id, email_address}` or null when the user left every organisation the key may read. */
export function userRef(ds: Dataset, user: number): { id: string; email_address: string } | null {
  const u = ds.dir.users[user]!;
  return u.departed ? null : { id: u.id, email_address: u.email };
}

export function chatJson(ds: Dataset, ci: number): Record<string, unknown> {
  const t = ds.chats;
  const org = ds.dir.orgs[t.org[ci]!]!;
  const project = t.project[ci]!;
  const deleted = t.deleted[ci]!;
  return {
    id: chatId(ds.ids, ci),
    name: chatName(t, ds.seed, ci),
    created_at: formatUs(t.created[ci]!),
    updated_at: formatUs(t.updated[ci]!),
    deleted_at: deleted ? formatUs(deleted) : null,
    href: `https://claude.ai/chat/${chatUuid(ds.ids, ci)}`,
    model: chatModel(t, ds.seed, ci),
    organization_uuid: org.uuid,
    organization_id: org.tagged,
    project_id: project >= 0 ? ds.projects.list[project]!.id : null,
    user: userRef(ds, t.user[ci]!),
  };
}

export function isChatGone(state: State, ci: number): boolean {
  return state.deletedChats.has(ci);
}

/** Chat index for a path id, or the documented 404. */
export function resolveChat(ctx: Ctx, id: string): number {
  const d = ctx.ds.ids.decodeTagged(PREFIX.chat, Kind.Chat, id);
  if (!d || d.a >= ctx.ds.chats.count || isChatGone(ctx.state, d.a)) throw Errors.chatNotFound(id);
  return d.a;
}

export function projectIsGone(ds: Dataset, state: State, p: number): boolean {
  return p >= ds.projects.list.length || state.deletedProjects.has(p);
}

/**
 * `organization_ids[]` values (tagged `org_...` or bare UUID) to org indices. Values naming no
 * organisation of this parent match nothing (undocumented; chosen over a 400).
 */
export function orgFilter(ds: Dataset, values: readonly string[]): Set<number> | null {
  if (values.length === 0) return null;
  const set = new Set<number>();
  for (const v of values) {
    const o = ds.dir.orgByRef.get(v);
    if (o !== undefined) set.add(o);
  }
  return set;
}

/** `user_ids[]` values to user indices; unknown ids match nothing. */
export function userFilter(ds: Dataset, values: readonly string[]): number[] {
  const out: number[] = [];
  for (const v of values) {
    const u = ds.dir.userById.get(v);
    if (u !== undefined) out.push(u);
  }
  return out;
}
