import { describe, expect, test } from "vitest";
import { ChatPage, ChatWithMessages } from "@/lib/server/compliance/schemas/chats";
import { tokenPage } from "@/lib/server/compliance/schemas/common";
import { ProjectAttachment } from "@/lib/server/compliance/schemas/projects";
import { Organization } from "@/lib/server/compliance/schemas/organizations";

const chat = {
  id: "claude_chat_01H5CWunD7RpVJ5bHa8RCkja",
  name: "Product Requirements Discussion",
  created_at: "2026-04-10T08:09:10Z",
  updated_at: "2026-04-10T09:10:11Z",
  href: "https://claude.ai/chat/abcdef01-2345-6789-abcd-ef0123456789",
  model: "claude-opus-5",
  organization_uuid: "91012d09-e48b-438e-a489-1bebfd8fa6f9",
  project_id: null,
  user: { id: "user_01XyDMpzjS89pFZXqSFUBDr6", email_address: "user@example.com" },
};

describe("response schemas", () => {
  test("keep fields the API adds without notice", () => {
    const page = ChatPage.parse({
      data: [{ ...chat, organization_id: "org_abc", brand_new_field: { nested: true } }],
      has_more: false,
      first_id: "a",
      last_id: "b",
    });
    expect(page.data[0]).toMatchObject({ organization_id: "org_abc", brand_new_field: { nested: true } });
  });

  test("treat an omitted optional field like null", () => {
    const omitted = ChatPage.parse({ data: [chat], has_more: false, first_id: null, last_id: null });
    const explicit = ChatPage.parse({ data: [{ ...chat, deleted_at: null }], has_more: false, first_id: null, last_id: null });
    expect(omitted.data[0]?.deleted_at).toBeNull();
    expect(omitted.data[0]).toEqual(explicit.data[0]);
  });

  test("read an empty page with null cursors and a missing data array", () => {
    expect(ChatPage.parse({ has_more: false, first_id: null, last_id: null })).toEqual({ data: [], has_more: false, first_id: null, last_id: null });
  });

  test("derive has_more from next_page on session lists, which send none", () => {
    const Page = tokenPage(Organization);
    expect(Page.parse({ data: [], next_page: "page_abc" }).has_more).toBe(true);
    expect(Page.parse({ data: [], next_page: null }).has_more).toBe(false);
    expect(Page.parse({ data: [] }).next_page).toBeNull();
  });

  test("parse every documented content block and keep unknown ones whole", () => {
    const parsed = ChatWithMessages.parse({
      ...chat,
      chat_messages: [
        {
          id: "claude_chat_msg_1",
          role: "assistant",
          created_at: "2026-04-10T08:09:11Z",
          content: [
            { type: "text", text: "hello" },
            {
              type: "tool_use",
              id: "toolu_1",
              name: "search",
              input: '{"q":1}',
              integration_name: null,
              mcp_server_url: "https://mcp.example/x",
              truncated: false,
            },
            { type: "tool_result", tool_use_id: "toolu_1", name: "search", content: [{ type: "text", text: "found" }], is_error: true, truncated: true },
            { type: "hologram", beam: 3 },
          ],
          files: null,
        },
      ],
      has_more: false,
      first_id: "x",
      last_id: "y",
    });
    const blocks = parsed.chat_messages[0]?.content ?? [];
    expect(blocks.map((block) => block.type)).toEqual(["text", "tool_use", "tool_result", "unknown"]);
    expect(blocks[0]).toMatchObject({ thinking_redacted: false, truncated: false });
    expect(blocks[2]).toMatchObject({ is_error: true, truncated: true, integration_name: null });
    expect(blocks[3]).toEqual({ type: "unknown", original_type: "hologram", raw: { type: "hologram", beam: 3 } });
    expect(parsed.chat_messages[0]?.generated_files).toBeNull();
  });

  test("discriminate project attachments and tolerate a new kind", () => {
    expect(
      ProjectAttachment.parse({
        id: "claude_file_1",
        type: "project_file",
        filename: "a.pdf",
        mime_type: "application/pdf",
        created_at: "2026-04-10T08:09:10Z",
      }),
    ).toMatchObject({ md5: null, size_bytes: null });
    expect(ProjectAttachment.parse({ id: "x_1", type: "project_link", filename: "a" })).toMatchObject({ type: "project_link", mime_type: null });
  });

  test("refuse a response missing a required field", () => {
    expect(ChatPage.safeParse({ data: [{ ...chat, id: undefined }], has_more: false }).success).toBe(false);
  });
});
