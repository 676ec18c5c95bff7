import { describe, expect, test } from "vitest";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { compareChats } from "@/lib/server/compliance/merge-chat-listings";
import { itemsOf, walkCursorPages, walkTokenPages } from "@/lib/server/compliance/pagination";
import { compareTimestamps } from "@/lib/server/compliance/timestamps";
import { setUpSimulatorWithClient, type RunningSimulator } from "@/tests/support/simulator";
import { absentUser } from "@/tests/support/simulator-ids";

let simulator: RunningSimulator;
let client: ComplianceClient;
setUpSimulatorWithClient({ rateLimitPerMinute: 100_000 }, (started) => ({ simulator, client } = started));

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of source) items.push(item);
  return items;
}

describe("cursor pagination", () => {
  test("per-user chats walk forward with after_id and back with before_id over the same items", async () => {
    const userIds = [simulator.fixtures.userWithManyChats.id];
    const whole = (await client.chats.list({ userIds, limit: 1000 })).data;
    expect(whole.has_more).toBe(false);
    const forwardPages = await collect(client.chats.walk({ userIds, limit: 3 }));
    const forward = forwardPages.flatMap((page) => page.data);
    expect(forward.map((chat) => chat.id)).toEqual(whole.data.map((chat) => chat.id));
    for (let index = 1; index < forward.length; index++) expect(compareChats(forward[index - 1]!, forward[index]!)).toBeLessThan(0);
    expect(forwardPages.at(-1)!.has_more).toBe(false);

    const lastPage = forwardPages.at(-1)!;
    const backward = await collect(
      walkCursorPages((cursor) => client.chats.list({ userIds, limit: 3, ...cursor }).then((r) => r.data), "before", lastPage.first_id!),
    );
    const seenBackward = [...backward.flatMap((page) => page.data).map((chat) => chat.id), ...lastPage.data.map((chat) => chat.id)];
    expect(new Set(seenBackward)).toEqual(new Set(whole.data.map((chat) => chat.id)));
    expect(backward.at(-1)!.has_more).toBe(false);
  });

  test("org-wide chats by updated_at walk forward to the end", async () => {
    const items = await collect(itemsOf(client.chats.walk({ orderBy: "updated_at", limit: 50 })));
    expect(new Set(items.map((chat) => chat.id)).size).toBe(items.length);
    for (let index = 1; index < items.length; index++) {
      const order = compareTimestamps(items[index - 1]!.updated_at!, items[index]!.updated_at!);
      expect(order < 0 || (order === 0 && items[index - 1]!.id < items[index]!.id)).toBe(true);
    }
  });

  test("ties on the sort key are broken by id, so no chat is skipped or repeated at a page boundary", async () => {
    const [first, second] = simulator.fixtures.tiedChats;
    const items = await collect(itemsOf(client.chats.walk({ limit: 1 }, "after", { maxPages: 10_000 })));
    const ids = items.map((chat) => chat.id);
    expect(ids).toContain(first);
    expect(ids).toContain(second);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("messages page both ways and order=desc reverses them", async () => {
    const chatId = simulator.fixtures.longChat.id;
    const forward = await collect(
      walkCursorPages((cursor) => client.chats.getMessages(chatId, { limit: 1000, ...cursor }).then((r) => toPage(r.data)), "after"),
    );
    const all = forward.flatMap((page) => page.data);
    expect(all).toHaveLength(simulator.fixtures.longChat.messageCount);
    const lastPage = forward.at(-1)!;
    const back = await collect(
      walkCursorPages((cursor) => client.chats.getMessages(chatId, { limit: 1000, ...cursor }).then((r) => toPage(r.data)), "before", lastPage.first_id!),
    );
    expect(back.flatMap((page) => page.data).length + lastPage.data.length).toBe(all.length);
    const newest = (await client.chats.getMessages(chatId, { limit: 3, order: "desc" })).data.chat_messages.map((message) => message.id);
    expect(newest).toEqual(
      all
        .slice(-3)
        .reverse()
        .map((message) => (message as { id: string }).id),
    );
  });

  test("activities: after_id goes older, before_id newer, and order=asc flips both", async () => {
    const newestFirst = (await client.activities.list({ limit: 10 })).data;
    const next = (await client.activities.list({ limit: 10, afterId: newestFirst.last_id! })).data;
    expect(compareTimestamps(next.data[0]!.created_at, newestFirst.data.at(-1)!.created_at)).toBeLessThanOrEqual(0);
    const previous = (await client.activities.list({ limit: 10, beforeId: next.first_id! })).data;
    expect(previous.data.map((activity) => activity.id)).toEqual(
      newestFirst.data.map((activity) => activity.id).filter((id) => previous.data.some((a) => a.id === id)),
    );
    const oldestFirst = (await client.activities.list({ limit: 10, order: "asc" })).data;
    for (let index = 1; index < oldestFirst.data.length; index++) {
      expect(compareTimestamps(oldestFirst.data[index - 1]!.created_at, oldestFirst.data[index]!.created_at)).toBeLessThanOrEqual(0);
    }
  });

  test("an empty page has null cursors and has_more false", async () => {
    const page = (await client.chats.list({ userIds: [simulator.fixtures.userWithManyChats.id], createdAt: { gte: "2099-01-01T00:00:00Z" } })).data;
    expect(page).toMatchObject({ data: [], has_more: false, first_id: null, last_id: null });
  });
});

function toPage(chat: { chat_messages: unknown[]; has_more: boolean; first_id: string | null; last_id: string | null }) {
  return { data: chat.chat_messages, has_more: chat.has_more, first_id: chat.first_id, last_id: chat.last_id };
}

describe("page-token pagination", () => {
  test("users, projects and attachments walk to the end without repeats", async () => {
    const org = simulator.fixtures.organizations.find((candidate) => candidate.kind === "claude_ai")!;
    const users = await collect(itemsOf(client.organizations.walkUsers(org.uuid, 2)));
    const allUsers = (await client.organizations.listUsers(org.uuid, { limit: 1000 })).data.data;
    expect(users.map((user) => user.id)).toEqual(allUsers.map((user) => user.id));
    const projects = await collect(client.projects.walk({ limit: 1 }));
    expect(projects.at(-1)!.next_page).toBeNull();
    const ids = projects.flatMap((page) => page.data.map((project) => project.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("session lists end on a null next_page without has_more", async () => {
    const pages = await collect(client.sessions.walkLocal({ limit: 1 }));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.at(-1)!.next_page).toBeNull();
    const remote = await collect(walkTokenPages((page) => client.sessions.listRemote({ limit: 1, page }).then((r) => r.data)));
    expect(remote.at(-1)!.next_page).toBeNull();
  });
});

describe("chats of more than ten custodians", () => {
  test("are fetched in batches of ten and merged in the API's order", async () => {
    const users: string[] = [];
    for (const org of simulator.fixtures.organizations) {
      users.push(...(await client.organizations.listUsers(org.uuid, { limit: 1000 })).data.data.map((user) => user.id));
    }
    // Custodians without chats belong in a selection too; they also make sure there are over ten.
    for (let index = 0; users.length <= 21; index++) users.push(absentUser(index));
    simulator.reset();
    const merged = await collect(client.chats.listForUsers(users, { limit: 7 }));
    const batches = new Set(simulator.requestLog().map((entry) => new URLSearchParams(entry.query).getAll("user_ids[]").join(",")));
    expect([...batches].every((batch) => batch.split(",").length <= 10)).toBe(true);
    const expected: string[] = [];
    for (const user of new Set(users)) expected.push(...(await client.chats.list({ userIds: [user], limit: 1000 })).data.data.map((chat) => chat.id));
    expect(merged.map((chat) => chat.id).sort()).toEqual(expected.sort());
    for (let index = 1; index < merged.length; index++) expect(compareChats(merged[index - 1]!, merged[index]!)).toBeLessThan(0);
  });
});
