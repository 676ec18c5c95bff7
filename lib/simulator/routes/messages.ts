// GET /v1/compliance/apps/chats/{claude_chat_id}/messages: chat metadata plus a page of messages.

import { SCOPE } from "../dataset/api-keys";
import { chatFileInfo, fileRefsOf, generatedOf, genFileInfo } from "../dataset/chat-files";
import { ChatKind, messageTime } from "../dataset/chats";
import type { Dataset } from "../dataset/dataset";
import { Kind } from "../dataset/ids";
import { artifactRefsOf, contentOf, DEFAULT_TOOL_MAX_CHARS, messageId, messageUuid, roleOf, truncateBlocks } from "../dataset/messages";
import { formatUs, type TimeRange } from "../dataset/time";
import type { RouteDef } from "../http/context";
import { decodeMessageCursor, encodeMessageCursor } from "../http/cursors";
import { Errors } from "../http/errors";
import { parseCursors, parseEnum, parseMaxChars, parseOptionalLimit, parseRange } from "../http/query";
import type { State } from "../state";
import { chatFileIsLive, generatedDigest, messageFileEntry } from "./files";
import { chatJson, resolveChat } from "./render";

/** First message index whose time satisfies the lower bounds of r (times increase with index). */
function firstIndex(n: number, time: (i: number) => number, r: TimeRange): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const t = time(mid);
    if ((r.gte !== undefined && t < r.gte) || (r.gt !== undefined && t <= r.gt)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One past the last index whose time satisfies the upper bounds of r. */
function endIndex(n: number, time: (i: number) => number, r: TimeRange): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const t = time(mid);
    if ((r.lte !== undefined && t > r.lte) || (r.lt !== undefined && t >= r.lt)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function renderMessage(ds: Dataset, state: State, ci: number, i: number, toolUseMax: number, toolResultMax: number): Record<string, unknown> {
  const files = fileRefsOf(ds.chats, ds.seed, ci, i)
    .map((ref) => chatFileInfo(ds.chats, ds.ids, ds.seed, ci, ref.msg, ref.slot)!)
    .filter((info) => chatFileIsLive(state, info))
    .map((info) =>
      messageFileEntry(
        info,
        info.large ? ds.blobs.largeDigest()! : ds.blobs.digest({ type: info.type, key: info.key, title: info.filename, hostile: info.hostile }),
      ),
    );
  const generated = generatedOf(ds.chats, ds.seed, ci, i).map((_, slot) => {
    const info = genFileInfo(ds.chats, ds.ids, ds.seed, ci, i, slot)!;
    const digest = generatedDigest(ds, info);
    return {
      id: info.id,
      filename: info.filename,
      md5: digest ? digest.md5.toString("hex") : null,
      mime_type: info.mimeType,
      size_bytes: digest ? digest.size : null,
    };
  });
  const artifacts = artifactRefsOf(ds.chats, ds.ids, ds.seed, ci, i);
  return {
    id: messageId(ds.ids, ci, i),
    role: roleOf(i),
    created_at: formatUs(messageTime(ds.chats, ds.seed, ci, i)),
    content: truncateBlocks(contentOf(ds.chats, ds.ids, ds.seed, ci, i), toolUseMax, toolResultMax),
    // Documented as "array or null"; absent lists are sent as null.
    files: files.length > 0 ? files : null,
    generated_files: generated.length > 0 ? generated : null,
    artifacts: artifacts.length > 0 ? artifacts : null,
  };
}

export const messageRoutes: RouteDef[] = [
  {
    method: "GET",
    path: "/v1/compliance/apps/chats/:claude_chat_id/messages",
    scope: SCOPE.userData,
    handler: async (ctx) => {
      const { ds, query: q } = ctx;
      const limit = parseOptionalLimit(q, 1000);
      const order = parseEnum(q, "order", ["asc", "desc"] as const, "asc");
      const created = parseRange(q, "created_at");
      // Messages expose no updated_at; it is treated as equal to created_at (undocumented).
      const updated = parseRange(q, "updated_at");
      const toolResultMax = parseMaxChars(q, "tool_result_max_chars", DEFAULT_TOOL_MAX_CHARS);
      const toolUseMax = parseMaxChars(q, "tool_use_input_max_chars", DEFAULT_TOOL_MAX_CHARS);
      const cursors = parseCursors(q);
      const ci = resolveChat(ctx, ctx.params.claude_chat_id!);
      if (ds.chats.kind[ci] === ChatKind.LargeFile) await ds.blobs.ensureLarge();

      const n = ds.chats.messageCount[ci]!;
      const time = (i: number): number => messageTime(ds.chats, ds.seed, ci, i);
      let lo = Math.max(firstIndex(n, time, created), firstIndex(n, time, updated));
      let hi = Math.min(endIndex(n, time, created), endIndex(n, time, updated));
      const cursorIndex = (param: "after_id" | "before_id", raw: string): number => {
        const uuid = decodeMessageCursor(raw);
        const d = uuid === null ? null : ds.ids.decodeUuid(Kind.MessageUuid, uuid);
        if (!d || d.a !== ci || d.b >= n) throw Errors.invalidCursor(param, "message", raw);
        return d.b;
      };
      // after_id moves forward in result order, before_id backward; `order` sets which way is up.
      const up = (order === "asc") === (cursors.before === null);
      if (cursors.after !== null || cursors.before !== null) {
        const at = cursors.after !== null ? cursorIndex("after_id", cursors.after) : cursorIndex("before_id", cursors.before!);
        if (up) lo = Math.max(lo, at + 1);
        else hi = Math.min(hi, at);
      }
      const available = Math.max(0, hi - lo);
      const take = limit === null ? available : Math.min(limit, available);
      let indices: number[] = up ? Array.from({ length: take }, (_, k) => lo + k) : Array.from({ length: take }, (_, k) => hi - 1 - k);
      // Present in result order: ascending for asc, descending for desc.
      if ((order === "asc") !== up) indices = indices.reverse();
      const messages = indices.map((i) => renderMessage(ds, ctx.state, ci, i, toolUseMax, toolResultMax));
      const cursor = (i: number | undefined): string | null => (i === undefined ? null : encodeMessageCursor(messageUuid(ds.ids, ci, i)));
      return {
        json: {
          ...chatJson(ds, ci),
          chat_messages: messages,
          has_more: take < available,
          first_id: cursor(indices[0]),
          last_id: cursor(indices[indices.length - 1]),
        },
      };
    },
  },
];
