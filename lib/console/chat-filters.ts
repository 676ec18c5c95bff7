/**
 * The chats explorer's filters as they travel in the page URL (`/chats?users=…&org=…`), and what the
 * Compliance API will refuse, known before any request. Client-safe: the page, the form and the
 * table share it.
 */
import { pickUrlFilters, urlFiltersQueryString } from "./url-filters";

export const CHAT_FILTER_NAMES = [
  "users",
  "org",
  "project",
  "orderBy",
  "createdFrom",
  "createdTo",
  "updatedFrom",
  "updatedTo",
  "limit",
  "after",
  "before",
  /** `1`: chats their users deleted in claude.ai are left out of the view (the API has no such filter). */
  "hideDeleted",
] as const;
export type ChatFilterName = (typeof CHAT_FILTER_NAMES)[number];
export type ChatFilters = Partial<Record<ChatFilterName, string>>;

/** Reads the filters from search params. */
export function parseChatFilters(raw: Record<string, string | string[] | undefined>): ChatFilters {
  return pickUrlFilters(CHAT_FILTER_NAMES, raw);
}

export function selectedUserIds(filters: ChatFilters): string[] {
  return (filters.users ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
}

/** The page's own query string, in a stable order (links and query keys). */
export function chatFiltersQueryString(filters: ChatFilters): string {
  return urlFiltersQueryString(CHAT_FILTER_NAMES, filters);
}

export function chatsPageHref(filters: ChatFilters): string {
  const query = chatFiltersQueryString(filters);
  return query ? `/chats?${query}` : "/chats";
}

/**
 * The query for /api/chats. The organisation only scopes an organisation-wide listing: with users
 * selected, the users already decide whose chats are listed.
 */
export function chatListApiQuery(filters: ChatFilters): string {
  const isPerUser = selectedUserIds(filters).length > 0;
  const entries: Array<[string, string | undefined]> = [
    ["userIds", isPerUser ? selectedUserIds(filters).join(",") : undefined],
    ["orgIds", isPerUser ? undefined : filters.org],
    ["projectIds", filters.project],
    ["orderBy", filters.orderBy],
    ["createdFrom", filters.createdFrom],
    ["createdTo", filters.createdTo],
    ["updatedFrom", filters.updatedFrom],
    ["updatedTo", filters.updatedTo],
    ["limit", filters.limit],
    ["after", filters.after],
    ["before", filters.before],
  ];
  return new URLSearchParams(entries.filter((entry): entry is [string, string] => entry[1] !== undefined)).toString();
}

/** The filters the API is asked with: what only Docket's view applies is left out, so toggling it reads nothing again. */
export function chatListQueryFilters(filters: ChatFilters): ChatFilters {
  return { ...filters, hideDeleted: undefined };
}

/** How the API orders the list just asked for: always oldest first, by the chosen time. */
export function chatListOrderNote(filters: ChatFilters): string {
  return filters.orderBy === "updated_at"
    ? "Least recently updated first: the Compliance API lists chats in ascending time only, so the latest updates are on the last page."
    : "Oldest first by creation: the Compliance API lists chats in ascending time only (sorting by last update, organisation-wide, is the nearest to newest first).";
}

/** The console's routes record filters in the audit row, which bounds how many ids one listing takes. */
export const MAX_SELECTED_USERS = 100;

export type ChatFilterProblems = Partial<Record<ChatFilterName, string>>;

/**
 * The combinations the Compliance API refuses, each explained next to the field to change. Mirrors
 * the server's own check, which stays the authority: this only spares the reviewer a certain refusal.
 */
export function explainChatFilterProblems(filters: ChatFilters): ChatFilterProblems {
  const isPerUser = selectedUserIds(filters).length > 0;
  const orderBy = filters.orderBy ?? "created_at";
  const problems: ChatFilterProblems = {};
  if (selectedUserIds(filters).length > MAX_SELECTED_USERS) {
    problems.users = `At most ${MAX_SELECTED_USERS} users at a time. Select fewer custodians and review the rest in a second list.`;
  }
  if (filters.after && filters.before) {
    problems.before = "Page either forward or backward, not both at once.";
  }
  if (isPerUser && orderBy === "updated_at") {
    problems.orderBy =
      "Chats of selected users can only be sorted by creation time. Sort by created, or clear the users to sort the whole organisation by last update.";
  }
  if (!isPerUser && filters.project) {
    problems.project = "The project filter works only together with selected users. Select users, or remove the project.";
  }
  if (!isPerUser && orderBy === "created_at" && (filters.updatedFrom || filters.updatedTo)) {
    problems.updatedFrom =
      "Across a whole organisation, an updated-time range needs the list sorted by last update. Sort by updated, or use a created-time range.";
  }
  if (!isPerUser && orderBy === "updated_at" && (filters.createdFrom || filters.createdTo)) {
    problems.createdFrom =
      "Across a whole organisation, a created-time range needs the list sorted by creation time. Sort by created, or use an updated-time range.";
  }
  if (!isPerUser && filters.before) {
    problems.before = "Organisation-wide chat lists page forward only. Start again from the first page, or select users.";
  }
  return problems;
}
