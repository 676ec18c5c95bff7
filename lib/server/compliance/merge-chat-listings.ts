import "server-only";
import type { Chat } from "./schemas/chats";
import { compareTimestamps } from "./timestamps";

/** The API accepts at most this many user_ids[] per chats request. */
export const MAX_USERS_PER_CHAT_QUERY = 10;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}

/** The API's order for chat listings: created_at ascending, ties broken by id (the reference's words). */
export function compareChats(a: Pick<Chat, "created_at" | "id">, b: Pick<Chat, "created_at" | "id">): number {
  return compareTimestamps(a.created_at, b.created_at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Merges sorted streams (one per batch of ten users) into one stream in the API's order. Each stream
 * is read lazily, one item ahead, so a listing of hundreds of custodians holds only one page per batch.
 */
export async function* mergeSortedChats(streams: AsyncIterable<Chat>[]): AsyncGenerator<Chat> {
  const iterators = streams.map((stream) => stream[Symbol.asyncIterator]());
  const heads = await Promise.all(iterators.map((iterator) => iterator.next()));
  for (;;) {
    let best = -1;
    heads.forEach((head, index) => {
      if (head.done) return;
      const current = heads[best];
      if (best === -1 || (current && !current.done && compareChats(head.value, current.value) < 0)) best = index;
    });
    const winner = heads[best];
    if (best === -1 || !winner || winner.done) return;
    yield winner.value;
    heads[best] = await iterators[best]!.next();
  }
}
