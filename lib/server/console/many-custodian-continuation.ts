import "server-only";
import { z } from "zod";
import type { Chat } from "@/lib/server/compliance/schemas/chats";
import { isRfc3339 } from "@/lib/server/compliance/query-params";
import { AppError } from "@/lib/server/http/errors";

/**
 * Where a listing of more than ten users' chats stopped: the last chat shown, as the sort needs it
 * (created_at, then the id hidden in href, then the tagged id). Base64url JSON, so it travels as an
 * ordinary cursor; it holds identifiers and a timestamp, never content.
 */
const Position = z
  .object({
    v: z.literal(1),
    createdAt: z.string().refine(isRfc3339),
    href: z.string().max(2048).nullable(),
    id: z.string().max(200),
  })
  .strict();

export function encodeContinuation(chat: Chat): string {
  return Buffer.from(JSON.stringify({ v: 1, createdAt: chat.created_at, href: chat.href, id: chat.id })).toString("base64url");
}

/** The position as a chat, so it compares with compareChats like the listing itself. */
export function decodeContinuation(cursor: string): Chat {
  let position: z.output<typeof Position>;
  try {
    position = Position.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new AppError("invalid_request", "This page link no longer matches the user selection. Start again from the first page.");
  }
  return {
    id: position.id,
    href: position.href,
    created_at: position.createdAt,
    name: "",
    updated_at: null,
    deleted_at: null,
    model: null,
    organization_uuid: null,
    project_id: null,
    user: null,
  };
}
