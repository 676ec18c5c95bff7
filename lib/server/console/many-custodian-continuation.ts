import "server-only";
import { z } from "zod";
import type { Chat } from "@/lib/server/compliance/schemas/chats";
import { isRfc3339 } from "@/lib/server/compliance/query-params";
import { AppError } from "@/lib/server/http/errors";

/**
 * Where a listing of more than ten users' chats stopped: the last chat shown, as the sort needs it
 * (created_at, then id). Base64url JSON, so it travels as an ordinary cursor; it holds an identifier
 * and a timestamp, never content. Version 1 also held the chat's href, from when ties were broken by
 * the UUID in it; such a link is refused like any other stale one.
 */
const Position = z
  .object({
    v: z.literal(2),
    createdAt: z.string().refine(isRfc3339),
    id: z.string().max(200),
  })
  .strict();

export type ListingPosition = Pick<Chat, "created_at" | "id">;

export function encodeContinuation(position: ListingPosition): string {
  return Buffer.from(JSON.stringify({ v: 2, createdAt: position.created_at, id: position.id })).toString("base64url");
}

/** The position in the shape compareChats takes, so it compares like the listing itself. */
export function decodeContinuation(cursor: string): ListingPosition {
  try {
    const position = Position.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return { created_at: position.createdAt, id: position.id };
  } catch {
    throw new AppError("invalid_request", "This page link no longer matches the user selection. Start again from the first page.");
  }
}
