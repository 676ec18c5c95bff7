import { describe, expect, test } from "vitest";
import {
  chatListApiQuery,
  chatListOrderNote,
  chatListQueryFilters,
  chatsPageHref,
  explainChatFilterProblems,
  parseChatFilters,
} from "@/lib/console/chat-filters";

describe("parseChatFilters", () => {
  test("keeps known, non-blank, single values", () => {
    expect(parseChatFilters({ users: "user_a,user_b", project: "", orderBy: ["created_at", "updated_at"], unknown: "x" })).toEqual({ users: "user_a,user_b" });
  });
});

describe("hiding chats deleted by their users", () => {
  test("travels in the page's link but is never sent to the API, nor part of what is asked", () => {
    const filters = parseChatFilters({ org: "org-1", hideDeleted: "1" });
    expect(chatsPageHref(filters)).toContain("hideDeleted=1");
    expect(chatListApiQuery(filters)).toBe("orgIds=org-1");
    expect(chatListQueryFilters(filters)).toEqual(chatListQueryFilters({ org: "org-1" }));
  });

  test("the order is said as the API gives it: oldest first by the chosen time", () => {
    expect(chatListOrderNote({})).toMatch(/^Oldest first by creation/);
    expect(chatListOrderNote({ orderBy: "updated_at" })).toMatch(/^Least recently updated first/);
  });
});

describe("chatListApiQuery", () => {
  test("maps selected users to userIds and leaves the organisation out", () => {
    expect(chatListApiQuery({ users: "user_a, user_b", org: "org-1", project: "claude_proj_1", after: "c1" })).toBe(
      "userIds=user_a%2Cuser_b&projectIds=claude_proj_1&after=c1",
    );
  });

  test("scopes an organisation-wide listing by orgIds", () => {
    expect(chatListApiQuery({ org: "org-1", orderBy: "updated_at", limit: "10" })).toBe("orgIds=org-1&orderBy=updated_at&limit=10");
  });
});

describe("chatsPageHref", () => {
  test("writes filters in a stable order and drops empty ones", () => {
    expect(chatsPageHref({ before: "c0", users: "user_a", org: "" })).toBe("/chats?users=user_a&before=c0");
    expect(chatsPageHref({})).toBe("/chats");
  });
});

describe("explainChatFilterProblems", () => {
  test("accepts a per-user listing with a project and both time ranges", () => {
    expect(
      explainChatFilterProblems({ users: "user_a", project: "claude_proj_1", createdFrom: "2024-01-01T00:00:00Z", updatedTo: "2024-02-01T00:00:00Z" }),
    ).toEqual({});
  });

  test("explains a project filter without users", () => {
    expect(explainChatFilterProblems({ org: "org-1", project: "claude_proj_1" }).project).toMatch(/only together with selected users/);
  });

  test("explains updated ordering for selected users", () => {
    expect(explainChatFilterProblems({ users: "user_a", orderBy: "updated_at" }).orderBy).toMatch(/only be sorted by creation time/);
  });

  test("explains an organisation-wide time range that does not match the ordering", () => {
    expect(explainChatFilterProblems({ org: "org-1", updatedFrom: "2024-01-01T00:00:00Z" }).updatedFrom).toMatch(/sorted by last update/);
    expect(explainChatFilterProblems({ org: "org-1", orderBy: "updated_at", createdTo: "2024-01-01T00:00:00Z" }).createdFrom).toMatch(
      /sorted by creation time/,
    );
  });

  test("explains a selection of more users than one listing takes", () => {
    const users = Array.from({ length: 101 }, (_, index) => `user_${index}`).join(",");
    expect(explainChatFilterProblems({ users }).users).toMatch(/At most 100 users/);
  });

  test("explains paging backwards organisation-wide", () => {
    expect(explainChatFilterProblems({ org: "org-1", before: "c0" }).before).toMatch(/forward only/);
  });
});
