import { describe, expect, test } from "vitest";
import { csvDocument } from "@/lib/console/csv";
import { chatsCsv, legalHoldsCsv } from "@/lib/console/list-csv";
import type { ChatSummary } from "@/lib/schemas/console";
import type { LegalHoldDto } from "@/lib/schemas/legal-holds";

const chat = (overrides: Partial<ChatSummary>): ChatSummary => ({
  id: "claude_chat_01abc",
  name: "Q3 plan",
  deleted: false,
  deletedAt: null,
  owner: { id: "user_01x", email: "ana@acme.example" },
  model: null,
  projectId: null,
  organizationUuid: "8cfa8135-64d2-445d-8132-5de57e8888b7",
  createdAt: "2026-04-10T08:09:10.123456Z",
  updatedAt: null,
  href: null,
  ...overrides,
});

describe("lists as CSV", () => {
  test("keep the API's exact times and every field, one row per item", () => {
    const { header, rows } = chatsCsv([chat({}), chat({ id: "claude_chat_01def", deleted: true, deletedAt: "2026-05-01T00:00:00Z", name: "" })]);
    expect(header[0]).toBe("chat_id");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain("2026-04-10T08:09:10.123456Z");
    expect(rows[1]!.slice(-2)).toEqual(["yes", "2026-05-01T00:00:00Z"]);
  });

  test("quote what a spreadsheet would run, and what would break a line or a cell", () => {
    const document = csvDocument(
      ...(Object.values(chatsCsv([chat({ name: '=HYPERLINK("http://evil.example")' }), chat({ name: "a, b\r\nc" })])) as [string[], string[][]]),
    );
    expect(document.startsWith("\uFEFFchat_id,")).toBe(true);
    expect(document).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(document).toContain('"a, b\r\nc"');
  });

  test("a hold's scope is listed in its cells, ids separated by spaces", () => {
    const hold = {
      id: "0b7c6a9e-0000-4000-8000-000000000001",
      matterName: "Acme v. Globex",
      reason: "Litigation",
      startsOn: "2026-01-01",
      status: "active",
      scope: { userIds: ["user_01a", "user_01b"], projectIds: [], chatIds: ["claude_chat_01c"] },
      createdBy: { email: "admin@acme.example", name: null },
      createdAt: "2026-01-02T00:00:00Z",
      releasedBy: null,
      releasedAt: null,
      releaseReason: null,
    } satisfies LegalHoldDto;
    expect(legalHoldsCsv([hold]).rows[0]!.slice(5, 8)).toEqual(["user_01a user_01b", "", "claude_chat_01c"]);
  });
});
