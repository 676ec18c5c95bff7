import { createHash } from "node:crypto";
import { afterEach, describe, expect, test } from "vitest";
import { ArtifactVersionList, ArtifactVersionView, ProjectDocumentView } from "@/lib/schemas/artifacts";
import { getArtifactPreview } from "@/lib/server/artifacts/get-artifact-preview";
import { getArtifactVersion } from "@/lib/server/artifacts/get-artifact-version";
import { getProjectDocument } from "@/lib/server/artifacts/get-project-document";
import { listArtifactVersions } from "@/lib/server/artifacts/list-artifact-versions";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { setUpSimulatorWithClient, type RunningSimulator } from "@/tests/support/simulator";
import { ABSENT } from "@/tests/support/simulator-ids";

let simulator: RunningSimulator;
let client: ComplianceClient;
setUpSimulatorWithClient({ rateLimitPerMinute: 100_000 }, (started) => ({ simulator, client } = started));
afterEach(() => simulator.setFaults([]));

const artifactOfType = (type: string) => simulator.fixtures.artifactsChat.artifacts.find((artifact) => artifact.type === type)!;
const md5Hex = (text: string) => createHash("md5").update(text, "utf8").digest("hex");

describe("getArtifactVersion", () => {
  test.each(["text/markdown", "application/vnd.ant.code", "text/html", "image/svg+xml", "application/vnd.ant.react"])(
    "a %s version arrives whole, with both MD5 references verified",
    async (type) => {
      const artifact = artifactOfType(type);
      const versionId = artifact.versionIds.at(-1)!;
      const read = await getArtifactVersion(client, versionId);
      expect(ArtifactVersionView.parse(read.dto)).toEqual(read.dto);
      expect(read.dto.artifact).toMatchObject({ id: artifact.id, versionId, chatId: simulator.fixtures.artifactsChat.id, artifactType: type });
      expect(read.dto.content).toMatchObject({ cut: false, invalidUtf8: false });
      expect(read.dto.integrity).toMatchObject({
        outcome: "verified",
        metadataMd5Matches: true,
        contentMd5HeaderMatches: true,
        computedMd5: md5Hex(read.dto.content.text),
      });
      expect(read.dto.integrity.receivedBytes).toBe(read.dto.integrity.declaredBytes);
      expect(read.upstreamRequestIds).toHaveLength(2);
    },
  );

  test("a Content-MD5 that disagrees with the bytes is reported as a mismatch, and the content is still shown", async () => {
    const versionId = artifactOfType("text/markdown").versionIds[0]!;
    simulator.setFaults([{ match: { path: `/v1/compliance/apps/artifacts/${versionId}/content` }, times: 1, fault: { type: "wrong_md5" } }]);
    const read = await getArtifactVersion(client, versionId);
    expect(read.dto.integrity).toMatchObject({ outcome: "mismatch", metadataMd5Matches: true, contentMd5HeaderMatches: false });
    expect(read.dto.content.text).toContain("# Launch Plan");
  });

  test("an unknown version is the API's 404", async () => {
    await expect(getArtifactVersion(client, ABSENT.artifactVersion)).rejects.toMatchObject({ status: 404 });
  });
});

describe("listArtifactVersions", () => {
  test("finds every version of the artifact in its chat's order, from any of its versions", async () => {
    for (const artifact of simulator.fixtures.artifactsChat.artifacts) {
      for (const versionId of artifact.versionIds) {
        const read = await listArtifactVersions(client, versionId);
        expect(ArtifactVersionList.parse(read.dto)).toEqual(read.dto);
        expect(read.dto).toMatchObject({ artifactId: artifact.id, chatId: simulator.fixtures.artifactsChat.id, complete: true });
        expect(read.dto.versions.map((version) => version.versionId)).toEqual(artifact.versionIds);
        const times = read.dto.versions.map((version) => version.createdAt);
        expect([...times].sort()).toEqual(times);
      }
    }
  });

  test("stops after the page limit and says the list may be incomplete", async () => {
    const markdown = artifactOfType("text/markdown");
    const read = await listArtifactVersions(client, markdown.versionIds[0]!, { pageSize: 2, maxPages: 2 });
    expect(read.dto).toMatchObject({ complete: false, messagesRead: 4 });
    expect(read.dto.versions.map((version) => version.versionId)).toEqual(markdown.versionIds.slice(0, 2));
    expect(read.upstreamRequestIds).toHaveLength(3);
  });
});

describe("getArtifactPreview", () => {
  test("serves an HTML version's exact bytes as HTML, and an SVG as SVG", async () => {
    const html = artifactOfType("text/html").versionIds.at(-1)!;
    const preview = await getArtifactPreview(client, html);
    const view = await getArtifactVersion(client, html);
    expect(preview).toMatchObject({ kind: "ready", mediaType: "text/html; charset=utf-8" });
    expect(preview.kind === "ready" && preview.body.toString("utf8")).toBe(view.dto.content.text);
    expect(await getArtifactPreview(client, artifactOfType("image/svg+xml").versionIds[0]!)).toMatchObject({
      kind: "ready",
      mediaType: "image/svg+xml; charset=utf-8",
    });
  });

  test("refuses markdown, code and React without downloading their content", async () => {
    for (const type of ["text/markdown", "application/vnd.ant.code", "application/vnd.ant.react"]) {
      const preview = await getArtifactPreview(client, artifactOfType(type).versionIds[0]!);
      expect(preview).toMatchObject({ kind: "refused", reason: "not_previewable", integrity: null });
      expect(preview.upstreamRequestIds).toHaveLength(1);
    }
  });

  test("refuses to run content whose MD5 does not match", async () => {
    const html = artifactOfType("text/html").versionIds.at(-1)!;
    simulator.setFaults([{ match: { path: `/v1/compliance/apps/artifacts/${html}/content` }, times: 1, fault: { type: "wrong_md5" } }]);
    expect(await getArtifactPreview(client, html)).toMatchObject({ kind: "refused", reason: "integrity", integrity: { outcome: "mismatch" } });
  });
});

describe("getProjectDocument", () => {
  test("shows the document's text and facts, its MD5 verified against the metadata", async () => {
    const documentId = simulator.fixtures.projectDocument;
    const read = await getProjectDocument(client, documentId);
    expect(ProjectDocumentView.parse(read.dto)).toEqual(read.dto);
    expect(read.dto.document).toMatchObject({ id: documentId, projectId: simulator.fixtures.projectWithoutChats, mimeType: "text/plain" });
    expect(read.dto.document.filename).toEqual(expect.any(String));
    expect(read.dto.integrity).toMatchObject({
      outcome: "verified",
      metadataMd5Matches: true,
      contentMd5Header: null,
      computedMd5: md5Hex(read.dto.content.text),
    });
    expect(read.dto.integrity.receivedBytes).toBe(read.dto.integrity.declaredBytes);
    expect(read.upstreamRequestIds).toHaveLength(2);
  });

  test("a document that was deleted is the API's 404", async () => {
    const attachments = await client.projects.listAttachments(simulator.fixtures.projectWithoutChats);
    const documentId = attachments.data.data.filter((attachment) => attachment.type === "project_doc").at(-1)!.id;
    expect(documentId).not.toBe(simulator.fixtures.projectDocument);
    await client.projectDocuments.delete(documentId);
    await expect(getProjectDocument(client, documentId)).rejects.toMatchObject({ status: 404 });
  });
});
