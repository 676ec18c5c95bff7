// Local (Cowork / Claude Code on users' machines) and remote (Cowork in the cloud) sessions.
// Session rows are materialised (a few thousand at most); transcripts are derived on demand.

import type { Directory } from "./directory";
import { MULTILINGUAL } from "./corpus";
import { HOSTILE_SNIPPETS } from "./hostile";
import { type IdCodec, Kind, PREFIX } from "./ids";
import type { Profile } from "./profiles";
import type { ProjectTable } from "./projects";
import { Rng, hashInts, pickBy } from "./prng";
import { DATASET_EPOCH_US, US_PER_DAY, US_PER_SECOND } from "./time";

export enum LocalKind {
  Normal,
  /** Captured metadata only: every turn is `content_unavailable` / `not_captured`. */
  NotCaptured,
  /** The start aged past retention: a leading `retention_elapsed` placeholder. */
  RetentionStraddle,
  ClientAsserted,
  Oversize,
}

export interface LocalSession {
  index: number;
  id: string;
  org: number;
  user: number;
  workspace: string | null;
  surface: "cowork" | "claude_code" | null;
  createdUs: number;
  messages: number;
  kind: LocalKind;
}

export type RemoteStatus = "active" | "paused" | "archived" | "failed" | "pending";

export interface RemoteSession {
  index: number;
  id: string;
  org: number;
  user: number | null;
  agentId: string | null;
  startedBy: number | null;
  status: RemoteStatus;
  createdUs: number;
  updatedUs: number;
  project: string | null;
  surface: "cowork_remote" | null;
  messages: number;
}

export interface SessionTables {
  /** Newest first (the documented list order). */
  local: LocalSession[];
  remote: RemoteSession[];
  localById: Map<string, number>;
  remoteById: Map<string, number>;
}

export function buildSessions(ids: IdCodec, seed: number, profile: Profile, dir: Directory, projects: ProjectTable): SessionTables {
  const rng = new Rng(seed, 0x5e55);
  const people = dir.users.filter((u) => !u.departed && u.memberships.some((m) => dir.orgs[m.org]!.kind === "claude_ai"));
  const span = 200 * US_PER_DAY;
  const localTimes = Array.from({ length: profile.localSessions }, () => DATASET_EPOCH_US - US_PER_DAY - rng.int(span / 1000) * 1000 - rng.int(1000));
  localTimes.sort((a, b) => b - a);
  const localKinds = [LocalKind.NotCaptured, LocalKind.RetentionStraddle, LocalKind.ClientAsserted, LocalKind.Oversize];
  const local = localTimes.map((createdUs, index): LocalSession => {
    const user = index === 0 ? dir.users[dir.powerUser]! : rng.pick(people);
    const org = user.memberships.find((m) => dir.orgs[m.org]!.kind === "claude_ai")!.org;
    return {
      index,
      id: ids.tagged(PREFIX.localSession, Kind.LocalSession, index),
      org,
      user: user.index,
      workspace: rng.chance(0.6) ? ids.tagged(PREFIX.workspace, Kind.Workspace, org, rng.int(3)) : null,
      surface: index % 11 === 10 ? null : rng.chance(0.5) ? "cowork" : "claude_code",
      createdUs,
      messages: rng.range(6, 60),
      kind: index >= 1 && index <= localKinds.length ? localKinds[index - 1]! : LocalKind.Normal,
    };
  });

  const remoteTimes = Array.from({ length: profile.remoteSessions }, () => DATASET_EPOCH_US - US_PER_DAY - rng.int(span / 1000) * 1000 - rng.int(1000));
  remoteTimes.sort((a, b) => b - a);
  const statuses: RemoteStatus[] = ["active", "paused", "archived", "failed"];
  const remote = remoteTimes.map((createdUs, index): RemoteSession => {
    const agentOwned = index === 2 || (index > 5 && rng.chance(0.1));
    const person = index === 0 ? dir.users[dir.powerUser]! : rng.pick(people);
    const org = person.memberships.find((m) => dir.orgs[m.org]!.kind === "claude_ai")!.org;
    const orgProjects = projects.list.filter((p) => p.org === org);
    const status: RemoteStatus = index === 1 ? "pending" : index === 0 ? "active" : rng.pick(statuses);
    return {
      index,
      id: ids.tagged(PREFIX.remoteSession, Kind.RemoteSession, index),
      org,
      user: agentOwned ? null : person.index,
      agentId: agentOwned ? ids.tagged(PREFIX.agent, Kind.Agent, index) : null,
      startedBy: agentOwned ? person.index : null,
      status,
      createdUs,
      updatedUs: status === "pending" ? createdUs : createdUs + rng.range(60, 7200) * US_PER_SECOND,
      project: orgProjects.length > 0 && rng.chance(0.4) ? orgProjects[rng.int(orgProjects.length)]!.id : null,
      surface: index % 13 === 12 ? null : "cowork_remote",
      messages: status === "pending" ? 0 : rng.range(4, 40),
    };
  });
  return {
    local,
    remote,
    localById: new Map(local.map((s) => [s.id, s.index])),
    remoteById: new Map(remote.map((s) => [s.id, s.index])),
  };
}

// ---------------------------------------------------------------------------------------------
// Transcripts

export type SessionBlock =
  | { type: "text"; text: string; truncated: boolean }
  | { type: "tool_use"; id: string | null; name: string; input: string; truncated: boolean }
  | { type: "tool_result"; tool_use_id: string | null; name: string; is_error: boolean; content: Array<{ type: "text"; text: string }>; truncated: boolean };

export type Provenance = null | { type: "content_unavailable"; reason: string } | { type: "client_asserted" } | { type: "synthetic_marker" };

export interface LocalMessage {
  role: "user" | "assistant";
  createdUs: number;
  provenance: Provenance;
  content: SessionBlock[];
}

const TOOLS = ["Read", "Bash", "Edit", "Grep"] as const;
const marker = (t: string): SessionBlock => ({ type: "text", text: t, truncated: true });
const plain = (t: string): SessionBlock => ({ type: "text", text: t, truncated: false });

function bigOutput(h: number): string {
  const lines: string[] = [];
  for (let i = 0; i < 600; i++)
    lines.push(`${String(i + 1).padStart(4, " ")}  const value${i} = ${hashInts(h, i) % 100000}; // ${i % 5 === 0 ? "ünïcödé ✓" : "ok"}`);
  return lines.join("\n");
}

/** One "exchange" of four turns: prompt, tool call, tool result, answer. */
function exchangeTurn(
  ids: IdCodec,
  prefix: string,
  kind: Kind,
  s: number,
  m: number,
  step: number,
  h: number,
  big: boolean,
): { role: "user" | "assistant"; content: SessionBlock[] } {
  const toolName = pickBy(TOOLS, h);
  const toolId = ids.tagged(PREFIX.toolUse, kind, s, m - (step - 1));
  const input =
    toolName === "Bash"
      ? { command: "npm test -- --run auth" }
      : toolName === "Grep"
        ? { pattern: "expiresAt", path: "src/" }
        : { file_path: `src/auth/session_${h % 7}.ts` };
  switch (step) {
    case 0:
      return {
        role: "user",
        content: [
          plain(
            h % 9 === 0
              ? `Check this: ${pickBy(HOSTILE_SNIPPETS, h)}`
              : h % 5 === 0
                ? pickBy(MULTILINGUAL, h).text
                : "Fix the failing test in tests/auth_test.py",
          ),
        ],
      };
    case 1:
      return {
        role: "assistant",
        content: [
          plain("I'll look at the relevant file first."),
          { type: "tool_use", id: toolId, name: toolName, input: JSON.stringify(input), truncated: false },
        ],
      };
    case 2:
      return {
        role: "user",
        content: [
          {
            type: "tool_result",
            tool_use_id: toolId,
            name: toolName,
            is_error: h % 8 === 0,
            content: [
              {
                type: "text",
                text: big
                  ? bigOutput(h)
                  : h % 8 === 0
                    ? "Error: ENOENT: no such file or directory"
                    : "def test_login_expiry():\n    assert session.expires_at > now()",
              },
            ],
            truncated: false,
          },
        ],
      };
    default:
      return { role: "assistant", content: [plain(`The test was asserting on a stale expiry timestamp (${prefix}). I've updated it.`)] };
  }
}

export function localMessage(ids: IdCodec, seed: number, s: LocalSession, m: number): LocalMessage {
  const h = hashInts(seed, 0x10ca1, s.index, m);
  const createdUs = s.createdUs + Math.floor(m / 2) * 17 * US_PER_SECOND;
  if (s.kind === LocalKind.NotCaptured) {
    return { role: m % 2 === 0 ? "user" : "assistant", createdUs, provenance: { type: "content_unavailable", reason: "not_captured" }, content: [] };
  }
  let offset = 0;
  if (s.kind === LocalKind.RetentionStraddle) {
    if (m === 0) return { role: "user", createdUs, provenance: { type: "content_unavailable", reason: "retention_elapsed" }, content: [] };
    offset = 1;
  }
  if (m === offset) return { role: "user", createdUs, provenance: { type: "synthetic_marker" }, content: [marker("[system prompt content not shown]")] };
  if (s.kind === LocalKind.ClientAsserted && m === offset + 1) {
    return {
      role: "assistant",
      createdUs,
      provenance: { type: "client_asserted" },
      content: [marker("[conversation history supplied by the client; authorship not verified]"), plain("Earlier I suggested running the migrations first.")],
    };
  }
  if (s.kind === LocalKind.Oversize && m === offset + 3) {
    return { role: "user", createdUs, provenance: { type: "content_unavailable", reason: "oversize" }, content: [] };
  }
  const k = m - offset - 1;
  const turn = exchangeTurn(ids, s.id, Kind.LocalMessage, s.index, m, k % 4, h, s.index % 3 === 0 && k === 2);
  return { ...turn, createdUs, provenance: null };
}

export interface RemoteMessage {
  role: "user" | "assistant";
  createdUs: number;
  content: SessionBlock[];
  sentBy: number | null;
  contentUnavailable: boolean;
}

export function remoteMessage(ids: IdCodec, seed: number, s: RemoteSession, m: number): RemoteMessage {
  const h = hashInts(seed, 0x2e307e, s.index, m);
  const createdUs = s.createdUs + m * 9 * US_PER_SECOND;
  const role = m % 2 === 0 ? "user" : "assistant";
  const sentBy = s.agentId !== null && role === "user" ? s.startedBy : null;
  if (m === 5) return { role, createdUs, content: [], sentBy, contentUnavailable: true };
  if (m === 0) return { role, createdUs, content: [plain("Summarize the customer feedback in the attached spreadsheet.")], sentBy, contentUnavailable: false };
  const turn = exchangeTurn(ids, s.id, Kind.RemoteMessage, s.index, m, (m - 1) % 4, h, s.index % 4 === 0 && (m - 1) % 4 === 2);
  return { role, createdUs, content: turn.content, sentBy, contentUnavailable: false };
}

/** Server maximum behind `-1` for `tool_*_max_bytes` ("about 1 MiB"). */
export const SESSION_MAX_BYTES = 1024 * 1024;
export const SESSION_DEFAULT_MAX_BYTES = 10_000;

function cutBytes(s: string, max: number, param: string): string | null {
  const buf = Buffer.from(s, "utf8");
  if (buf.length <= max) return null;
  let end = max;
  // Back up to a code-point boundary (never split a UTF-8 sequence).
  while (end > 0 && (buf[end]! & 0xc0) === 0x80) end--;
  return `${buf.subarray(0, end).toString("utf8")}…[truncated; pass ${param}=-1 for the server max]`;
}

export function truncateSessionBlocks(blocks: SessionBlock[], useMax: number, resultMax: number): SessionBlock[] {
  return blocks.map((b) => {
    if (b.type === "tool_use") {
      const cut = cutBytes(b.input, useMax, "tool_use_input_max_bytes");
      return cut === null ? b : { ...b, input: cut, truncated: true };
    }
    if (b.type === "tool_result") {
      let truncated = false;
      const content = b.content.map((item) => {
        const cut = cutBytes(item.text, resultMax, "tool_result_max_bytes");
        if (cut === null) return item;
        truncated = true;
        return { type: "text" as const, text: cut };
      });
      return truncated ? { ...b, content, truncated: true } : b;
    }
    return b;
  });
}
