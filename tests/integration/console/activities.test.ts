import { describe, expect, test } from "vitest";
import { familyOf } from "@/lib/activity/activity-families";
import { TYPES_BY_FAMILY } from "@/lib/activity/types-by-family";
import { ActivityFeedPage, ActivityHistogram } from "@/lib/schemas/activities";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { activityHistogram, MAX_HISTOGRAM_PAGES } from "@/lib/server/console/activity-histogram";
import { listActivities } from "@/lib/server/console/list-activities";
import { ActivityExportRequest, ActivityFeedRequest, ActivityHistogramRequest } from "@/lib/server/console/request-schemas";
import { exportActivities } from "@/lib/server/exports/activity-export";
import { AppError } from "@/lib/server/http/errors";
import { rawGet, setUpSimulatorWithClient, type RunningSimulator } from "@/tests/support/simulator";

let simulator: RunningSimulator;
let client: ComplianceClient;
setUpSimulatorWithClient({ rateLimitPerMinute: 100_000 }, (started) => ({ simulator, client } = started));

/** A month of the dataset's own activity, before Docket's calls (which the simulator records as they happen). */
const WINDOW = { from: "2026-09-01T00:00:00Z", before: "2026-10-01T00:00:00Z" };

const list = async (query: Record<string, string>) => (await listActivities(client, ActivityFeedRequest.parse(query))).dto;

async function everyActivityIn(query: Record<string, string>) {
  const all: ActivityFeedPage["activities"] = [];
  let older: string | undefined;
  for (;;) {
    const page = await list({ ...query, limit: "1000", ...(older ? { older } : {}) });
    all.push(...page.activities);
    if (!page.hasMore || page.lastId === null) return all;
    older = page.lastId;
  }
}

/** The bytes as text, byte-order mark kept (Response.text() would drop it). */
async function readText(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

describe("the feed, a page at a time", () => {
  test("newest first; the older cursor continues where a page ends, and the newer cursor comes back to it", async () => {
    const first = await list({ ...WINDOW, limit: "50" });
    expect(ActivityFeedPage.parse(first)).toEqual(first);
    expect(first.activities).toHaveLength(50);
    expect(first.hasMore).toBe(true);
    const times = first.activities.map((activity) => Date.parse(activity.createdAt));
    expect(times.every((time, index) => index === 0 || times[index - 1]! >= time)).toBe(true);

    const second = await list({ ...WINDOW, limit: "50", older: first.lastId! });
    expect(Date.parse(second.activities[0]!.createdAt)).toBeLessThanOrEqual(times.at(-1)!);
    expect(second.activities.some((activity) => first.activities.some((seen) => seen.id === activity.id))).toBe(false);

    const back = await list({ ...WINDOW, limit: "50", newer: second.firstId! });
    expect(back.activities.map((activity) => activity.id)).toEqual(first.activities.map((activity) => activity.id));
  });

  test("each activity is kept exactly as the API sent it, and the objects it names are found by their ids", async () => {
    const page = await list({ ...WINDOW, types: "claude_file_uploaded,claude_chat_created", limit: "200" });
    const sent = await rawGet(
      simulator,
      `/v1/compliance/activities?activity_types[]=claude_file_uploaded&activity_types[]=claude_chat_created&created_at.gte=${WINDOW.from}&created_at.lt=${WINDOW.before}&limit=200`,
    );
    expect(page.activities.map((activity) => activity.raw)).toEqual((JSON.parse(sent.text) as { data: unknown[] }).data);

    const upload = page.activities.find((activity) => activity.type === "claude_file_uploaded")!;
    expect(upload.references).toContainEqual({ field: "claude_file_id", kind: "file", id: upload.raw.claude_file_id });
    const created = page.activities.find((activity) => activity.type === "claude_chat_created")!;
    expect(created.references).toContainEqual({ field: "claude_chat_id", kind: "chat", id: created.raw.claude_chat_id });
  });

  test("a family keeps only its types; the same family left out keeps none of them", async () => {
    const chats = await list({ ...WINDOW, families: "chats", limit: "500" });
    expect(chats.activities.length).toBeGreaterThan(0);
    expect(chats.activities.every((activity) => familyOf(activity.type) === "chats")).toBe(true);

    const rest = await list({ ...WINDOW, families: "chats", exclude: "1", limit: "500" });
    expect(rest.activities.length).toBeGreaterThan(0);
    expect(rest.activities.some((activity) => familyOf(activity.type) === "chats")).toBe(false);
  });

  test("one person's acts: every activity has them as its actor", async () => {
    const someone = (await list({ ...WINDOW, families: "chats", limit: "1" })).activities[0]!.actor!.user_id as string;
    const theirs = await list({ ...WINDOW, actorIds: someone, limit: "500" });
    expect(theirs.activities.length).toBeGreaterThan(0);
    expect(theirs.activities.every((activity) => activity.actor?.user_id === someone)).toBe(true);
  });

  test("more types than the API takes at once is refused with a reason, before any request", async () => {
    const sent = simulator.requestLog().length;
    const everything = Object.keys(TYPES_BY_FAMILY).join(",");
    const extra = Array.from({ length: 40 }, (_, index) => `not_yet_documented_${index}`).join(",");
    await expect(list({ families: everything, types: extra })).rejects.toThrow(/at most 500/);
    await expect(list({ families: everything, types: extra })).rejects.toBeInstanceOf(AppError);
    expect(simulator.requestLog()).toHaveLength(sent);
  });

  test("leaving out without naming what, and both cursors at once, are refused by the request schema", () => {
    expect(ActivityFeedRequest.safeParse({ exclude: "1" }).success).toBe(false);
    expect(ActivityFeedRequest.safeParse({ older: "a", newer: "b" }).success).toBe(false);
    expect(ActivityFeedRequest.safeParse({ types: "Robert'); DROP TABLE" }).success).toBe(false);
    expect(ActivityFeedRequest.safeParse({ families: "chats,gossip" }).success).toBe(false);
  });
});

describe("activity over time", () => {
  test("the chart's counts per family and period are those of the activities themselves", async () => {
    const { dto, upstreamRequestIds } = await activityHistogram(client, ActivityHistogramRequest.parse(WINDOW));
    expect(ActivityHistogram.parse(dto)).toEqual(dto);
    expect(dto).toMatchObject({ grouping: "family", bucketSize: "day", countedSince: null });
    expect(dto.buckets).toHaveLength(30);
    expect(upstreamRequestIds.length).toBeGreaterThan(0);

    const activities = await everyActivityIn(WINDOW);
    expect(dto.counted).toBe(activities.length);
    const expected = new Map<string, number>();
    for (const activity of activities) {
      const key = `${activity.createdAt.slice(0, 10)}|${familyOf(activity.type)}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const counted = new Map<string, number>();
    for (const bucket of dto.buckets) {
      bucket.counts.forEach((count, index) => {
        if (count > 0) counted.set(`${bucket.start.slice(0, 10)}|${dto.groups[index]}`, count);
      });
    }
    expect(counted).toEqual(expected);
  });

  test("a custodian's chart sorts their acts into chats, sessions, files, deletions and sign-ins", async () => {
    const someone = (await list({ ...WINDOW, types: "sso_login_succeeded", limit: "1" })).activities[0]!.actor!.user_id as string;
    const { dto } = await activityHistogram(client, ActivityHistogramRequest.parse({ actorIds: someone, grouping: "custodian", before: WINDOW.before }));
    expect(dto.groups).toEqual(["chats", "sessions", "files", "deletions", "sign_ins", "other"]);
    expect(dto.bucketSize).toBe("week");
    const signIns = dto.buckets.reduce((sum, bucket) => sum + bucket.counts[4]!, 0);
    expect(signIns).toBeGreaterThan(0);
  });

  test("a chart stops reading after its last allowed page and says back to when it counted", async () => {
    const sent = simulator.requestLog().length;
    const { dto } = await activityHistogram(client, ActivityHistogramRequest.parse(WINDOW), { pageSize: 5 });
    expect(simulator.requestLog().length - sent).toBe(MAX_HISTOGRAM_PAGES);
    expect(dto.counted).toBe(5 * MAX_HISTOGRAM_PAGES);
    expect(dto.countedSince).not.toBeNull();
    expect(Date.parse(dto.countedSince!)).toBeGreaterThan(Date.parse(WINDOW.from));
  });
});

describe("the feed downloaded", () => {
  test("JSON Lines hold every activity of the filters exactly as sent, newest first", async () => {
    const text = await readText(exportActivities(client, ActivityExportRequest.parse({ ...WINDOW, families: "chats,files", format: "jsonl" })));
    const lines = text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const expected = await everyActivityIn({ ...WINDOW, families: "chats,files" });
    expect(lines).toEqual(expected.map((activity) => activity.raw));
    expect(lines.length).toBeGreaterThan(0);
  });

  test("CSV has a header, one row per activity, the family and actor in words, and the type's own fields as JSON", async () => {
    const text = await readText(exportActivities(client, ActivityExportRequest.parse({ ...WINDOW, types: "claude_file_uploaded", format: "csv" })));
    expect(text.startsWith("\uFEFFid,created_at,type,family,")).toBe(true);
    const rows = text.trimEnd().split("\r\n").slice(1);
    const expected = await everyActivityIn({ ...WINDOW, types: "claude_file_uploaded" });
    expect(rows).toHaveLength(expected.length);
    expect(rows[0]).toContain(",claude_file_uploaded,files,");
    expect(rows[0]).toContain(expected[0]!.raw.claude_file_id as string);
  });

  test("a reader who goes away stops the export: no further page is requested", async () => {
    const sent = simulator.requestLog().length;
    const reader = exportActivities(client, ActivityExportRequest.parse({ format: "jsonl" }), { pageSize: 10 }).getReader();
    expect((await reader.read()).value?.byteLength).toBeGreaterThan(0);
    await reader.cancel();
    const afterCancel = simulator.requestLog().length;
    // The first page, and at most the one read ahead while the first was consumed.
    expect(afterCancel - sent).toBeLessThanOrEqual(2);
    await new Promise((resolve) => setImmediate(resolve));
    expect(simulator.requestLog()).toHaveLength(afterCancel);
  });
});
