import { describe, expect, test } from "vitest";
import { CustodianTimeline } from "@/lib/schemas/custodian-timeline";
import { SessionListPage, SessionTranscriptPage } from "@/lib/schemas/sessions";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { getCustodianTimeline } from "@/lib/server/console/custodian-timeline";
import { getSessionTranscript } from "@/lib/server/console/get-session-transcript";
import { listLocalSessions, listRemoteSessions } from "@/lib/server/console/list-sessions";
import { LocalSessionListRequest, RemoteSessionListRequest } from "@/lib/server/console/request-schemas";
import { AppError } from "@/lib/server/http/errors";
import { rawGet, setUpSimulatorWithClient, type RunningSimulator } from "@/tests/support/simulator";

let simulator: RunningSimulator;
let client: ComplianceClient;
setUpSimulatorWithClient({ rateLimitPerMinute: 100_000 }, (started) => ({ simulator, client } = started));

const isNewestFirst = (times: string[]) => times.every((time, index) => index === 0 || Date.parse(times[index - 1]!) >= Date.parse(time));

describe("session lists", () => {
  test("local sessions come newest first, a page at a time, with the product named and every page token followed to the end", async () => {
    const seen: string[] = [];
    let page: string | undefined;
    do {
      const { dto, upstreamRequestIds } = await listLocalSessions(client, LocalSessionListRequest.parse({ limit: "40", ...(page ? { page } : {}) }));
      expect(SessionListPage.parse(dto)).toEqual(dto);
      expect(upstreamRequestIds).toHaveLength(1);
      seen.push(...dto.sessions.map((session) => session.createdAt));
      expect(dto.sessions.every((session) => session.kind === "local" && session.status === null && session.agentId === null)).toBe(true);
      page = dto.nextPage ?? undefined;
    } while (page);
    expect(seen).toHaveLength(simulator.dataset.sessions.local.length);
    expect(isNewestFirst(seen)).toBe(true);
  });

  test("a time window keeps the sessions created from its start and before its end", async () => {
    const all = (await listLocalSessions(client, LocalSessionListRequest.parse({ limit: "500" }))).dto.sessions;
    const from = all[Math.floor(all.length / 2)]!.createdAt;
    const before = all[Math.floor(all.length / 4)]!.createdAt;
    const { dto } = await listLocalSessions(client, LocalSessionListRequest.parse({ from, before, limit: "500" }));
    const expected = all.filter((session) => Date.parse(session.createdAt) >= Date.parse(from) && Date.parse(session.createdAt) < Date.parse(before));
    expect(dto.sessions.map((session) => session.id)).toEqual(expected.map((session) => session.id));
    expect(expected.length).toBeGreaterThan(0);
  });

  test("a window that ends before it starts is refused before any request", async () => {
    const before = simulator.requestLog().length;
    await expect(
      listLocalSessions(client, LocalSessionListRequest.parse({ from: "2026-05-02T00:00:00Z", before: "2026-05-01T00:00:00Z" })),
    ).rejects.toBeInstanceOf(AppError);
    expect(simulator.requestLog()).toHaveLength(before);
  });

  test("remote sessions of one owner; an agent's session names the agent and who started it", async () => {
    const active = simulator.dataset.sessions.remote[0]!;
    const owner = simulator.dataset.dir.users[active.user!]!.id;
    const mine = (await listRemoteSessions(client, RemoteSessionListRequest.parse({ userIds: owner, limit: "500" }))).dto.sessions;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((session) => session.user?.id === owner)).toBe(true);
    expect(isNewestFirst(mine.map((session) => session.createdAt))).toBe(true);

    const everything = (await listRemoteSessions(client, RemoteSessionListRequest.parse({ limit: "500" }))).dto.sessions;
    const agents = everything.find((session) => session.id === simulator.fixtures.remoteSessionAgentOwned)!;
    expect(agents).toMatchObject({ kind: "remote", user: null, agentId: expect.stringMatching(/^cagt_/), startedBy: { id: expect.stringMatching(/^user_/) } });
  });

  test("more than ten owners at once is refused by the request schema, as the API would", () => {
    const ids = Array.from({ length: 11 }, (_, index) => `user_${index}abc`).join(",");
    expect(RemoteSessionListRequest.safeParse({ userIds: ids }).success).toBe(false);
  });
});

describe("session transcripts", () => {
  test("a local session's first page: the owner's email from the session itself, the marker standing in for the system prompt, and each message's JSON exactly as sent", async () => {
    const sessionId = simulator.fixtures.localSession;
    const read = await getSessionTranscript(client, "local", sessionId, { limit: 100 });
    expect(SessionTranscriptPage.parse(read.dto)).toEqual(read.dto);
    expect(read.upstreamRequestIds).toHaveLength(2);
    expect(read.dto.session.user?.email).toEqual(expect.stringContaining("@"));

    const [first] = read.dto.messages;
    expect(first?.notice).toEqual({ kind: "synthetic_marker", reason: null });
    expect(first?.blocks[0]).toMatchObject({ type: "text", text: "[system prompt content not shown]", truncated: true });
    expect(read.dto.messages.some((message) => message.blocks.some((block) => block.type === "tool_use"))).toBe(true);

    const upstream = await rawGet(simulator, `/v1/compliance/apps/sessions/local/${sessionId}/messages?limit=100&order=asc`);
    const sent = (JSON.parse(upstream.text) as { data: unknown[] }).data;
    expect(read.dto.messages.map((message) => JSON.parse(message.rawJson!) as unknown)).toEqual(sent);
  });

  test("later pages follow the page token and read the transcript only", async () => {
    const sessionId = simulator.fixtures.localSession;
    const first = await getSessionTranscript(client, "local", sessionId, { limit: 5 });
    expect(first.dto.nextPage).not.toBeNull();
    const second = await getSessionTranscript(client, "local", sessionId, { limit: 5, page: first.dto.nextPage! });
    expect(second.upstreamRequestIds).toHaveLength(1);
    const ids = [...first.dto.messages, ...second.dto.messages].map((message) => message.id);
    expect(new Set(ids).size).toBe(10);
  });

  test("a session captured without content says why on each message", async () => {
    const read = await getSessionTranscript(client, "local", simulator.fixtures.localSessionNotCaptured, { limit: 1000 });
    const unavailable = read.dto.messages.filter((message) => message.notice?.kind === "content_unavailable");
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable.every((message) => message.notice?.reason === "not_captured" && message.blocks.length === 0)).toBe(true);
  });

  test("a remote session's transcript keeps who sent each message and the session's status", async () => {
    const read = await getSessionTranscript(client, "remote", simulator.fixtures.remoteSessionActive, { limit: 1000 });
    expect(read.upstreamRequestIds).toHaveLength(1);
    expect(read.dto.session).toMatchObject({ kind: "remote", status: "active", id: simulator.fixtures.remoteSessionActive });
    expect(read.dto.messages.length).toBeGreaterThan(0);
    expect(read.dto.messages.every((message) => message.sentByUserId === null || /^user_/.test(message.sentByUserId ?? ""))).toBe(true);
  });

  test("a pending remote session has no transcript yet: the API's 404 reaches the caller", async () => {
    await expect(getSessionTranscript(client, "remote", simulator.fixtures.remoteSessionPending, {})).rejects.toMatchObject({ status: 404 });
  });
});

describe("a custodian's chats and sessions", () => {
  test("merged newest first, each marked by kind, matching the API's own lists of that person", async () => {
    const local = simulator.dataset.sessions.local[0]!;
    const userId = simulator.dataset.dir.users[local.user]!.id;
    const { dto, upstreamRequestIds } = await getCustodianTimeline(client, userId, {});
    expect(CustodianTimeline.parse(dto)).toEqual(dto);
    expect(isNewestFirst(dto.items.map((item) => item.createdAt))).toBe(true);
    expect(dto.incomplete).toEqual([]);
    expect(upstreamRequestIds.length).toBeGreaterThanOrEqual(3);

    const chats = (await client.chats.list({ userIds: [userId], limit: 1000 })).data.data.map((chat) => chat.id);
    const remote = (await client.sessions.listRemote({ userIds: [userId], limit: 500 })).data.data.map((session) => session.id);
    const localIds = (await client.sessions.listLocal({ limit: 500 })).data.data.filter((session) => session.user?.id === userId).map((session) => session.id);
    const ofKind = (kind: string) => dto.items.filter((item) => item.kind === kind).map((item) => item.id);
    expect(ofKind("chat").sort()).toEqual([...chats].sort());
    expect(ofKind("remote_session").sort()).toEqual([...remote].sort());
    expect(ofKind("local_session").sort()).toEqual([...localIds].sort());
    expect(localIds).toContain(local.id);
  });

  test("a time window bounds all three lists", async () => {
    const userId = simulator.dataset.dir.users[simulator.dataset.sessions.local[0]!.user]!.id;
    const everything = (await getCustodianTimeline(client, userId, {})).dto.items;
    const middle = everything[Math.floor(everything.length / 2)]!.createdAt;
    const { dto } = await getCustodianTimeline(client, userId, { from: middle });
    expect(dto.items.length).toBeGreaterThan(0);
    expect(dto.items.every((item) => Date.parse(item.createdAt) >= Date.parse(middle))).toBe(true);
    expect(dto.items.map((item) => item.id)).toEqual(everything.filter((item) => Date.parse(item.createdAt) >= Date.parse(middle)).map((item) => item.id));
  });
});
