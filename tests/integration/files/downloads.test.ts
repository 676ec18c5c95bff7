import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AuditWriteError, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import type { Download } from "@/lib/server/compliance/download";
import { attachmentDisposition, MAX_FILENAME_BYTES } from "@/lib/server/files/content-disposition";
import type { FileTarget } from "@/lib/server/files/file-target";
import { findDownloadReceipt } from "@/lib/server/files/find-download-receipt";
import { respondWithDownload, type DownloadTarget } from "@/lib/server/files/respond-with-download";
import { IntegrityMismatchError } from "@/lib/server/files/verified-body";
import { startTestDatabase, type TestDatabase } from "@/tests/support/database";
import { setUpSimulatorWithClient, type RunningSimulator } from "@/tests/support/simulator";
import { ABSENT } from "@/tests/support/simulator-ids";
import { memoryRecorder, readBody, REQUEST_METADATA, reviewer } from "./file-fixtures";

let simulator: RunningSimulator;
let client: ComplianceClient;
setUpSimulatorWithClient({ rateLimitPerMinute: 100_000 }, (started) => ({ simulator, client } = started));
let postgres: TestDatabase;
let db: PrismaClient;
beforeAll(async () => {
  postgres = await startTestDatabase();
  ({ db } = await postgres.createDatabase("file_downloads"));
});
afterAll(() => postgres?.stop());
beforeEach(() => {
  simulator.reset();
  vi.restoreAllMocks();
});

const uploaded = (type: string): FileTarget => ({ kind: "file", id: simulator.fixtures.uploadedFiles[type]! });
const contentPath = (target: FileTarget) => `/v1/compliance/apps/chats/${target.kind === "file" ? "files" : "generated-files"}/${target.id}/content`;
const md5Of = (bytes: Buffer) => createHash("md5").update(bytes).digest("hex");
const request = (target: DownloadTarget, options: { receipt?: string; signal?: AbortSignal; subject?: string } = {}) => ({
  actor: reviewer(options.subject),
  metadata: REQUEST_METADATA,
  signal: options.signal ?? new AbortController().signal,
  target,
  receipt: options.receipt,
});
/** The upstream download the verb opened, to see whether its connection was closed. */
function captureUpstream(kind: "files" | "generatedFiles"): () => Promise<Download> {
  const spy = vi.spyOn(client[kind], "download");
  return () => spy.mock.results[0]!.value as Promise<Download>;
}

describe("respondWithDownload", () => {
  test("streams the bytes unchanged as an inert attachment, audited before the first byte and again after the last", async () => {
    const target = uploaded("docx");
    const metadata = (await client.files.get(target.id)).data;
    const { rows, record } = memoryRecorder();
    const response = await respondWithDownload(client, record, request(target, { receipt: "0f0e0d0c-0b0a-4908-8706-050403020100" }));
    expect(rows.map((row) => row.outcome)).toEqual(["intent"]);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/octet-stream",
      "content-disposition": attachmentDisposition(metadata.filename, `${target.id}.bin`),
      "x-content-type-options": "nosniff",
      "content-security-policy": "sandbox; default-src 'none'; frame-ancestors 'none'",
      "cross-origin-resource-policy": "same-origin",
      "content-md5": Buffer.from(metadata.md5!, "hex").toString("base64"),
      "x-upstream-request-id": expect.stringMatching(/^req_/),
    });
    const { bytes, error } = await readBody(response);
    expect(error).toBeNull();
    expect(md5Of(bytes)).toBe(metadata.md5);
    expect(rows).toEqual([
      expect.objectContaining({
        action: "file.download",
        target: { type: "file", id: target.id },
        outcome: "intent",
        params: { receipt: "0f0e0d0c-0b0a-4908-8706-050403020100", expectedMd5: metadata.md5, contentLength: null },
        upstreamRequestId: expect.stringMatching(/^req_/),
        requestId: REQUEST_METADATA.requestId,
      }),
      expect.objectContaining({
        action: "file.download",
        outcome: "success",
        params: { receipt: "0f0e0d0c-0b0a-4908-8706-050403020100", md5: "matched", bytes: bytes.length, actualMd5: metadata.md5, expectedMd5: metadata.md5 },
      }),
    ]);
  });

  test("each hostile name of the dataset is sent in a header that can be set and names a safe file", async () => {
    const hostileChat = (await client.chats.getMessages(simulator.fixtures.hostileChat)).data;
    const files = hostileChat.chat_messages.flatMap((message) => message.files ?? []);
    expect(files.length).toBeGreaterThan(2);
    for (const file of [...files, { id: simulator.fixtures.hostileFile.id, filename: simulator.fixtures.hostileFile.filename }]) {
      const response = await respondWithDownload(client, memoryRecorder().record, request({ kind: "file", id: file.id }));
      expect(response.headers.get("content-disposition")).toBe(attachmentDisposition(file.filename, `${file.id}.bin`));
      expect((await readBody(response)).error).toBeNull();
    }
  });

  test("the preview corpus names, CR/LF and right-to-left mark included, arrive whole and leave as safe names in a header that can be set", async () => {
    const { files } = simulator.fixtures.previewCorpus;
    const savedName = (response: Response) => {
      const disposition = response.headers.get("content-disposition")!;
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
      return decodeURIComponent(disposition.slice(disposition.indexOf("''") + 2));
    };
    const expected: Array<[keyof typeof files, string | RegExp]> = [
      ["lineBreak", "minutes Set-Cookie_ docket_session=stolen.txt"],
      ["rightToLeftMark", "contract (signed).pdf"],
      ["maxLength", /^📁-[^\x00-\x7f]+\.txt$/u],
      ["parentPath", "audit.csv"],
      ["trailingDot", "board minutes.txt"],
      ["trailingSpace", "budget 2026.csv"],
    ];
    for (const [file, name] of expected) {
      const upstream = captureUpstream("files");
      const response = await respondWithDownload(client, memoryRecorder().record, request({ kind: "file", id: files[file].id }));
      expect((await upstream()).filename, file).toBe(files[file].filename);
      if (typeof name === "string") expect(savedName(response), file).toBe(name);
      else expect(savedName(response), file).toMatch(name);
      expect(response.headers.get("set-cookie")).toBeNull();
      const { bytes, error } = await readBody(response);
      expect(error).toBeNull();
      expect(md5Of(bytes)).toBe((await client.files.get(files[file].id)).data.md5);
      vi.restoreAllMocks();
    }
    const longest = await respondWithDownload(client, memoryRecorder().record, request({ kind: "file", id: files.maxLength.id }));
    const shortened = savedName(longest);
    expect((await readBody(longest)).error).toBeNull();
    expect(Buffer.byteLength(files.maxLength.filename)).toBe(255);
    expect(Buffer.byteLength(shortened)).toBeLessThanOrEqual(MAX_FILENAME_BYTES);
    expect(files.maxLength.filename.startsWith(shortened.slice(0, -".txt".length))).toBe(true);
  });

  test("an artifact version downloads as an inert attachment under its upstream name, MD5-checked and audited as artifact.download", async () => {
    const versionId = simulator.fixtures.previewCorpus.largeCodeArtifact.versionIds[1]!;
    const metadata = (await client.artifacts.get(versionId)).data;
    const { rows, record } = memoryRecorder();
    const response = await respondWithDownload(client, record, request({ kind: "artifact_version", id: versionId }));
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/octet-stream",
      "content-disposition": attachmentDisposition("ledger_export.py.txt", `${versionId}.bin`),
      "x-content-type-options": "nosniff",
      "content-security-policy": "sandbox; default-src 'none'; frame-ancestors 'none'",
      "content-md5": Buffer.from(metadata.md5!, "hex").toString("base64"),
    });
    const { bytes, error } = await readBody(response);
    expect(error).toBeNull();
    expect(bytes.length).toBe(metadata.size_bytes);
    expect(md5Of(bytes)).toBe(metadata.md5);
    expect(rows).toEqual([
      expect.objectContaining({
        action: "artifact.download",
        target: { type: "artifact_version", id: versionId },
        outcome: "intent",
        params: { expectedMd5: metadata.md5, contentLength: null },
      }),
      expect.objectContaining({
        action: "artifact.download",
        target: { type: "artifact_version", id: versionId },
        outcome: "success",
        params: expect.objectContaining({ md5: "matched", bytes: bytes.length }),
      }),
    ]);
  });

  test("an artifact version whose bytes do not match their Content-MD5 is broken off and audited as a mismatch", async () => {
    const versionId = simulator.fixtures.previewCorpus.largeCodeArtifact.versionIds[0]!;
    simulator.setFaults([{ match: { path: `/v1/compliance/apps/artifacts/${versionId}/content` }, times: 1, fault: { type: "wrong_md5" } }]);
    const { rows, record } = memoryRecorder();
    const { error } = await readBody(await respondWithDownload(client, record, request({ kind: "artifact_version", id: versionId })));
    expect(error).toBeInstanceOf(IntegrityMismatchError);
    expect(rows.map((row) => [row.action, row.outcome, (row.params as { md5?: string }).md5 ?? null])).toEqual([
      ["artifact.download", "intent", null],
      ["artifact.download", "failure", "mismatched"],
    ]);
  });

  test("a generated file downloads and is audited as one", async () => {
    const { rows, record } = memoryRecorder();
    const response = await respondWithDownload(client, record, request({ kind: "generated_file", id: simulator.fixtures.generatedFile }));
    expect((await readBody(response)).error).toBeNull();
    expect(rows.map((row) => [row.action, row.outcome])).toEqual([
      ["generated_file.download", "intent"],
      ["generated_file.download", "success"],
    ]);
  });

  test("a mismatched MD5 breaks the download off before its last bytes and is audited as a failure", async () => {
    const target = uploaded("docx");
    const metadata = (await client.files.get(target.id)).data;
    // Sent in pieces, so that some bytes are on their way before the mismatch can be known.
    simulator.setFaults([
      { match: { path: contentPath(target) }, times: 1, fault: { type: "wrong_md5" } },
      { match: { path: contentPath(target) }, times: 1, fault: { type: "slow_body", bytesPerSecond: 10_000 } },
    ]);
    const { rows, record } = memoryRecorder();
    const { bytes, error } = await readBody(await respondWithDownload(client, record, request(target)));
    expect(error).toBeInstanceOf(IntegrityMismatchError);
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.length).toBeLessThan(metadata.size_bytes!);
    expect(rows.at(-1)).toMatchObject({ outcome: "failure", params: { md5: "mismatched", bytes: metadata.size_bytes, actualMd5: metadata.md5 } });
    expect((rows.at(-1)!.params as { expectedMd5: string }).expectedMd5).not.toBe(metadata.md5);
  });

  test("a browser that cancels mid-download closes the upstream request, and the audit says aborted", async () => {
    const target = uploaded("docx");
    simulator.setFaults([{ match: { path: contentPath(target) }, times: 1, fault: { type: "slow_body", bytesPerSecond: 1_000 } }]);
    const upstream = captureUpstream("files");
    const { rows, record } = memoryRecorder();
    const response = await respondWithDownload(client, record, request(target));
    const reader = response.body!.getReader();
    expect((await reader.read()).value!.length).toBeGreaterThan(0);
    await reader.cancel();
    expect((await upstream()).body.destroyed).toBe(true);
    expect(rows.at(-1)).toMatchObject({ outcome: "failure", params: { md5: "aborted" } });
  });

  test("the browser request's abort signal also closes the upstream request, recorded as an abort", async () => {
    const target = uploaded("docx");
    simulator.setFaults([{ match: { path: contentPath(target) }, times: 1, fault: { type: "slow_body", bytesPerSecond: 1_000 } }]);
    const upstream = captureUpstream("files");
    const browser = new AbortController();
    const { rows, record } = memoryRecorder();
    const response = await respondWithDownload(client, record, request(target, { signal: browser.signal }));
    const reader = response.body!.getReader();
    await reader.read();
    browser.abort();
    await expect(reader.read()).rejects.toThrow();
    expect((await upstream()).body.destroyed).toBe(true);
    expect(rows.at(-1)).toMatchObject({ outcome: "failure", params: { md5: "aborted" } });
  });

  test("a body cut off upstream fails the download and is audited as failed", async () => {
    const target = uploaded("docx");
    simulator.setFaults([{ match: { path: contentPath(target) }, times: 1, fault: { type: "reset_body", afterBytes: 500 } }]);
    const { rows, record } = memoryRecorder();
    const { bytes, error } = await readBody(await respondWithDownload(client, record, request(target)));
    expect(error).not.toBeNull();
    expect(bytes.length).toBeLessThan(500);
    expect(rows.at(-1)).toMatchObject({ outcome: "failure", params: { md5: "failed" } });
  });

  test("when the intent row cannot be written, the upstream request is closed and nothing is sent", async () => {
    const upstream = captureUpstream("files");
    const failing = async () => {
      throw new AuditWriteError("database", "audit event not written: the database refused or could not be reached");
    };
    await expect(respondWithDownload(client, failing, request(uploaded("pdf")))).rejects.toBeInstanceOf(AuditWriteError);
    expect((await upstream()).body.destroyed).toBe(true);
  });

  test("a download the API refuses is audited as not started, with the upstream request id, and the error passes on", async () => {
    const { rows, record } = memoryRecorder();
    await expect(respondWithDownload(client, record, request({ kind: "file", id: ABSENT.file }))).rejects.toMatchObject({ status: 404 });
    expect(rows).toEqual([expect.objectContaining({ outcome: "failure", params: { md5: "not_started" }, upstreamRequestId: expect.stringMatching(/^req_/) })]);
  });
});

describe("download receipts", () => {
  const recordInTestDatabase = (event: Parameters<typeof recordAuditEvent>[1]) => recordAuditEvent(db, event, { checkpoints: null });
  const receiptOf = (target: FileTarget, receipt: string, subject = "reviewer-1") => findDownloadReceipt(db, reviewer(subject), target, receipt);

  test("a receipt reads in progress while the bytes flow and verified once they matched their MD5", async () => {
    const target = uploaded("csv");
    const receipt = "11111111-2222-4333-8444-555555555555";
    expect((await receiptOf(target, receipt)).state).toBe("waiting");
    const response = await respondWithDownload(client, recordInTestDatabase, request(target, { receipt }));
    expect((await receiptOf(target, receipt)).state).toBe("in_progress");
    const { bytes } = await readBody(response);
    await vi.waitFor(async () => expect((await receiptOf(target, receipt)).state).not.toBe("in_progress"));
    expect(await receiptOf(target, receipt)).toEqual({
      state: "verified",
      bytes: bytes.length,
      actualMd5: md5Of(bytes),
      expectedMd5: md5Of(bytes),
      requestId: REQUEST_METADATA.requestId,
    });
  });

  test("a mismatch reads as one, and another reviewer cannot read the receipt", async () => {
    const target = uploaded("txt");
    const receipt = "21111111-2222-4333-8444-555555555555";
    simulator.setFaults([{ match: { path: contentPath(target) }, times: 1, fault: { type: "wrong_md5" } }]);
    await readBody(await respondWithDownload(client, recordInTestDatabase, request(target, { receipt })));
    await vi.waitFor(async () => expect((await receiptOf(target, receipt)).state).toBe("mismatch"));
    expect((await receiptOf(target, receipt, "reviewer-2")).state).toBe("waiting");
    expect((await receiptOf(uploaded("csv"), receipt)).state).toBe("waiting");
  });

  test("a download that never started reads as failed", async () => {
    const target: FileTarget = { kind: "generated_file", id: simulator.fixtures.expiredGeneratedFile };
    const receipt = "31111111-2222-4333-8444-555555555555";
    await expect(respondWithDownload(client, recordInTestDatabase, request(target, { receipt }))).rejects.toMatchObject({ status: 404 });
    expect((await receiptOf(target, receipt)).state).toBe("failed");
  });
});
