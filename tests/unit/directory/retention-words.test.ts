import { describe, expect, test } from "vitest";
import { retentionFor, retentionRules } from "@/lib/console/retention-words";

const settings = (value: unknown) => [
  { name: "sso_enabled", value: true },
  { name: "data_retention_periods", value },
];

describe("the organisation's retention, in words", () => {
  test("a fixed period for chats says how old content goes, and to collect before", () => {
    const rules = retentionRules(settings({ chat: { type: "fixed", timescale: "day", duration: 90 } }));
    expect(retentionFor(rules, "chat")).toEqual({
      dataType: "chat",
      words: "The organisation's retention deletes chats older than 90 days: collect what you need before then.",
      deletes: true,
    });
    // Projects have no period of their own and none for all content.
    expect(retentionFor(rules, "project")).toBeNull();
  });

  test("one month is singular; a period for all content covers chats and projects alike", () => {
    const rules = retentionRules(settings({ all: { type: "fixed", timescale: "month", duration: 1 } }));
    expect(retentionFor(rules, "project")?.words).toBe(
      "The organisation's retention deletes all content older than 1 month: collect what you need before then.",
    );
    expect(retentionFor(rules, "chat")?.dataType).toBe("all");
  });

  test("indefinite keeps, and deletes nothing", () => {
    expect(retentionFor(retentionRules(settings({ all: { type: "indefinite" } })), "chat")).toMatchObject({
      deletes: false,
      words: "The organisation keeps all content indefinitely.",
    });
  });

  test("no row means the admins control none; a shape Docket does not know is shown as sent, not guessed at", () => {
    expect(retentionRules([{ name: "sso_enabled", value: true }])).toBeNull();
    const odd = retentionFor(retentionRules(settings({ chat: { type: "rolling", weeks: 3 } })), "chat");
    expect(odd).toMatchObject({ deletes: false });
    expect(odd?.words).toContain('{"type":"rolling","weeks":3}');
  });
});
