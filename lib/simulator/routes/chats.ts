// Chat listing (per user or org-wide) and chat hard-delete.

import { SCOPE } from "../dataset/api-keys";
import { Kind } from "../dataset/ids";
import { chatId, chatUuid, queryChats, type ChatCursorKey, type ChatSortKey } from "../dataset/chats";
import type { RouteDef } from "../http/context";
import { decodeChatCursor, encodeChatCursor } from "../http/cursors";
import { Errors } from "../http/errors";
import { parseCursors, parseEnum, parseLimit, parseRange, rangeIsEmpty } from "../http/query";
import { chatJson, isChatGone, orgFilter, resolveChat, userFilter } from "./render";

const BASE = "/v1/compliance/apps/chats";
const MAX_USERS = 10;

export const chatRoutes: RouteDef[] = [
  {
    method: "GET",
    path: BASE,
    scope: SCOPE.userData,
    handler: (ctx) => {
      const { ds, query: q } = ctx;
      const userIds = q.list("user_ids");
      const perUser = userIds.length > 0;
      if (userIds.length > MAX_USERS) throw Errors.invalid(`The \`user_ids[]\` parameter accepts at most ${MAX_USERS} values. Got ${userIds.length}.`);
      const sortKey = parseEnum<ChatSortKey>(q, "order_by", ["created_at", "updated_at"], "created_at");
      if (perUser && sortKey === "updated_at") throw Errors.invalid("`order_by=updated_at` is only supported for org-wide queries (omit `user_ids[]`).");
      const projectIds = q.list("project_ids");
      if (projectIds.length > 0 && !perUser)
        throw Errors.invalid("The `project_ids[]` filter requires at least one `user_ids[]` value; it is not supported for org-wide queries.");
      const limit = parseLimit(q, 100, 1000);
      const created = parseRange(q, "created_at");
      const updated = parseRange(q, "updated_at");
      // The 2026-09-22 rejection of user_ids[] + updated_at.* is reported only by third-party
      // clients, not by the docs, so per-user queries keep accepting updated_at.* bounds.
      if (!perUser && sortKey === "created_at" && !rangeIsEmpty(updated)) {
        throw Errors.invalid("For org-wide queries, time filters must match the sort key: `updated_at.*` filters require `order_by=updated_at`.");
      }
      if (!perUser && sortKey === "updated_at" && !rangeIsEmpty(created)) {
        throw Errors.invalid("For org-wide queries, time filters must match the sort key: `created_at.*` filters require `order_by=created_at`.");
      }
      const cursors = parseCursors(q);
      if (cursors.before !== null && !perUser)
        throw Errors.invalid("`before_id` is only supported for per-user queries (`user_ids[]` set); org-wide queries page forward only.");
      const cursorKey = (param: "after_id" | "before_id", raw: string | null): ChatCursorKey | null => {
        if (raw === null) return null;
        const c = decodeChatCursor(raw);
        if (!c) throw Errors.invalidCursor(param, "chat", raw);
        if (c.k !== sortKey)
          throw Errors.invalid(`The \`${param}\` cursor was issued for \`order_by=${c.k}\` and cannot be used with \`order_by=${sortKey}\`.`);
        // The cursor names its chat by the UUID (as the API's do); ties are broken by the chat's id.
        const chat = ds.ids.decodeUuid(Kind.ChatUuid, c.uuid);
        if (!chat || chat.a >= ds.chats.count) throw Errors.invalidCursor(param, "chat", raw);
        return { t: c.t, id: chatId(ds.ids, chat.a) };
      };
      const projects = projectIds.length > 0 ? new Set(projectIds.map((id) => ds.projects.byId.get(id) ?? -2)) : null;
      const { items, hasMore } = queryChats(ds.chats, ds.ids, {
        sortKey,
        users: perUser ? userFilter(ds, userIds) : null,
        orgs: orgFilter(ds, q.list("organization_ids")),
        projects,
        created,
        updated,
        after: cursorKey("after_id", cursors.after),
        before: cursorKey("before_id", cursors.before),
        limit,
        isGone: (ci) => isChatGone(ctx.state, ci),
      });
      const times = sortKey === "created_at" ? ds.chats.created : ds.chats.updated;
      const cursor = (ci: number | undefined): string | null => (ci === undefined ? null : encodeChatCursor(sortKey, times[ci]!, chatUuid(ds.ids, ci)));
      return {
        json: {
          data: items.map((ci) => chatJson(ds, ci)),
          has_more: hasMore,
          first_id: cursor(items[0]),
          last_id: cursor(items[items.length - 1]),
        },
      };
    },
  },
  {
    method: "DELETE",
    path: `${BASE}/:claude_chat_id`,
    scope: SCOPE.delete,
    handler: (ctx) => {
      const ci = resolveChat(ctx, ctx.params.claude_chat_id!);
      ctx.state.deletedChats.add(ci);
      const project = ctx.ds.chats.project[ci]!;
      const id = chatId(ctx.ds.ids, ci);
      ctx.emit("claude_chat_deleted", ctx.ds.chats.org[ci]!, {
        claude_chat_id: id,
        claude_project_id: project >= 0 ? ctx.ds.projects.list[project]!.id : null,
      });
      return { json: { id, type: "claude_chat_deleted" } };
    },
  },
];
