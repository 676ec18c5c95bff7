import { z } from "zod";
import { ChatMessage, UserRef } from "./console";

/**
 * Sessions of Claude apps and agents (Cowork, Claude Code), as Docket's routes return them. Local
 * sessions ran on people's machines; remote ones in Anthropic's cloud. Client-safe.
 */

export const SessionKind = z.enum(["local", "remote"]);
export type SessionKind = z.infer<typeof SessionKind>;

export const SessionSummary = z.object({
  kind: SessionKind,
  id: z.string(),
  organizationUuid: z.string().nullable(),
  /** Local sessions only; null when the session had no workspace. */
  workspaceId: z.string().nullable(),
  /** The owner; null for a remote session an agent owns. */
  user: UserRef.nullable(),
  /** Remote sessions an agent owns (a scheduled task): the agent, and the person who started the run. */
  agentId: z.string().nullable(),
  startedBy: UserRef.nullable(),
  productSurface: z.string().nullable(),
  /** Remote sessions only: pending, active, paused, archived, failed, or a value Docket does not know. */
  status: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string().nullable(),
  projectId: z.string().nullable(),
});
export type SessionSummary = z.infer<typeof SessionSummary>;

export const SessionListPage = z.object({
  sessions: z.array(SessionSummary),
  /** Pass as `page` for the next page; the API pages forward only. */
  nextPage: z.string().nullable(),
});
export type SessionListPage = z.infer<typeof SessionListPage>;

export const SessionTranscriptPage = z.object({
  session: SessionSummary,
  messages: z.array(ChatMessage),
  nextPage: z.string().nullable(),
});
export type SessionTranscriptPage = z.infer<typeof SessionTranscriptPage>;

const SURFACE_NAMES: Record<string, string> = {
  cowork: "Cowork in Claude Desktop",
  claude_code: "Claude Code",
  cowork_remote: "Cowork in the cloud",
};

/** A session's product in words; the API adds values as coverage grows, and those are shown as sent. */
export function productSurfaceName(surface: string | null): string {
  if (surface === null) return "Product not named by the API";
  return SURFACE_NAMES[surface] ?? `Another product (${surface})`;
}

export const SESSION_KIND_NAMES: Record<SessionKind, string> = {
  local: "On a person's machine",
  remote: "In Anthropic's cloud",
};
