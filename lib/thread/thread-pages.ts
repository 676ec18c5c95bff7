import type { ChatThreadPage } from "@/lib/schemas/console";

/** Where the thread opens: at the chat's first message, at a time (a deep link's message time), or at its last message. */
export type ThreadOpening = { kind: "start" } | { kind: "at"; at: string } | { kind: "end" };

/** Where one page starts: the opening, or either side of a loaded page's cursor. */
export type ThreadPageParam = ThreadOpening | { kind: "after"; cursor: string } | { kind: "before"; cursor: string };

/** What the thread says of the messages before the loaded ones. */
export type EarlierMessages = "none" | "more" | "unchecked";

/** The query that finds the chat's newest message (its time is where an "end" opening starts). */
export function newestMessageSearch(): URLSearchParams {
  return new URLSearchParams({ limit: "1", order: "desc" });
}

/** The query string of Docket's messages route for one page, oldest message first ("end" is opened as "at" its newest message's time). */
export function threadPageSearch(param: Exclude<ThreadPageParam, { kind: "end" }>, limit: number, untruncated: boolean): URLSearchParams {
  const search = new URLSearchParams({ limit: String(limit), order: "asc" });
  if (param.kind === "at") search.set("from", param.at);
  if (param.kind === "after") search.set("after", param.cursor);
  if (param.kind === "before") search.set("before", param.cursor);
  if (untruncated) search.set("untruncated", "1");
  return search;
}

/** The page after the last loaded one; pages before a cursor are only ever prepended, so the last page never is one. */
export function nextPageParam(lastPage: ChatThreadPage): ThreadPageParam | undefined {
  return lastPage.hasMore && lastPage.lastCursor ? { kind: "after", cursor: lastPage.lastCursor } : undefined;
}

/** The page before the first loaded one, given how that first page was asked for. */
export function previousPageParam(firstPage: ChatThreadPage, firstParam: ThreadPageParam): ThreadPageParam | undefined {
  const before = firstPage.firstCursor ? ({ kind: "before", cursor: firstPage.firstCursor } as const) : undefined;
  switch (firstParam.kind) {
    // Nothing comes before the chat's start; pages after a cursor are only ever appended, so never first.
    case "start":
    case "after":
      return undefined;
    // A page opened at a time says nothing of what came before it, so the first step back is always taken.
    case "at":
    case "end":
      return before;
    // Paging backward (before_id), the API's has_more speaks of still earlier messages.
    case "before":
      return firstPage.hasMore ? before : undefined;
  }
}

/** Whether messages before the loaded ones exist, as far as the pages asked so far tell. */
export function earlierMessages(firstParam: ThreadPageParam, hasPreviousPage: boolean): EarlierMessages {
  if (firstParam.kind === "at" || firstParam.kind === "end") return "unchecked";
  return hasPreviousPage ? "more" : "none";
}
