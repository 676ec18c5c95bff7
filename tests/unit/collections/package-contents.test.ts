import { createPublicKey, generateKeyPairSync, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { CollectionDto } from "@/lib/schemas/collections";
import { attestation, entriesOf, itemsCsv, manifest, sha256sums, signBytes, type PackageItem } from "@/lib/server/collections/package-contents";

const item = (overrides: Partial<PackageItem> = {}): PackageItem => ({
  kind: "file",
  upstreamId: "claude_file_01AAAA",
  name: "budget.xlsx",
  state: "done",
  custodianEmail: "alice@example.com",
  custodianId: "user_01BBBB",
  organizationUuid: "3f1c9c1e-0000-4000-8000-000000000001",
  upstreamCreatedAt: "2026-03-01T09:00:00Z",
  upstreamUpdatedAt: null,
  sha256: "a".repeat(64),
  size: 42,
  transcriptSha256: null,
  transcriptSize: null,
  md5Verdict: "matched",
  md5Expected: "b".repeat(32),
  md5Actual: "b".repeat(32),
  softDeleted: false,
  error: null,
  collectedBy: "host:1:abcd",
  doneAt: "2026-03-02T00:00:00Z",
  ...overrides,
});

const collection: CollectionDto = {
  id: "00000000-0000-4000-8000-000000000001",
  matter: "Acme v. Globex",
  reference: "CASE-1",
  scope: { userIds: ["user_01BBBB"], organizationIds: [], projectIds: [] },
  createdAt: "2026-03-01T00:00:00.000Z",
  createdRange: null,
  updatedRange: null,
  include: ["chats", "files"],
  state: "succeeded",
  createdBy: "reviewer@docket.test",
  startedAt: "2026-03-01T00:00:01.000Z",
  finishedAt: "2026-03-01T00:10:00.000Z",
  failureReason: null,
  progress: { itemsDone: 1, itemsKnown: 1, bytes: 42, requests: 3, errors: 0, listsWalked: true, secondsLeft: null },
};

describe("the evidence package's own files", () => {
  it("places each object under its id with a safe name, and a chat as its JSON and its transcript", () => {
    expect(entriesOf(item({ name: "../../etc/passwd" }))).toEqual([{ path: "files/claude_file_01AAAA/passwd", sha256: "a".repeat(64), size: 42 }]);
    expect(entriesOf(item({ kind: "generated_file", name: null }))[0]!.path).toBe("generated-files/claude_file_01AAAA/claude_file_01AAAA.bin");
    expect(
      entriesOf(item({ kind: "chat", upstreamId: "claude_chat_01C", transcriptSha256: "c".repeat(64), transcriptSize: 7 })).map((entry) => entry.path),
    ).toEqual(["chats/claude_chat_01C.json", "chats/claude_chat_01C.md"]);
    expect(entriesOf(item({ state: "vanished", sha256: null, size: null }))).toEqual([]);
  });

  it("guards every cell a spreadsheet would read as a formula, and lists uncollected items with their reason", () => {
    const csv = itemsCsv([
      item({ custodianEmail: '=HYPERLINK("https://evil.example")', name: "+cmd.csv" }),
      item({ upstreamId: "claude_file_01GONE", state: "vanished", sha256: null, size: null, md5Verdict: null, error: "No file found (request req_1)" }),
    ]);
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("path,type,id,custodian,organization,created,updated,size,sha256,md5_verdict,state,note");
    expect(lines[1]).toContain(`"'=HYPERLINK(""https://evil.example"")"`);
    expect(lines[1]).toMatch(/^files\/claude_file_01AAAA\/\+cmd\.csv,/);
    expect(lines[2]).toBe(
      ",file,claude_file_01GONE,alice@example.com,3f1c9c1e-0000-4000-8000-000000000001,2026-03-01T09:00:00Z,,,,,vanished,No file found (request req_1)",
    );
  });

  it("writes the checksum list in the form sha256sum -c reads", () => {
    expect(sha256sums([{ path: "files/a b/x.txt", size: 1, sha256: "d".repeat(64) }])).toBe(`${"d".repeat(64)}  files/a b/x.txt\n`);
  });

  it("lists the manifest's entries in path order, and its signature verifies only over its exact bytes", () => {
    const { privateKey } = generateKeyPairSync("ed25519");
    const entries = [
      { path: "items.csv", size: 3, sha256: "1".repeat(64) },
      { path: "chats/x.json", size: 2, sha256: "2".repeat(64) },
    ];
    const document = manifest(collection, entries, {
      packagedAt: "2026-03-02T00:00:00Z",
      packagedBy: "reviewer@docket.test",
      docketVersion: "0.1.0",
      keyId: "0123456789abcdef",
    });
    expect(document.entries.map((entry) => entry.path)).toEqual(["chats/x.json", "items.csv"]);
    const bytes = Buffer.from(JSON.stringify(document));
    const signature = signBytes(bytes, privateKey);
    expect(verify(null, bytes, createPublicKey(privateKey), signature)).toBe(true);
    expect(verify(null, Buffer.from(JSON.stringify({ ...document, packagedBy: "someone else" })), createPublicKey(privateKey), signature)).toBe(false);
  });

  it("counts soft-deleted chats, vanished and failed objects, and MD5 mismatches in the attestation", () => {
    const result = attestation(
      collection,
      [
        {
          endpoint: "/v1/compliance/apps/chats",
          params: { "user_ids[]": ["user_01BBBB"] },
          firstCursor: "a",
          lastCursor: "z",
          records: 2,
          pages: 1,
          finalRequestId: "req_9",
          done: true,
          error: null,
        },
      ],
      [
        item({ kind: "chat", softDeleted: true }),
        item({ kind: "chat" }),
        item({ md5Verdict: "mismatched" }),
        item({ state: "vanished" }),
        item({ state: "failed" }),
      ],
      "2026-03-02T00:00:00Z",
    ) as { lists: Array<Record<string, unknown>>; counts: Record<string, number> };
    expect(result.lists[0]).toMatchObject({ firstCursor: "a", terminalCursor: "z", records: 2, finalRequestId: "req_9", complete: true });
    expect(result.counts).toMatchObject({ chats: 2, softDeletedChats: 1, files: 3, vanished: 1, failed: 1, md5Mismatches: 1 });
  });
});
