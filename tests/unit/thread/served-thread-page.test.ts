import { describe, expect, it } from "vitest";
import type { ChatMessage, ChatThreadPage, MessageBlock } from "@/lib/schemas/console";
import { FIRST_SCREEN_ROWS, servedBudget, textsFormattedOnServer, type ServedRefusal } from "@/lib/thread/served-thread-page";

const text = (value: string): MessageBlock => ({ type: "text", text: value, thinkingRedacted: false, truncated: false });
const use: MessageBlock = { type: "tool_use", id: "t1", name: "search", input: "{}", integrationName: null, mcpServerUrl: null, truncated: false };
const message = (index: number, role: string, blocks: MessageBlock[]): ChatMessage => ({
  id: `m${index}`,
  role,
  createdAt: "2026-01-01T00:00:00Z",
  blocks,
  files: [],
  generatedFiles: [],
  artifacts: [],
});
const pageOf = (messages: ChatMessage[]) => ({ messages }) as ChatThreadPage;
const refusal = (code: string, retryAfterSeconds: number | null): ServedRefusal => ({
  status: 503,
  code,
  message: "refused",
  requestId: "dkt_1",
  upstreamRequestId: null,
  retryAfterSeconds,
});

describe("textsFormattedOnServer", () => {
  it("takes the markdown texts of the first screen's messages, in order, leaving people's own messages as typed", () => {
    const page = pageOf([message(0, "user", [text("asked")]), message(1, "assistant", [text("first"), use, text("second")]), message(2, "assistant", [use])]);
    expect(textsFormattedOnServer(page)).toEqual(["first", "second"]);
  });

  it("stops at the first screen", () => {
    const page = pageOf(Array.from({ length: FIRST_SCREEN_ROWS + 5 }, (_, index) => message(index, "assistant", [text(`reply ${index}`)])));
    expect(textsFormattedOnServer(page)).toEqual(Array.from({ length: FIRST_SCREEN_ROWS }, (_, index) => `reply ${index}`));
  });
});

describe("servedBudget", () => {
  const now = new Date("2026-11-24T05:00:00Z");

  it("is the budget the opening page's answer reported", () => {
    const budget = { remaining: 12, limit: 600, resetsAt: null };
    expect(servedBudget({ ok: true, page: pageOf([]), budget }, now)).toBe(budget);
  });

  it("is used up until the API's wait is over when the opening page was refused for the budget", () => {
    expect(servedBudget({ ok: false, refusal: refusal("upstream_rate_limited", 45) }, now)).toEqual({
      remaining: 0,
      limit: 0,
      resetsAt: "2026-11-24T05:00:45.000Z",
    });
    expect(servedBudget({ ok: false, refusal: refusal("upstream_rate_limited", null) }, now)).toEqual({ remaining: 0, limit: 0, resetsAt: null });
  });

  it("says nothing of the budget for any other refusal", () => {
    expect(servedBudget({ ok: false, refusal: refusal("upstream_unreachable", null) }, now)).toBeNull();
  });
});
