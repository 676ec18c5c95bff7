import "server-only";
import { AppError } from "@/lib/server/http/errors";
import { MAX_USERS_PER_CHAT_QUERY } from "@/lib/server/compliance/merge-chat-listings";
import type { ChatListRequest } from "./request-schemas";

/**
 * The Compliance API refuses some combinations of chat filters. Docket knows them, so it tells the
 * reviewer what to change before spending a request (and rate-limit budget) on a certain refusal.
 */
export function explainChatListRules(request: ChatListRequest): void {
  const perUser = (request.userIds?.length ?? 0) > 0;
  const orderBy = request.orderBy ?? "created_at";
  const refuse = (message: string) => {
    throw new AppError("invalid_request", message);
  };
  if (request.after !== undefined && request.before !== undefined) {
    refuse("Page either forward (after) or backward (before), not both at once. Remove one of the two cursors.");
  }
  if (perUser && orderBy === "updated_at") {
    refuse(
      "Chats of selected users can only be sorted by creation time. Sort by created, or clear the user selection to sort the whole organisation by last update.",
    );
  }
  if (!perUser && request.projectIds !== undefined) {
    refuse("The project filter works only together with selected users. Select the users whose chats in this project you want, or remove the project filter.");
  }
  if (!perUser && orderBy === "created_at" && (request.updatedFrom !== undefined || request.updatedTo !== undefined)) {
    refuse("Across a whole organisation, an updated-time range needs the list sorted by last update. Sort by updated, or use a created-time range instead.");
  }
  if (!perUser && orderBy === "updated_at" && (request.createdFrom !== undefined || request.createdTo !== undefined)) {
    refuse("Across a whole organisation, a created-time range needs the list sorted by creation time. Sort by created, or use an updated-time range instead.");
  }
  if (!perUser && request.before !== undefined) {
    refuse("Organisation-wide chat lists page forward only. Start again from the first page, or select users to page both ways.");
  }
  if ((request.userIds?.length ?? 0) > MAX_USERS_PER_CHAT_QUERY && request.before !== undefined) {
    refuse(
      `With more than ${MAX_USERS_PER_CHAT_QUERY} users selected, chats page forward only. Start again from the first page, or select ${MAX_USERS_PER_CHAT_QUERY} users or fewer to page both ways.`,
    );
  }
}
