import { z } from "zod";

/** A custodian's chats and sessions together, newest first, each marked by kind. Client-safe. */
export const TimelineItemKind = z.enum(["chat", "local_session", "remote_session"]);
export type TimelineItemKind = z.infer<typeof TimelineItemKind>;

export const TimelineItem = z.object({
  kind: TimelineItemKind,
  id: z.string(),
  /** A chat's name (empty when the user deleted it), or the session's product in words. */
  title: z.string(),
  deleted: z.boolean(),
  organizationUuid: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string().nullable(),
  /** Remote sessions only. */
  status: z.string().nullable(),
});
export type TimelineItem = z.infer<typeof TimelineItem>;

export const CustodianTimeline = z.object({
  userId: z.string(),
  email: z.string().nullable(),
  items: z.array(TimelineItem),
  /** Sources Docket stopped reading before their end: the view is then partial, and says so. */
  incomplete: z.array(z.object({ kind: TimelineItemKind, reason: z.string() })),
});
export type CustodianTimeline = z.infer<typeof CustodianTimeline>;

export const TIMELINE_KIND_NAMES: Record<TimelineItemKind, string> = {
  chat: "Chat",
  local_session: "Session on their machine",
  remote_session: "Session in the cloud",
};
