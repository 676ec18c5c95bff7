import { describe, expect, it } from "vitest";
import type { ChatThreadPage } from "@/lib/schemas/console";
import { earlierMessages, newestMessageSearch, nextPageParam, previousPageParam, threadPageSearch } from "@/lib/thread/thread-pages";

const page = (firstCursor: string | null, lastCursor: string | null, hasMore: boolean) => ({ firstCursor, lastCursor, hasMore }) as ChatThreadPage;

describe("threadPageSearch", () => {
  it("opens at a time with from= and never sends a cursor with it", () => {
    expect(Object.fromEntries(threadPageSearch({ kind: "at", at: "2026-01-02T03:04:05.123456Z" }, 100, false))).toEqual({
      limit: "100",
      order: "asc",
      from: "2026-01-02T03:04:05.123456Z",
    });
  });

  it("pages backward with before= and forward with after=, always oldest first", () => {
    expect(threadPageSearch({ kind: "before", cursor: "c1" }, 100, false).toString()).toBe("limit=100&order=asc&before=c1");
    expect(threadPageSearch({ kind: "after", cursor: "c9" }, 100, true).toString()).toBe("limit=100&order=asc&after=c9&untruncated=1");
    expect(threadPageSearch({ kind: "start" }, 100, false).toString()).toBe("limit=100&order=asc");
  });
});

describe("newestMessageSearch", () => {
  it("asks for the single newest message", () => {
    expect(Object.fromEntries(newestMessageSearch())).toEqual({ limit: "1", order: "desc" });
  });
});

describe("nextPageParam", () => {
  it("follows the last cursor while the API says more follow", () => {
    expect(nextPageParam(page("a", "z", true))).toEqual({ kind: "after", cursor: "z" });
    expect(nextPageParam(page("a", "z", false))).toBeUndefined();
  });
});

describe("previousPageParam", () => {
  it("offers nothing before the chat's start", () => {
    expect(previousPageParam(page("a", "z", true), { kind: "start" })).toBeUndefined();
  });

  it("always looks back once from a page opened at a time, whatever its has_more says of later messages", () => {
    expect(previousPageParam(page("a", "z", false), { kind: "at", at: "2026-01-01T00:00:00Z" })).toEqual({ kind: "before", cursor: "a" });
    expect(previousPageParam(page(null, null, false), { kind: "at", at: "2026-01-01T00:00:00Z" })).toBeUndefined();
  });

  it("looks back once from a page opened at the chat's end", () => {
    expect(previousPageParam(page("a", "z", false), { kind: "end" })).toEqual({ kind: "before", cursor: "a" });
  });

  it("keeps paging backward while has_more speaks of earlier messages", () => {
    expect(previousPageParam(page("m", "p", true), { kind: "before", cursor: "q" })).toEqual({ kind: "before", cursor: "m" });
    expect(previousPageParam(page("m", "p", false), { kind: "before", cursor: "q" })).toBeUndefined();
  });
});

describe("earlierMessages", () => {
  it("says earlier messages are unchecked until a page before a time-opened one is asked for", () => {
    expect(earlierMessages({ kind: "at", at: "2026-01-01T00:00:00Z" }, true)).toBe("unchecked");
    expect(earlierMessages({ kind: "before", cursor: "m" }, true)).toBe("more");
    expect(earlierMessages({ kind: "before", cursor: "m" }, false)).toBe("none");
    expect(earlierMessages({ kind: "start" }, false)).toBe("none");
    expect(earlierMessages({ kind: "end" }, true)).toBe("unchecked");
  });
});
