import { describe, expect, it } from "vitest";
import { threadHref } from "@/lib/thread/thread-href";

describe("threadHref", () => {
  it("links to a message with its time, encoded", () => {
    const href = threadHref("claude_chat_01", { messageId: "claude_chat_msg_01", at: "2026-01-02T03:04:05.123456+01:00" });
    expect(href).toBe("/chats/claude_chat_01?message=claude_chat_msg_01&at=2026-01-02T03%3A04%3A05.123456%2B01%3A00");
    expect(new URL(href, "https://docket.test").searchParams.get("at")).toBe("2026-01-02T03:04:05.123456+01:00");
  });

  it("is the bare thread without a message", () => {
    expect(threadHref("claude_chat_01")).toBe("/chats/claude_chat_01");
  });
});
