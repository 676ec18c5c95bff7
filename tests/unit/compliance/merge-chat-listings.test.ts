import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { chunk, compareChats, mergeSortedChats } from "@/lib/server/compliance/merge-chat-listings";
import type { Chat } from "@/lib/server/compliance/schemas/chats";
import { compareTimestamps } from "@/lib/server/compliance/timestamps";

function chat(id: string, createdAt: string): Chat {
  return {
    id,
    name: id,
    created_at: createdAt,
    updated_at: null,
    deleted_at: null,
    href: null,
    model: null,
    organization_uuid: null,
    project_id: null,
    user: null,
  };
}

async function* fromArray<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of source) items.push(item);
  return items;
}

describe("mergeSortedChats", () => {
  test("merges batches in the API's order: created_at, then id", async () => {
    const first = [chat("claude_chat_b", "2026-01-01T00:00:00Z"), chat("claude_chat_d", "2026-01-03T00:00:00.5Z")];
    const second = [chat("claude_chat_a", "2026-01-01T00:00:00+00:00"), chat("claude_chat_c", "2026-01-02T00:00:00Z")];
    const merged = await collect(mergeSortedChats([fromArray(first), fromArray(second)]));
    expect(merged.map((item) => item.id)).toEqual(["claude_chat_a", "claude_chat_b", "claude_chat_c", "claude_chat_d"]);
  });

  test("yields every item exactly once, in order, for any sorted inputs", async () => {
    const timestamp = fc.integer({ min: 0, max: 10_000 }).map((seconds) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000).toISOString());
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.tuple(timestamp, fc.stringMatching(/^[a-z]{1,6}$/)), { maxLength: 20 }), { maxLength: 6 }), async (batches) => {
        let counter = 0;
        const streams = batches.map((batch) => batch.map(([createdAt, suffix]) => chat(`claude_chat_${suffix}${counter++}`, createdAt)).sort(compareChats));
        const merged = await collect(mergeSortedChats(streams.map((stream) => fromArray(stream))));
        expect(merged).toHaveLength(streams.flat().length);
        for (let index = 1; index < merged.length; index++) expect(compareChats(merged[index - 1]!, merged[index]!)).toBeLessThanOrEqual(0);
      }),
    );
  });

  test("chunk splits user ids in tens", () => {
    expect(
      chunk(
        Array.from({ length: 23 }, (_, i) => i),
        10,
      ).map((part) => part.length),
    ).toEqual([10, 10, 3]);
  });
});

describe("compareTimestamps", () => {
  test("orders microseconds that Date would lose, whatever the zone notation", () => {
    expect(compareTimestamps("2026-04-10T08:09:10.123456Z", "2026-04-10T08:09:10.123457+00:00")).toBe(-1);
    expect(compareTimestamps("2026-04-10T08:09:10.5Z", "2026-04-10T08:09:10.500000+00:00")).toBe(0);
    expect(compareTimestamps("2026-04-10T10:00:00+02:00", "2026-04-10T08:30:00Z")).toBe(-1);
  });
});
