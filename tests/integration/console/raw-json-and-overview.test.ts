// The raw JSON Docket shows is the API's, fields it does not know included, and a chat's overview
// counts every message, checked against the simulator's own answer read without Docket's client.
import { describe, expect, test } from "vitest";
import { ChatOverview } from "@/lib/schemas/console";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { getChatOverview, getRawChatMessage } from "@/lib/server/console/chat-raw-and-overview";
import { getProject } from "@/lib/server/console/get-project";
import { getFileDetail } from "@/lib/server/files/get-file-detail";
import { AppError } from "@/lib/server/http/errors";
import { rawGet, setUpSimulatorWithClient, type RunningSimulator } from "@/tests/support/simulator";

let simulator: RunningSimulator;
let client: ComplianceClient;
setUpSimulatorWithClient({ rateLimitPerMinute: 100_000 }, (started) => ({ simulator, client } = started));

/** A field the reference does not list, added by the simulator as the API adds new ones. */
const NEW_FIELD = { added_later: { nested: [1, "two", null] } };
const withNewField = (path: string) => simulator.setFaults([{ match: { path }, fault: { type: "extra_fields", fields: NEW_FIELD } }]);

type RawMessage = {
  id: string;
  role: string;
  created_at: string;
  content: Array<Record<string, unknown>>;
  files?: unknown[] | null;
  generated_files?: unknown[] | null;
  artifacts?: unknown[] | null;
};

async function simulatorMessages(chatId: string, query = ""): Promise<{ chat: Record<string, unknown>; messages: RawMessage[] }> {
  const response = await rawGet(simulator, `/v1/compliance/apps/chats/${chatId}/messages${query}`);
  expect(response.status).toBe(200);
  const { chat_messages: messages, ...chat } = JSON.parse(response.text) as { chat_messages: RawMessage[] };
  return { chat, messages };
}

describe("a message exactly as the API sent it", () => {
  test("is picked out by its time and id, unknown fields and the API's field order kept", async () => {
    const chatId = simulator.fixtures.toolsChat;
    const { messages } = await simulatorMessages(chatId);
    const target = messages.find((message) => message.content.some((block) => block.type === "tool_use"))!;
    withNewField(`/v1/compliance/apps/chats/${chatId}/messages`);
    try {
      const read = await getRawChatMessage(client, chatId, target.id, { at: target.created_at });
      const { json } = read.dto;
      expect(JSON.parse(json)).toEqual({ ...target, ...NEW_FIELD });
      // Key order as sent: Docket's reshaped object would start differently and lack the new field.
      expect(Object.keys(JSON.parse(json) as object)).toEqual([...Object.keys(target), "added_later"]);
      expect(read.upstreamRequestIds).toHaveLength(1);
    } finally {
      simulator.setFaults([]);
    }
  });

  test("is read cut as the thread showed it, or in full when asked", async () => {
    const chatId = simulator.fixtures.toolsChat;
    const { messages } = await simulatorMessages(chatId, "?tool_result_max_chars=-1&tool_use_input_max_chars=-1");
    const target = messages.find((message) => message.content.some((block) => block.type === "tool_result"))!;
    const full = await getRawChatMessage(client, chatId, target.id, { at: target.created_at, untruncated: "1" });
    expect(JSON.parse(full.dto.json)).toEqual(target);
  });

  test("a message that is not at the time given is a clear 404, not another message", async () => {
    const chatId = simulator.fixtures.toolsChat;
    const { messages } = await simulatorMessages(chatId);
    const [first, second] = messages;
    const read = getRawChatMessage(client, chatId, second!.id, { at: first!.created_at });
    await expect(read).rejects.toBeInstanceOf(AppError);
    await expect(read).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("a chat's overview", () => {
  test("counts every message of the long chat, over several pages, as the simulator's whole answer does", async () => {
    const chatId = simulator.fixtures.longChat.id;
    const { chat, messages } = await simulatorMessages(chatId, "?tool_result_max_chars=-1");
    const overview = await getChatOverview(client, chatId);
    expect(ChatOverview.parse(overview.dto)).toEqual(overview.dto);
    expect(overview.dto.complete).toBe(true);
    expect(overview.dto.messageCount).toBe(messages.length);
    expect(overview.upstreamRequestIds.length).toBe(Math.ceil(messages.length / 1000));
    expect(overview.dto.firstMessageAt).toBe(messages[0]!.created_at);
    expect(overview.dto.lastMessageAt).toBe(messages.at(-1)!.created_at);
    const roles = [...new Set(messages.map((message) => message.role))].sort();
    expect(roles.length).toBeGreaterThan(1);
    expect(overview.dto.byRole).toEqual(roles.map((role) => ({ role, count: messages.filter((message) => message.role === role).length })));
    expect(overview.dto.model).toBe(chat.model);
    // The chat as its first page of messages brought it (paging fields included), without the messages.
    const firstPage = await simulatorMessages(chatId, "?limit=1000&order=asc&tool_result_max_chars=1&tool_use_input_max_chars=1");
    expect(JSON.parse(overview.dto.chatJson)).toEqual(firstPage.chat);
    expect(firstPage.chat).toMatchObject({ id: chat.id, name: chat.name, has_more: true });
  });

  test("counts tool calls by integration, failed results and attachments", async () => {
    for (const chatId of [simulator.fixtures.toolsChat, simulator.fixtures.filesChat, simulator.fixtures.artifactsChat.id]) {
      const { messages } = await simulatorMessages(chatId);
      const blocks = messages.flatMap((message) => message.content);
      const calls = blocks.filter((block) => block.type === "tool_use");
      const overview = (await getChatOverview(client, chatId)).dto;
      expect(overview.toolCalls).toBe(calls.length);
      expect(overview.toolCallsByIntegration.reduce((sum, entry) => sum + entry.count, 0)).toBe(calls.length);
      for (const { integration, count } of overview.toolCallsByIntegration) {
        expect(calls.filter((call) => (call.integration_name ?? null) === integration)).toHaveLength(count);
      }
      expect(overview.failedToolResults).toBe(blocks.filter((block) => block.type === "tool_result" && block.is_error === true).length);
      expect(overview.uploadedFiles).toBe(messages.reduce((sum, message) => sum + (message.files?.length ?? 0), 0));
      expect(overview.generatedFiles).toBe(messages.reduce((sum, message) => sum + (message.generated_files?.length ?? 0), 0));
      expect(overview.artifacts).toBe(messages.reduce((sum, message) => sum + (message.artifacts?.length ?? 0), 0));
    }
    const tools = (await getChatOverview(client, simulator.fixtures.toolsChat)).dto;
    expect(tools.toolCalls).toBeGreaterThan(0);
    expect(tools.failedToolResults).toBeGreaterThan(0);
  });

  test("keeps the chat's fields it does not know", async () => {
    const chatId = simulator.fixtures.toolsChat;
    withNewField(`/v1/compliance/apps/chats/${chatId}/messages`);
    try {
      const overview = await getChatOverview(client, chatId);
      expect(JSON.parse(overview.dto.chatJson)).toMatchObject(NEW_FIELD);
      expect(JSON.parse(overview.dto.chatJson)).not.toHaveProperty("chat_messages");
    } finally {
      simulator.setFaults([]);
    }
  });
});

describe("projects and files", () => {
  test("a project's and a file's raw JSON are the API's objects, unknown fields included", async () => {
    const projectId = simulator.fixtures.projectWithChats;
    withNewField(`/v1/compliance/apps/projects/${projectId}`);
    try {
      const project = await getProject(client, projectId);
      const expected = JSON.parse((await rawGet(simulator, `/v1/compliance/apps/projects/${projectId}`)).text) as Record<string, unknown>;
      expect(JSON.parse(project.dto.projectJson)).toEqual(expected);
      expect(expected).toMatchObject(NEW_FIELD);
    } finally {
      simulator.setFaults([]);
    }

    const fileId = simulator.fixtures.previewCorpus.files.html.id;
    withNewField(`/v1/compliance/apps/chats/files/${fileId}`);
    try {
      const file = await getFileDetail(client, { kind: "file", id: fileId });
      const expected = JSON.parse((await rawGet(simulator, `/v1/compliance/apps/chats/files/${fileId}`)).text) as Record<string, unknown>;
      expect(JSON.parse(file.dto.rawJson)).toEqual(expected);
      expect(expected).toMatchObject(NEW_FIELD);
    } finally {
      simulator.setFaults([]);
    }
  });
});
