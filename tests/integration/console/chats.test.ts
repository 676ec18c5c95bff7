import { describe, expect, test } from "vitest";
import { ChatPage, ChatThreadPage, type MessageBlock } from "@/lib/schemas/console";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { itemsOf } from "@/lib/server/compliance/pagination";
import { ContentBlock, type ContentBlock as ContentBlockType } from "@/lib/server/compliance/schemas/content-blocks";
import { getChatMessages, toMessageBlock } from "@/lib/server/console/get-chat-messages";
import { listChats } from "@/lib/server/console/list-chats";
import { ChatListRequest } from "@/lib/server/console/request-schemas";
import { AppError } from "@/lib/server/http/errors";
import { setUpSimulatorWithClient, type RunningSimulator } from "@/tests/support/simulator";
import { absentUser, SMALL_SEED_1 } from "@/tests/support/simulator-ids";

let simulator: RunningSimulator;
let client: ComplianceClient;
setUpSimulatorWithClient({ rateLimitPerMinute: 100_000 }, (started) => ({ simulator, client } = started));

const request = (query: Record<string, string>) => ChatListRequest.parse(query);
const allUserIds = () => simulator.dataset.dir.users.map((user) => user.id);

describe("listChats", () => {
  test("maps a page of a user's chats to the DTO, with cursors both ways", async () => {
    const userId = simulator.fixtures.userWithManyChats.id;
    const first = await listChats(client, request({ userIds: userId, limit: "5" }));
    expect(ChatPage.parse(first.dto)).toEqual(first.dto);
    expect(first.dto.chats).toHaveLength(5);
    expect(first.dto.chats.every((chat) => chat.owner?.id === userId)).toBe(true);
    expect(first.dto.hasMore).toBe(true);
    expect(first.upstreamRequestIds).toHaveLength(1);

    const second = await listChats(client, request({ userIds: userId, limit: "5", after: first.dto.lastCursor! }));
    const back = await listChats(client, request({ userIds: userId, limit: "5", before: second.dto.firstCursor! }));
    expect(back.dto.chats.map((chat) => chat.id)).toEqual(first.dto.chats.map((chat) => chat.id));
  });

  test("organisation-wide lists offer no backward cursor", async () => {
    const page = await listChats(client, request({ orgIds: simulator.fixtures.organizations[0]!.uuid, limit: "3" }));
    expect(page.dto.chats.length).toBeGreaterThan(0);
    expect(page.dto.firstCursor).toBeNull();
  });

  test("a soft-deleted chat is marked deleted, with its time, and an empty name", async () => {
    const chatId = simulator.fixtures.softDeletedChat;
    const thread = await getChatMessages(client, chatId, {});
    const owner = thread.dto.chat.owner!.id;
    const listing = await listChats(client, request({ userIds: owner, limit: "200" }));
    const chat = listing.dto.chats.find((candidate) => candidate.id === chatId);
    expect(chat).toMatchObject({ deleted: true, name: "" });
    expect(chat?.deletedAt).toEqual(expect.any(String));
    expect(thread.dto.chat.deleted).toBe(true);
  });

  test.each(["1", "7"])("more than ten users, %s per page: pages merged from batches are in the API's own order, without gaps or repeats", async (limit) => {
    // The power user's two tied chats and another person's chat created at the same microsecond, that
    // person in another batch of ten: the merge itself must break the tie by id.
    const { userWithManyChats, crossUserTie, tiedChats } = simulator.fixtures;
    const others = allUserIds().filter((id) => id !== userWithManyChats.id && id !== crossUserTie.user);
    const userIds = [userWithManyChats.id, ...others.slice(0, 9), crossUserTie.user, ...others.slice(9)];
    expect(userIds.indexOf(crossUserTie.user)).toBe(10);
    // The expected order is the API's, not Docket's comparator: its organisation-wide listing (created_at,
    // then id) of every chat, all of these users' chats included.
    const expected: string[] = [];
    for await (const chat of itemsOf(client.chats.walk({ limit: 1000 }))) expected.push(chat.id);
    const tie = [...tiedChats, crossUserTie.chat].sort();
    expect(expected.slice(expected.indexOf(tie[0]!), expected.indexOf(tie[0]!) + 3)).toEqual(tie);

    const seen: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 5000; pages++) {
      const page = await listChats(client, request({ userIds: userIds.join(","), limit, ...(after ? { after } : {}) }));
      expect(ChatPage.parse(page.dto)).toEqual(page.dto);
      expect(page.dto.firstCursor).toBeNull();
      seen.push(...page.dto.chats.map((chat) => chat.id));
      if (!page.dto.hasMore) break;
      after = page.dto.lastCursor!;
    }
    expect(seen).toEqual(expected);
  });

  test("more than ten users honour a created range alongside the continuation", async () => {
    const userIds = allUserIds();
    const whole = await listChats(client, request({ userIds: userIds.join(","), limit: "200" }));
    const from = whole.dto.chats[3]!.createdAt;
    const expected = whole.dto.chats.filter((chat) => chat.createdAt >= from).map((chat) => chat.id);
    const first = await listChats(client, request({ userIds: userIds.join(","), limit: "2", createdFrom: from }));
    const rest = await listChats(client, request({ userIds: userIds.join(","), limit: "200", createdFrom: from, after: first.dto.lastCursor! }));
    expect([...first.dto.chats, ...rest.dto.chats].map((chat) => chat.id)).toEqual(expected);
  });

  test("a continuation that is not Docket's is refused before any request", async () => {
    const before = simulator.requestLog().length;
    await expect(listChats(client, request({ userIds: allUserIds().join(","), after: "bm90LWpzb24" }))).rejects.toMatchObject({ code: "invalid_request" });
    expect(simulator.requestLog().length).toBe(before);
  });

  const { user, project } = SMALL_SEED_1;
  const eleven = Array.from({ length: 11 }, (_, index) => absentUser(index)).join(",");
  test.each([
    ["both cursors", { userIds: user, after: "abc", before: "def" }, /not both/],
    ["updated_at order with users", { userIds: user, orderBy: "updated_at" }, /only be sorted by creation time/],
    ["project filter without users", { projectIds: project }, /project filter works only together with selected users/],
    ["org-wide updated range under created order", { updatedFrom: "2024-01-01T00:00:00Z" }, /sorted by last update/],
    ["org-wide created range under updated order", { orderBy: "updated_at", createdTo: "2024-01-01T00:00:00Z" }, /sorted by creation time/],
    ["before org-wide", { before: "abc" }, /page forward only/],
    ["before with more than ten users", { userIds: eleven, before: "abc" }, /more than 10 users selected/],
  ])("explains the API rule (%s) before any request", async (_name, query, message) => {
    const before = simulator.requestLog().length;
    const failure = await listChats(client, request(query)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: "invalid_request", message: expect.stringMatching(message) });
    expect(simulator.requestLog().length).toBe(before);
  });

  test.each([
    ["a user id of the wrong kind", { userIds: "claude_chat_01abc" }],
    ["a timestamp without a zone", { createdFrom: "2024-01-01T00:00:00" }],
    ["a limit above 200", { limit: "201" }],
    ["a cursor with URL syntax", { after: "a?b" }],
    ["an unknown parameter", { user_ids: user }],
  ])("refuses %s at validation", (_name, query) => {
    expect(ChatListRequest.safeParse(query).success).toBe(false);
  });
});

describe("getChatMessages", () => {
  const blocksOf = (page: { messages: Array<{ blocks: MessageBlock[] }> }) => page.messages.flatMap((message) => message.blocks);

  test("maps the header and a page of messages, with tool blocks and their evidence", async () => {
    const read = await getChatMessages(client, simulator.fixtures.toolsChat, { limit: 1000 });
    expect(ChatThreadPage.parse(read.dto)).toEqual(read.dto);
    expect(read.dto.chat.id).toBe(simulator.fixtures.toolsChat);
    expect(read.organizationId).toBe(read.dto.chat.organizationUuid);
    const blocks = blocksOf(read.dto);
    const uses = blocks.filter((block) => block.type === "tool_use");
    const results = blocks.filter((block) => block.type === "tool_result");
    expect(uses.length).toBeGreaterThan(0);
    expect(results.length).toBeGreaterThan(0);
    expect(results.some((block) => block.toolUseId !== null && uses.some((use) => use.id === block.toolUseId))).toBe(true);
    expect(blocks.some((block) => (block.type === "tool_use" || block.type === "tool_result") && block.mcpServerUrl !== null)).toBe(true);
  });

  test("pages a long chat with cursors", async () => {
    const chatId = simulator.fixtures.longChat.id;
    const first = await getChatMessages(client, chatId, { limit: 50 });
    expect(first.dto.messages).toHaveLength(50);
    expect(first.dto.hasMore).toBe(true);
    const second = await getChatMessages(client, chatId, { limit: 50, after: first.dto.lastCursor! });
    expect(second.dto.messages[0]!.id).not.toBe(first.dto.messages[0]!.id);
    const back = await getChatMessages(client, chatId, { limit: 50, before: second.dto.firstCursor! });
    expect(back.dto.messages.map((message) => message.id)).toEqual(first.dto.messages.map((message) => message.id));
  });

  test("untruncated=1 asks for -1 on both limits and returns no truncated tool block", async () => {
    const chatId = simulator.fixtures.toolsChat;
    const truncated = blocksOf((await getChatMessages(client, chatId, { limit: 1000 })).dto);
    expect(truncated.some((block) => "truncated" in block && block.truncated)).toBe(true);
    const full = await getChatMessages(client, chatId, { limit: 1000, untruncated: "1" });
    const last = simulator.requestLog().at(-1)!;
    expect(last.query).toContain("tool_result_max_chars=-1");
    expect(last.query).toContain("tool_use_input_max_chars=-1");
    const fullBlocks = blocksOf(full.dto);
    expect(fullBlocks.some((block) => "truncated" in block && block.truncated)).toBe(false);
    expect(fullBlocks).toHaveLength(truncated.length);
  });

  test("both cursors are refused before any request", async () => {
    const before = simulator.requestLog().length;
    await expect(getChatMessages(client, simulator.fixtures.toolsChat, { after: "a", before: "b" })).rejects.toMatchObject({ code: "invalid_request" });
    expect(simulator.requestLog().length).toBe(before);
  });

  test("a block of an unknown kind is kept whole as raw JSON text", () => {
    const raw = { type: "server_tool_use", id: "x1", payload: { nested: [1, "two"] } };
    const block: ContentBlockType = ContentBlock.parse(raw);
    expect(toMessageBlock(block)).toEqual({ type: "unknown", originalType: "server_tool_use", rawJson: JSON.stringify(raw) });
  });

  test("a known kind that does not parse is kept as unknown, not dropped", () => {
    const raw = { type: "text", text: 42 };
    expect(toMessageBlock(ContentBlock.parse(raw))).toEqual({ type: "unknown", originalType: "text", rawJson: JSON.stringify(raw) });
  });
});
