import { createHash } from "node:crypto";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { beforeEach, describe, expect, test } from "vitest";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { createMd5Verifier } from "@/lib/server/compliance/download";
import { setUpSimulatorWithClient, type RunningSimulator } from "@/tests/support/simulator";
import { ABSENT } from "@/tests/support/simulator-ids";

let simulator: RunningSimulator;
let client: ComplianceClient;
setUpSimulatorWithClient({}, (started) => ({ simulator, client } = started));
beforeEach(() => simulator.reset());

async function drainVerified(download: Awaited<ReturnType<ComplianceClient["files"]["download"]>>) {
  const verifier = createMd5Verifier(download.contentMd5);
  const hash = createHash("md5");
  await pipeline(
    download.body,
    verifier.stream,
    new Writable({
      write(chunk: Buffer, _e, done) {
        hash.update(chunk);
        done();
      },
    }),
  );
  return { outcome: await verifier.outcome, hex: hash.digest("hex") };
}

describe("downloads", () => {
  test("every uploaded file type streams with its MIME type, and its MD5 matches the header and the metadata", async () => {
    for (const fileId of Object.values(simulator.fixtures.uploadedFiles)) {
      const metadata = (await client.files.get(fileId)).data;
      const download = await client.files.download(fileId);
      expect(download.contentType).toContain(metadata.mime_type ?? "");
      expect(download.requestId).toMatch(/^req_/);
      const { outcome, hex } = await drainVerified(download);
      expect(outcome.matches).toBe(true);
      expect(hex).toBe(metadata.md5);
      expect(outcome.bytes).toBe(metadata.size_bytes);
      expect(download.filename).toBe(metadata.filename);
    }
  });

  test("a non-ASCII, hostile file name is decoded from RFC 5987 Content-Disposition", async () => {
    const { id, filename } = simulator.fixtures.hostileFile;
    const download = await client.files.download(id);
    expect(download.contentDisposition).toMatch(/^attachment; filename\*=utf-8''/);
    expect(download.filename).toBe(filename);
    await drainVerified(download);
  });

  test("generated files and artifact versions stream with a verifiable MD5", async () => {
    const generated = await client.generatedFiles.download(simulator.fixtures.generatedFile);
    expect((await drainVerified(generated)).outcome.matches).toBe(true);
    const version = simulator.fixtures.artifactsChat.artifacts[0]!.versionIds[0]!;
    const artifactMetadata = (await client.artifacts.get(version)).data;
    const artifact = await client.artifacts.download(version);
    const { outcome, hex } = await drainVerified(artifact);
    expect(outcome.matches).toBe(true);
    expect(hex).toBe(artifactMetadata.md5);
  });

  test("a wrong Content-MD5 is detected at the end of the stream", async () => {
    const fileId = Object.values(simulator.fixtures.uploadedFiles)[0]!;
    simulator.setFaults([{ match: { path: `/v1/compliance/apps/chats/files/${fileId}/content` }, times: 1, fault: { type: "wrong_md5" } }]);
    const { outcome } = await drainVerified(await client.files.download(fileId));
    expect(outcome.matches).toBe(false);
    expect(outcome.actualHex).toBe((await client.files.get(fileId)).data.md5);
  });

  test("a download answered 404 fails before any byte, with the documented message", async () => {
    await expect(client.files.download(ABSENT.file)).rejects.toMatchObject({
      status: 404,
      message: "No file found with provided id, or it has already been deleted.",
    });
  });

  test("aborting a download closes the request", async () => {
    const fileId = simulator.fixtures.largestFile.id;
    simulator.setFaults([{ match: { path: `/v1/compliance/apps/chats/files/${fileId}/content` }, fault: { type: "slow_body", bytesPerSecond: 2_000 } }]);
    const controller = new AbortController();
    const download = await client.files.download(fileId, { signal: controller.signal });
    const firstChunk = await new Promise<Buffer>((resolve) => download.body.once("data", resolve));
    expect(firstChunk.length).toBeGreaterThan(0);
    const closed = new Promise((resolve) => download.body.once("close", resolve));
    controller.abort();
    await closed;
    expect(download.body.destroyed).toBe(true);
  });
});

describe("hard deletes", () => {
  test("a deleted chat is confirmed, gone from lists, and 404 afterwards; its files go with it", async () => {
    const chatId = simulator.fixtures.filesChat;
    const before = (await client.chats.getMessages(chatId)).data;
    const fileIds = before.chat_messages.flatMap((message) => (message.files ?? []).map((file) => file.id));
    expect(fileIds.length).toBeGreaterThan(0);
    const owner = before.user!.id;
    expect((await client.chats.delete(chatId)).data).toEqual({ id: chatId, type: "claude_chat_deleted" });
    const listed = (await client.chats.list({ userIds: [owner], limit: 1000 })).data.data.map((chat) => chat.id);
    expect(listed).not.toContain(chatId);
    await expect(client.chats.getMessages(chatId)).rejects.toMatchObject({ status: 404, message: `Chat ${chatId} not found.` });
    await expect(client.chats.delete(chatId)).rejects.toMatchObject({ status: 404 });
    const onlyHere = [];
    for (const fileId of fileIds)
      onlyHere.push(
        await client.files.get(fileId).then(
          (r) => r.data.claude_chat_ids,
          () => null,
        ),
      );
    expect(onlyHere.some((chats) => chats === null)).toBe(true);
    const deletions = (await client.activities.list({ activityTypes: ["claude_chat_deleted"], limit: 10 })).data.data;
    expect(deletions.some((activity) => (activity as Record<string, unknown>).claude_chat_id === chatId)).toBe(true);
  });

  test("a file, a project document and an empty project are deleted with their documented confirmations", async () => {
    const fileId = simulator.fixtures.uploadedFiles[Object.keys(simulator.fixtures.uploadedFiles)[1]!]!;
    expect((await client.files.delete(fileId)).data).toEqual({ id: fileId, type: "claude_file_deleted" });
    await expect(client.files.get(fileId)).rejects.toMatchObject({ status: 404 });
    const documentId = simulator.fixtures.projectDocument;
    expect((await client.projectDocuments.delete(documentId)).data).toEqual({ id: documentId, type: "claude_project_document_deleted" });
    await expect(client.projectDocuments.getMetadata(documentId)).rejects.toMatchObject({ status: 404 });
    const projectId = simulator.fixtures.projectWithoutChats;
    expect((await client.projects.delete(projectId)).data).toEqual({ id: projectId, type: "claude_project_deleted" });
    await expect(client.projects.get(projectId)).rejects.toMatchObject({ status: 404, message: "No project is found with the provided id." });
    const listed = (await client.projects.list({ limit: 100 })).data.data.map((project) => project.id);
    expect(listed).not.toContain(projectId);
  });
});
