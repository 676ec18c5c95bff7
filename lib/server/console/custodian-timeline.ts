import "server-only";
import type { CustodianTimeline, TimelineItem, TimelineItemKind } from "@/lib/schemas/custodian-timeline";
import { productSurfaceName } from "@/lib/schemas/sessions";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { AppError } from "@/lib/server/http/errors";
import type { ConsoleRead } from "./console-read";
import type { CustodianTimelineRequest } from "./request-schemas";

/** Items per source: past it, the view says it is partial and asks for a narrower time range. */
export const TIMELINE_ITEMS_PER_SOURCE = 500;
/** The chat list runs oldest first (the newest come last), so it is read whole up to this many pages of 1,000. */
export const CHAT_PAGES_READ = 5;
/** The local session list has no owner filter, so Docket reads it and keeps the custodian's: at most this many pages. */
export const LOCAL_SESSION_PAGES_READ = 20;

type Source = { items: TimelineItem[]; email: string | null; incomplete: string | null };

/**
 * A custodian's chats, sessions on their machines and sessions in the cloud, merged newest first. The
 * three lists are read side by side: chats (oldest first) up to CHAT_PAGES_READ pages, the session lists
 * (newest first) up to TIMELINE_ITEMS_PER_SOURCE items, and the local session list, which the API cannot
 * filter by person, up to LOCAL_SESSION_PAGES_READ pages. Whatever is cut is said.
 */
export async function getCustodianTimeline(
  client: ComplianceClient,
  userId: string,
  request: CustodianTimelineRequest,
): Promise<ConsoleRead<CustodianTimeline>> {
  if (request.from !== undefined && request.before !== undefined && Date.parse(request.before) <= Date.parse(request.from)) {
    throw new AppError("invalid_request", "The end of the time range must come after its start.");
  }
  const createdAt = request.from === undefined && request.before === undefined ? undefined : { gte: request.from, lt: request.before };
  const requestIds: string[] = [];
  const keep = <T>(result: { data: T; requestId: string | null }): T => {
    if (result.requestId) requestIds.push(result.requestId);
    return result.data;
  };

  const chats = async (): Promise<Source> => {
    const source: Source = { items: [], email: null, incomplete: null };
    for (let afterId: string | undefined; ;) {
      const page = keep(await client.chats.list({ userIds: [userId], createdAt, limit: 1000, afterId }));
      for (const chat of page.data) {
        source.email ??= chat.user?.email_address ?? null;
        source.items.push(item("chat", chat.id, chat.name, chat.deleted_at !== null, chat.organization_uuid, chat.created_at, chat.updated_at, null));
      }
      if (!page.has_more || page.last_id === null) return source;
      if (source.items.length >= CHAT_PAGES_READ * 1000) {
        return {
          ...source,
          incomplete: `More than ${(CHAT_PAGES_READ * 1000).toLocaleString("en")} chats, listed oldest first: the newest are missing. Narrow the time range.`,
        };
      }
      afterId = page.last_id;
    }
  };
  const remoteSessions = async (): Promise<Source> => {
    const source: Source = { items: [], email: null, incomplete: null };
    for (let token: string | undefined; ;) {
      const page = keep(await client.sessions.listRemote({ userIds: [userId], createdAt, limit: 500, page: token }));
      for (const session of page.data) {
        source.email ??= session.user?.email_address ?? null;
        const title = productSurfaceName(session.product_surface);
        source.items.push(item("remote_session", session.id, title, false, session.organization_uuid, session.created_at, session.updated_at, session.status));
      }
      if (page.next_page === null) return source;
      if (source.items.length >= TIMELINE_ITEMS_PER_SOURCE) return { ...source, incomplete: tooMany("sessions in the cloud") };
      token = page.next_page;
    }
  };
  const localSessions = async (): Promise<Source> => {
    const source: Source = { items: [], email: null, incomplete: null };
    let token: string | undefined;
    for (let pages = 1; ; pages += 1) {
      const page = keep(await client.sessions.listLocal({ createdAt: createdAt && { gte: createdAt.gte, lt: createdAt.lt }, limit: 500, page: token }));
      for (const session of page.data) {
        if (session.user?.id !== userId) continue;
        source.email ??= session.user.email_address;
        const title = productSurfaceName(session.product_surface);
        source.items.push(item("local_session", session.id, title, false, session.organization_uuid, session.created_at, null, null));
      }
      if (page.next_page === null) return source;
      if (source.items.length >= TIMELINE_ITEMS_PER_SOURCE) return { ...source, incomplete: tooMany("sessions on their machines") };
      if (pages >= LOCAL_SESSION_PAGES_READ) {
        const read = pages * 500;
        return {
          ...source,
          incomplete: `The API cannot list one person's sessions on their machines, so Docket read the organisation's newest ${read.toLocaleString("en")} and kept this person's. Narrow the time range to see older ones.`,
        };
      }
      token = page.next_page;
    }
  };

  const [chatSource, remoteSource, localSource] = await Promise.all([chats(), remoteSessions(), localSessions()]);
  const sources: Array<[TimelineItemKind, Source]> = [
    ["chat", chatSource],
    ["remote_session", remoteSource],
    ["local_session", localSource],
  ];
  const items = sources.flatMap(([, source]) => source.items).sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || a.id.localeCompare(b.id));
  return {
    dto: {
      userId,
      email: chatSource.email ?? remoteSource.email ?? localSource.email,
      items,
      incomplete: sources.flatMap(([kind, source]) => (source.incomplete ? [{ kind, reason: source.incomplete }] : [])),
    },
    upstreamRequestIds: requestIds,
  };
}

function tooMany(what: string): string {
  return `More than ${TIMELINE_ITEMS_PER_SOURCE} ${what}: the newest are not all shown. Narrow the time range.`;
}

function item(
  kind: TimelineItemKind,
  id: string,
  title: string,
  deleted: boolean,
  organizationUuid: string | null,
  createdAt: string,
  updatedAt: string | null,
  status: string | null,
): TimelineItem {
  return { kind, id, title, deleted, organizationUuid, createdAt, updatedAt, status };
}
