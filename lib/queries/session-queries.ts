import { infiniteQueryOptions, queryOptions, type InfiniteData } from "@tanstack/react-query";
import { sessionKindOf, sessionListApiQuery, type SessionFilters } from "@/lib/console/session-filters";
import { CustodianTimeline } from "@/lib/schemas/custodian-timeline";
import { SessionListPage, SessionTranscriptPage, type SessionKind } from "@/lib/schemas/sessions";
import { apiFetch } from "./api-fetch";

/** Messages per request, as in a chat's thread. */
export const SESSION_PAGE_SIZE = 100;

/** A transcript page's token; null asks for the first page. */
export type SessionPageParam = string | null;
export type SessionTranscriptData = InfiniteData<SessionTranscriptPage, SessionPageParam>;

export const sessionKeys = {
  all: ["sessions"] as const,
  list: (filters: SessionFilters) => [...sessionKeys.all, "list", filters] as const,
  transcript: (kind: SessionKind, sessionId: string) => [...sessionKeys.all, kind, sessionId, "transcript"] as const,
};

/** Sessions per page of the list. */
const SESSION_LIST_PAGE_SIZE = 50;

export const sessionListOptions = (filters: SessionFilters) =>
  infiniteQueryOptions({
    queryKey: sessionKeys.list(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiFetch(`/api/sessions/${sessionKindOf(filters)}?${sessionListApiQuery(filters, SESSION_LIST_PAGE_SIZE, pageParam)}`, SessionListPage, { signal }),
    getNextPageParam: (lastPage) => lastPage.nextPage ?? undefined,
  });

/** One page of a session's transcript; `untruncated` asks for tool inputs and results in full. */
export function fetchSessionPage(
  kind: SessionKind,
  sessionId: string,
  page: SessionPageParam,
  options: { untruncated?: boolean; signal?: AbortSignal } = {},
): Promise<SessionTranscriptPage> {
  const search = new URLSearchParams({ limit: String(SESSION_PAGE_SIZE) });
  if (page) search.set("page", page);
  if (options.untruncated) search.set("untruncated", "1");
  return apiFetch(`/api/sessions/${kind}/${encodeURIComponent(sessionId)}/messages?${search.toString()}`, SessionTranscriptPage, {
    signal: options.signal,
  });
}

type TranscriptKey = ReturnType<typeof sessionKeys.transcript>;

export const sessionTranscriptOptions = (kind: SessionKind, sessionId: string) =>
  infiniteQueryOptions<SessionTranscriptPage, Error, SessionTranscriptData, TranscriptKey, SessionPageParam>({
    queryKey: sessionKeys.transcript(kind, sessionId),
    initialPageParam: null,
    queryFn: ({ pageParam, signal }) => fetchSessionPage(kind, sessionId, pageParam, { signal }),
    // The API pages transcripts forward only.
    getNextPageParam: (lastPage) => lastPage.nextPage ?? undefined,
    // Each page read is audited; a transcript does not change while it is read.
    staleTime: Infinity,
  });

export const custodianTimelineOptions = (userId: string, range: { from?: string; before?: string }) =>
  queryOptions({
    queryKey: ["custodians", userId, "timeline", range] as const,
    queryFn: ({ signal }) => {
      const search = new URLSearchParams(Object.entries(range).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""));
      return apiFetch(`/api/custodians/${encodeURIComponent(userId)}/timeline?${search.toString()}`, CustodianTimeline, { signal });
    },
  });
