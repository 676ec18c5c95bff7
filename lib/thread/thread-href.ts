/**
 * The address of a chat's thread, opened at a message: with the message's time (`at`), the thread's
 * first request starts there, instead of paging forward from the chat's start until the message turns up.
 */
export function threadHref(chatId: string, { messageId, at }: { messageId?: string; at?: string } = {}): string {
  const search = new URLSearchParams();
  if (messageId !== undefined) search.set("message", messageId);
  if (at !== undefined) search.set("at", at);
  const query = search.toString();
  return `/chats/${encodeURIComponent(chatId)}${query === "" ? "" : `?${query}`}`;
}
