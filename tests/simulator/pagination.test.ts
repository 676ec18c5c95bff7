import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/lib/simulator/server";
import { call, expectError, qs, start } from "./helpers";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await start({ dataset: "demo" });
});
afterAll(() => sim.close());

type Page = { data: Array<{ id: string; created_at: string; updated_at: string }>; has_more: boolean; first_id: string | null; last_id: string | null };

async function walk(
  path: string,
  params: Record<string, string | string[]>,
  limit: number,
  direction: "after_id" | "before_id" = "after_id",
  start?: string,
): Promise<Page[]> {
  const pages: Page[] = [];
  let cursor = start;
  for (let guard = 0; guard < 10_000; guard++) {
    const res = await call<Page>(sim, `${path}${qs({ ...params, limit, ...(cursor ? { [direction]: cursor } : {}) })}`);
    expect(res.status, res.text).toBe(200);
    pages.push(res.body);
    if (!res.body.has_more) return pages;
    cursor = (direction === "after_id" ? res.body.last_id : res.body.first_id)!;
  }
  throw new Error("has_more never ended");
}

describe("chats list cursors", () => {
  it("walks org-wide by created_at and by updated_at, each chat exactly once, in sort order", async () => {
    for (const order_by of ["created_at", "updated_at"] as const) {
      const pages = await walk("/v1/compliance/apps/chats", { order_by }, 97);
      const chats = pages.flatMap((p) => p.data);
      expect(new Set(chats.map((c) => c.id)).size).toBe(chats.length);
      expect(chats.length).toBe(sim.dataset.chats.count);
      const keys = chats.map((c) => c[order_by]);
      expect([...keys].sort()).toEqual(keys);
    }
  });

  it("walks one user forward and back to the same pages", async () => {
    const user = sim.fixtures.userWithManyChats.id;
    const forward = await walk("/v1/compliance/apps/chats", { "user_ids[]": user }, 7);
    const ids = forward.flatMap((p) => p.data.map((c) => c.id));
    expect(ids.length).toBe(sim.fixtures.userWithManyChats.chatCount);
    const last = forward[forward.length - 1]!;
    const back = await walk("/v1/compliance/apps/chats", { "user_ids[]": user }, 7, "before_id", last.first_id!);
    const backIds = back.reverse().flatMap((p) => p.data.map((c) => c.id));
    expect([...backIds, ...last.data.map((c) => c.id)]).toEqual(ids);
  });

  it("merges up to ten users in one sorted list", async () => {
    const users = sim.dataset.dir.users
      .filter((u) => !u.departed)
      .slice(0, 10)
      .map((u) => u.id);
    const pages = await walk("/v1/compliance/apps/chats", { "user_ids[]": users }, 50);
    const chats = pages.flatMap((p) => p.data) as unknown as Array<{ id: string; created_at: string; user: { id: string } | null }>;
    expect(chats.every((c) => c.user !== null && users.includes(c.user.id))).toBe(true);
    expect(chats.map((c) => c.created_at)).toEqual(chats.map((c) => c.created_at).sort());
  });

  it("binds a cursor to the sort key it was issued under", async () => {
    const page = await call<Page>(sim, "/v1/compliance/apps/chats?limit=5");
    const crossed = await call(sim, `/v1/compliance/apps/chats${qs({ order_by: "updated_at", after_id: page.body.last_id! })}`);
    expect(expectError(crossed, 400, "invalid_request_error")).toContain("order_by");
    const decoded = JSON.parse(Buffer.from(page.body.last_id!, "base64").toString("utf8")) as Record<string, string>;
    expect(Object.keys(decoded)).toEqual(["k", "t", "id"]);
    expect(decoded.k).toBe("created_at");
  });

  it("breaks created_at ties by id and pages through a tie without losing a chat", async () => {
    const [a, b] = sim.fixtures.tiedChats;
    const user = sim.fixtures.userWithManyChats.id;
    const all = (await walk("/v1/compliance/apps/chats", { "user_ids[]": user }, 1)).flatMap((p) => p.data);
    const ia = all.findIndex((c) => c.id === a);
    const ib = all.findIndex((c) => c.id === b);
    expect(Math.abs(ia - ib)).toBe(1);
    expect(all[ia]!.created_at).toBe(all[ib]!.created_at);
    expect(ia < ib).toBe(a < b);
  });

  it("breaks a tie between two people's chats by id in an org-wide listing, and pages through it one by one", async () => {
    const tied = [...sim.fixtures.tiedChats, sim.fixtures.crossUserTie.chat].sort();
    const all = (await walk("/v1/compliance/apps/chats", {}, 1000)).flatMap((p) => p.data);
    const first = all.findIndex((c) => c.id === tied[0]);
    expect(all.slice(first, first + 3).map((c) => c.id)).toEqual(tied);
    const at = all[first]!.created_at as string;
    const oneByOne = await walk("/v1/compliance/apps/chats", { "created_at.gte": at, "created_at.lte": at }, 1);
    expect(oneByOne.flatMap((p) => p.data).map((c) => c.id)).toEqual(tied);
  });

  it("returns null cursors on an empty page", async () => {
    const res = await call<Page>(sim, `/v1/compliance/apps/chats${qs({ "created_at.gte": "2030-01-01T00:00:00Z" })}`);
    expect(res.body).toEqual({ data: [], has_more: false, first_id: null, last_id: null });
  });
});

describe("chat messages cursors", () => {
  const long = () => sim.fixtures.longChat.id;

  it("returns the whole chat when limit is omitted", async () => {
    const res = await call(sim, `/v1/compliance/apps/chats/${long()}/messages`);
    expect(res.body.chat_messages).toHaveLength(10_000);
    expect(res.body.has_more).toBe(false);
  });

  it("pages asc and desc, with after_id continuing and before_id going back in result order", async () => {
    const base = `/v1/compliance/apps/chats/${long()}/messages`;
    const p1 = (await call(sim, `${base}?limit=3`)).body;
    const p2 = (await call(sim, `${base}?limit=3&after_id=${p1.last_id}`)).body;
    const back = (await call(sim, `${base}?limit=3&before_id=${p2.first_id}`)).body;
    const ids = (p: { chat_messages: Array<{ id: string }> }) => p.chat_messages.map((m) => m.id);
    expect(ids(back)).toEqual(ids(p1));
    const times = [...p1.chat_messages, ...p2.chat_messages].map((m: { created_at: string }) => m.created_at);
    expect([...times].sort()).toEqual(times);

    const d1 = (await call(sim, `${base}?limit=3&order=desc`)).body;
    const d2 = (await call(sim, `${base}?limit=3&order=desc&after_id=${d1.last_id}`)).body;
    const dtimes = [...d1.chat_messages, ...d2.chat_messages].map((m: { created_at: string }) => m.created_at);
    expect([...dtimes].sort().reverse()).toEqual(dtimes);
    expect(JSON.parse(Buffer.from(d1.first_id, "base64").toString("utf8"))).toHaveProperty("msg_uuid");
  });

  it("filters messages by time and rejects a cursor from another chat", async () => {
    const base = `/v1/compliance/apps/chats/${long()}/messages`;
    const first = (await call(sim, `${base}?limit=10`)).body.chat_messages;
    const window = (await call(sim, `${base}${qs({ "created_at.gt": first[2].created_at, "created_at.lte": first[5].created_at })}`)).body.chat_messages;
    expect(window.map((m: { id: string }) => m.id)).toEqual(first.slice(3, 6).map((m: { id: string }) => m.id));
    const other = (await call(sim, `/v1/compliance/apps/chats/${sim.fixtures.toolsChat}/messages?limit=1`)).body;
    expectError(await call(sim, `${base}?after_id=${other.last_id}`), 400, "invalid_request_error");
  });
});

describe("activities cursors", () => {
  it("is newest first; after_id goes older, before_id back; order=asc flips", async () => {
    const p1 = (await call(sim, "/v1/compliance/activities?limit=50")).body;
    const t1 = p1.data.map((a: { created_at: string }) => a.created_at);
    expect([...t1].sort().reverse()).toEqual(t1);
    const p2 = (await call(sim, `/v1/compliance/activities?limit=50&after_id=${encodeURIComponent(p1.last_id)}`)).body;
    expect(p2.data[0].created_at <= t1[t1.length - 1]).toBe(true);
    const back = (await call(sim, `/v1/compliance/activities?limit=50&before_id=${encodeURIComponent(p2.first_id)}`)).body;
    expect(back.data.map((a: { id: string }) => a.id)).toEqual(p1.data.map((a: { id: string }) => a.id));

    const asc = (await call(sim, "/v1/compliance/activities?limit=20&order=asc")).body;
    const tasc = asc.data.map((a: { created_at: string }) => a.created_at);
    expect([...tasc].sort()).toEqual(tasc);
    const asc2 = (await call(sim, `/v1/compliance/activities?limit=20&order=asc&after_id=${encodeURIComponent(asc.last_id)}`)).body;
    expect(asc2.data[0].created_at >= tasc[tasc.length - 1]).toBe(true);
  });

  it("accepts a raw activity id as a cursor, like the opaque one", async () => {
    const p1 = (await call(sim, "/v1/compliance/activities?limit=5&order=asc")).body;
    const lastId = p1.data[4].id as string;
    const viaRaw = (await call(sim, `/v1/compliance/activities?limit=5&order=asc&after_id=${lastId}`)).body;
    const viaOpaque = (await call(sim, `/v1/compliance/activities?limit=5&order=asc&after_id=${encodeURIComponent(p1.last_id)}`)).body;
    expect(viaRaw.data).toEqual(viaOpaque.data);
  });

  it("walks the whole static feed with a type filter to an end", async () => {
    const pages = [];
    let cursor: string | null = null;
    do {
      const res: { body: Page } = await call<Page>(
        sim,
        `/v1/compliance/activities${qs({ "activity_types[]": ["claude_chat_created", "claude_file_uploaded"], limit: 500, ...(cursor ? { after_id: cursor } : {}) })}`,
      );
      pages.push(res.body);
      cursor = res.body.has_more ? res.body.last_id : null;
    } while (cursor);
    const all = pages.flatMap((p) => p.data) as unknown as Array<{ id: string; type: string }>;
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
    expect(all.filter((a) => a.type === "claude_chat_created")).toHaveLength(sim.dataset.chats.count);
    expect(all.every((a) => a.type === "claude_chat_created" || a.type === "claude_file_uploaded")).toBe(true);
  });
});

describe("page tokens", () => {
  it("pages users to the end and never repeats", async () => {
    const org = sim.fixtures.organizations[1]!.uuid;
    const seen: string[] = [];
    let page: string | null = null;
    do {
      const res: { body: { data: Array<{ id: string }>; has_more: boolean; next_page: string | null } } = await call(
        sim,
        `/v1/compliance/organizations/${org}/users${qs({ limit: 4, ...(page ? { page } : {}) })}`,
      );
      seen.push(...res.body.data.map((u) => u.id));
      expect(res.body.has_more).toBe(res.body.next_page !== null);
      page = res.body.next_page;
    } while (page);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(sim.dataset.dir.orgMembers[1]!.length);
  });

  it("ends session lists with next_page null and no has_more", async () => {
    const res = await call(sim, "/v1/compliance/apps/sessions/remote?limit=500");
    expect(res.body.next_page).toBeNull();
    expect(res.body).not.toHaveProperty("has_more");
  });
});
