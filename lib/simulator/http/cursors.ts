// Opaque cursors and page tokens, shaped like the ones observed in the docs:
// - chats: base64 of `{"k": "created_at", "t": "<python isoformat>", "id": "<chat uuid>"}`
// - chat messages: base64 of `{"msg_uuid": "<uuid>"}`
// - activities: base64 of `{"t": ..., "id": "activity_..."}` (raw activity ids are accepted too)
// - page tokens: `page_` + base64url JSON naming the endpoint (and its scope), so a token from
//   another endpoint, another session or another sort order is rejected.
// A cursor carries the sort key and id of the last item, not a position, so paging continues
// correctly after that item is deleted.

import { formatPython, parseRfc3339 } from "../dataset/time";

function b64(json: string): string {
  return Buffer.from(json, "utf8").toString("base64");
}

function unb64(s: string): unknown {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(s)) return null;
  try {
    return JSON.parse(Buffer.from(s, "base64").toString("utf8")) as unknown;
  } catch {
    return null;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface ChatCursor {
  k: "created_at" | "updated_at";
  t: number;
  uuid: string;
}

export function encodeChatCursor(k: ChatCursor["k"], t: number, uuid: string): string {
  // Python json.dumps spacing, as in the decoded docs example.
  return b64(`{"k": ${JSON.stringify(k)}, "t": ${JSON.stringify(formatPython(t))}, "id": ${JSON.stringify(uuid)}}`);
}

export function decodeChatCursor(s: string): ChatCursor | null {
  const v = unb64(s) as { k?: unknown; t?: unknown; id?: unknown } | null;
  if (!v || typeof v !== "object") return null;
  if (v.k !== "created_at" && v.k !== "updated_at") return null;
  if (typeof v.t !== "string" || typeof v.id !== "string" || !UUID.test(v.id)) return null;
  const t = parseRfc3339(v.t);
  return t === null ? null : { k: v.k, t, uuid: v.id };
}

export function encodeMessageCursor(uuid: string): string {
  return b64(`{"msg_uuid": ${JSON.stringify(uuid)}}`);
}

export function decodeMessageCursor(s: string): string | null {
  const v = unb64(s) as { msg_uuid?: unknown } | null;
  return v && typeof v === "object" && typeof v.msg_uuid === "string" ? v.msg_uuid : null;
}

export function encodeActivityCursor(t: number, id: string): string {
  return b64(`{"t": ${JSON.stringify(formatPython(t))}, "id": ${JSON.stringify(id)}}`);
}

export function decodeActivityCursor(s: string): { t: number; id: string } | null {
  const v = unb64(s) as { t?: unknown; id?: unknown } | null;
  if (!v || typeof v !== "object" || typeof v.t !== "string" || typeof v.id !== "string") return null;
  const t = parseRfc3339(v.t);
  return t === null ? null : { t, id: v.id };
}

export interface PageToken {
  /** Endpoint and scope the token was issued for, e.g. "users:<org uuid>". */
  e: string;
  /** Position in the endpoint's immutable base order after which the next page starts. */
  p: number;
}

export function encodePageToken(endpoint: string, position: number): string {
  return `page_${Buffer.from(JSON.stringify({ e: endpoint, p: position }), "utf8").toString("base64url")}`;
}

/** The position carried by a token issued for `endpoint`, or null if it is not one. */
export function decodePageToken(token: string, endpoint: string): number | null {
  if (!token.startsWith("page_")) return null;
  const body = token.slice(5);
  if (!/^[A-Za-z0-9_-]+$/.test(body)) return null;
  try {
    const v = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Partial<PageToken>;
    if (v.e !== endpoint || typeof v.p !== "number" || !Number.isInteger(v.p) || v.p < 0) return null;
    return v.p;
  } catch {
    return null;
  }
}
