import { createHash } from "node:crypto";
import { beforeEach, describe, expect, test } from "vitest";
import { FileDetail, IntegrityReport, TextPreview } from "@/lib/schemas/files";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { checkIntegrity } from "@/lib/server/files/check-integrity";
import type { FileTarget } from "@/lib/server/files/file-target";
import { getFileDetail } from "@/lib/server/files/get-file-detail";
import { readTextPreview } from "@/lib/server/files/read-text-preview";
import { respondWithImage } from "@/lib/server/files/respond-with-image";
import { AppError } from "@/lib/server/http/errors";
import { setUpSimulatorWithClient, type RunningSimulator } from "@/tests/support/simulator";
import { memoryRecorder, REQUEST_METADATA, reviewer } from "./file-fixtures";

let simulator: RunningSimulator;
let client: ComplianceClient;
setUpSimulatorWithClient({ rateLimitPerMinute: 100_000 }, (started) => ({ simulator, client } = started));
beforeEach(() => simulator.reset());

const uploaded = (type: string): FileTarget => ({ kind: "file", id: simulator.fixtures.uploadedFiles[type]! });
const signal = () => new AbortController().signal;
const contentPath = (target: FileTarget) => `/v1/compliance/apps/chats/${target.kind === "file" ? "files" : "generated-files"}/${target.id}/content`;

describe("getFileDetail", () => {
  test.each([
    ["png", "image"],
    ["pdf", "pdf"],
    ["csv", "csv"],
    ["txt", "text"],
    ["json", "json"],
    ["md", "markdown"],
    ["svg", "svg_source"],
    ["docx", "none"],
  ])("an uploaded %s is described with its chat, messages and a %s preview", async (type, preview) => {
    const target = uploaded(type);
    const read = await getFileDetail(client, target);
    expect(FileDetail.parse(read.dto)).toEqual(read.dto);
    expect(read.dto).toMatchObject({
      kind: "file",
      id: target.id,
      preview,
      downloadable: true,
      integrityCheck: "automatic",
      chatIds: [simulator.fixtures.filesChat],
    });
    expect(read.dto.messageIds.length).toBeGreaterThan(0);
    expect(read.dto.recordedMd5).toMatch(/^[0-9a-f]{32}$/);
    expect(read.upstreamRequestIds).toHaveLength(1);
  });

  test("a file attached twice lists both messages", async () => {
    const read = await getFileDetail(client, { kind: "file", id: simulator.fixtures.reattachedFile });
    expect(read.dto.messageIds).toHaveLength(2);
  });

  test("a hostile name is kept as it is for display and made safe for saving", async () => {
    const { id, filename } = simulator.fixtures.hostileFile;
    const read = await getFileDetail(client, { kind: "file", id });
    expect(read.dto.filename).toBe(filename);
    expect(read.dto.downloadName).toBe("_quarterly report__ filename=evil.exe_ .pdf");
  });

  test("a project file belongs to no chat", async () => {
    const attachments = (await client.projects.listAttachments(simulator.fixtures.projectWithChats)).data.data;
    const projectFile = attachments.find((attachment) => attachment.id.startsWith("claude_file_"));
    expect(projectFile).toBeDefined();
    const read = await getFileDetail(client, { kind: "file", id: projectFile!.id });
    expect(read.dto).toMatchObject({ chatIds: [], messageIds: [], downloadable: true });
  });

  test("a generated file names the chat that produced it; an expired one has nothing to download", async () => {
    const generated = await getFileDetail(client, { kind: "generated_file", id: simulator.fixtures.generatedFile });
    expect(generated.dto).toMatchObject({
      kind: "generated_file",
      chatIds: [simulator.fixtures.filesChat],
      messageIds: [],
      downloadable: true,
      preview: "csv",
    });
    const expired = await getFileDetail(client, { kind: "generated_file", id: simulator.fixtures.expiredGeneratedFile });
    expect(expired.dto).toMatchObject({ downloadable: false, preview: "none", sizeBytes: null, recordedMd5: null, integrityCheck: "on_request" });
  });
});

describe("checkIntegrity", () => {
  test("every uploaded type and a generated file verify against both MD5s on record", async () => {
    const targets: FileTarget[] = [
      ...Object.keys(simulator.fixtures.uploadedFiles).map(uploaded),
      { kind: "generated_file", id: simulator.fixtures.generatedFile },
    ];
    for (const target of targets) {
      const read = await checkIntegrity(client, target, signal());
      expect(IntegrityReport.parse(read.dto)).toEqual(read.dto);
      expect(read.dto).toMatchObject({ verdict: "verified", findings: [] });
      expect(read.dto.servedMd5).toBe(read.dto.actualMd5);
      expect(read.dto.recordedMd5).toBe(read.dto.actualMd5);
      expect(read.dto.bytes).toBe(read.dto.recordedSizeBytes);
      expect(read.upstreamRequestIds).toHaveLength(2);
    }
  });

  test("a Content-MD5 that does not match the bytes is a mismatch, and names which record differs", async () => {
    const target = uploaded("pdf");
    simulator.setFaults([{ match: { path: contentPath(target) }, times: 1, fault: { type: "wrong_md5" } }]);
    const read = await checkIntegrity(client, target, signal());
    expect(read.dto).toMatchObject({ verdict: "mismatch", findings: ["served_md5_differs"] });
    expect(read.dto.recordedMd5).toBe(read.dto.actualMd5);
  });

  test("an expired generated file has nothing to check, and no download is attempted", async () => {
    const before = simulator.requestLog().length;
    const failure = await checkIntegrity(client, { kind: "generated_file", id: simulator.fixtures.expiredGeneratedFile }, signal()).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: "not_found" });
    expect(
      simulator
        .requestLog()
        .slice(before)
        .map((entry) => entry.path),
    ).not.toContain(contentPath({ kind: "generated_file", id: simulator.fixtures.expiredGeneratedFile }));
  });

  test("a body cut off upstream fails the check rather than judging part of the file", async () => {
    const target = uploaded("docx");
    simulator.setFaults([{ match: { path: contentPath(target) }, times: 5, fault: { type: "reset_body", afterBytes: 100 } }]);
    await expect(checkIntegrity(client, target, signal())).rejects.toThrow();
  });
});

describe("readTextPreview", () => {
  test.each(["txt", "csv", "json", "md", "svg"])("a %s file is read as text, whole when small", async (type) => {
    const target = uploaded(type);
    const read = await readTextPreview(client, target, signal());
    expect(TextPreview.parse(read.dto)).toEqual(read.dto);
    const detail = await getFileDetail(client, target);
    expect(read.dto).toMatchObject({ truncated: false, bytesRead: detail.dto.sizeBytes });
    expect(createHash("md5").update(read.dto.text, "utf8").digest("hex")).toBe(detail.dto.recordedMd5);
  });

  test("an SVG preview is its source, markup and all, as a string", async () => {
    const read = await readTextPreview(client, uploaded("svg"), signal());
    expect(read.dto.text).toContain("<svg");
  });

  test.each(["pdf", "png", "docx"])("a %s file has no text preview, and its bytes are not fetched", async (type) => {
    const before = simulator.requestLog().length;
    await expect(readTextPreview(client, uploaded(type), signal())).rejects.toMatchObject({ code: "invalid_request" });
    expect(
      simulator
        .requestLog()
        .slice(before)
        .map((entry) => entry.path),
    ).not.toContain(contentPath(uploaded(type)));
  });
});

describe("respondWithImage", () => {
  const request = (target: FileTarget) => ({ actor: reviewer(), metadata: REQUEST_METADATA, signal: signal(), target });

  test("a PNG is served as image/png, inert, with its bytes unchanged, and audited as a view", async () => {
    const target = uploaded("png");
    const { rows, record } = memoryRecorder();
    const response = await respondWithImage(client, record, request(target));
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'; frame-ancestors 'none'");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; /);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(createHash("md5").update(bytes).digest("hex")).toBe((await client.files.get(target.id)).data.md5);
    expect(rows).toEqual([
      expect.objectContaining({
        action: "file.view",
        target: { type: "file", id: target.id },
        params: { part: "image", bytes: bytes.length },
        outcome: "success",
      }),
    ]);
  });

  test("a generated PNG is served the same way", async () => {
    const detail = await client.chats.getMessages(simulator.fixtures.filesChat);
    const chart = detail.data.chat_messages.flatMap((message) => message.generated_files ?? []).find((file) => file.mime_type === "image/png")!;
    const response = await respondWithImage(client, memoryRecorder().record, request({ kind: "generated_file", id: chart.id }));
    expect(response.headers.get("content-type")).toBe("image/png");
  });

  test.each(["svg", "pdf", "txt"])("a %s file is refused as an image, whatever it claims, and nothing is audited as shown", async (type) => {
    const { rows, record } = memoryRecorder();
    await expect(respondWithImage(client, record, request(uploaded(type)))).rejects.toMatchObject({ code: "invalid_request" });
    expect(rows).toEqual([]);
  });
});
