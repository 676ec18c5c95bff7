import { createHash } from "node:crypto";
import { inflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/lib/simulator/server";
import { call, expectError, FULL, start } from "./helpers";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await start();
});
afterAll(() => sim.close());

async function download(path: string) {
  const res = await fetch(`${sim.url}${path}`, { headers: { "x-api-key": FULL } });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** Reverses RFC 5987 `filename*=utf-8''...`. */
function filenameOf(disposition: string): string {
  const m = /^attachment; filename\*=utf-8''([A-Za-z0-9!#$&+\-.^_`|~%]+)$/.exec(disposition);
  if (!m) throw new Error(`not an RFC 5987 attachment disposition: ${disposition}`);
  return decodeURIComponent(m[1]!);
}

describe("file downloads", () => {
  it("streams every upload of the files chat chunked, with RFC 5987 names and a Content-MD5 matching the metadata", async () => {
    const messages = await call(sim, `/v1/compliance/apps/chats/${sim.fixtures.filesChat}/messages`);
    const files = messages.body.chat_messages.flatMap((m: { files: unknown[] | null }) => m.files ?? []) as Array<{
      id: string;
      filename: string;
      md5: string;
      size_bytes: number;
      mime_type: string;
    }>;
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const f of files) {
      const { res, bytes } = await download(`/v1/compliance/apps/chats/files/${f.id}/content`);
      expect(res.status).toBe(200);
      expect(res.headers.get("transfer-encoding")).toBe("chunked");
      expect(res.headers.get("content-length")).toBeNull();
      expect(res.headers.get("content-type")).toBe(f.mime_type);
      expect(filenameOf(res.headers.get("content-disposition")!)).toBe(f.filename);
      expect(res.headers.get("content-md5")).toBe(createHash("md5").update(bytes).digest("base64"));
      expect(createHash("md5").update(bytes).digest("hex")).toBe(f.md5);
      expect(bytes.length).toBe(f.size_bytes);
      const meta = await call(sim, `/v1/compliance/apps/chats/files/${f.id}`);
      expect(meta.body).toMatchObject({ id: f.id, md5: f.md5, size_bytes: f.size_bytes, filename: f.filename, claude_chat_ids: [sim.fixtures.filesChat] });
    }
  });

  it("serves bytes that are valid for their type", async () => {
    const get = async (type: string) => (await download(`/v1/compliance/apps/chats/files/${sim.fixtures.uploadedFiles[type]}/content`)).bytes;
    const png = await get("png");
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const idat = png.indexOf("IDAT");
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4))).length).toBe((width * 3 + 1) * height);
    const pdf = (await get("pdf")).toString("latin1");
    expect(pdf.startsWith("%PDF-1.")).toBe(true);
    const xref = Number(/startxref\n(\d+)/.exec(pdf)![1]);
    expect(pdf.slice(xref, xref + 4)).toBe("xref");
    const docx = await get("docx");
    expect(docx.subarray(0, 4)).toEqual(Buffer.from("PK\x03\x04", "latin1"));
    expect(docx.includes(Buffer.from("word/document.xml"))).toBe(true);
    expect(JSON.parse((await get("json")).toString("utf8"))).toHaveProperty("items");
    expect((await get("csv")).toString("utf8").split("\r\n")[0]).toBe("id,customer,region,amount,notes");
    expect((await get("svg")).toString("utf8")).toContain("<svg");
  });

  it("lists a re-attached file on both messages", async () => {
    const meta = await call(sim, `/v1/compliance/apps/chats/files/${sim.fixtures.reattachedFile}`);
    expect(meta.body.message_ids).toHaveLength(2);
  });

  it("serves generated files, and 404s the content of an expired one", async () => {
    const meta = await call(sim, `/v1/compliance/apps/chats/generated-files/${sim.fixtures.generatedFile}`);
    const { res, bytes } = await download(`/v1/compliance/apps/chats/generated-files/${sim.fixtures.generatedFile}/content`);
    expect(res.headers.get("content-md5")).toBe(Buffer.from(meta.body.md5, "hex").toString("base64"));
    expect(bytes.length).toBe(meta.body.size_bytes);
    const expired = await call(sim, `/v1/compliance/apps/chats/generated-files/${sim.fixtures.expiredGeneratedFile}`);
    expect(expired.body).toMatchObject({ size_bytes: null, md5: null });
    expectError(await call(sim, `/v1/compliance/apps/chats/generated-files/${sim.fixtures.expiredGeneratedFile}/content`), 404, "not_found_error");
  });
});

describe("artifacts and project documents", () => {
  it("gives each artifact version its own text, with md5 and size of its UTF-8 bytes", async () => {
    const artifact = sim.fixtures.artifactsChat.artifacts[0]!;
    expect(artifact.versionIds.length).toBeGreaterThanOrEqual(3);
    const texts: string[] = [];
    for (const version of artifact.versionIds) {
      const meta = await call(sim, `/v1/compliance/apps/artifacts/${version}`);
      expect(meta.body).toMatchObject({ id: artifact.id, version_id: version, artifact_type: artifact.type, claude_chat_id: sim.fixtures.artifactsChat.id });
      const { res, bytes } = await download(`/v1/compliance/apps/artifacts/${version}/content`);
      expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(createHash("md5").update(bytes).digest("hex")).toBe(meta.body.md5);
      expect(bytes.length).toBe(meta.body.size_bytes);
      texts.push(bytes.toString("utf8"));
    }
    expect(new Set(texts).size).toBe(texts.length);
    const types = sim.fixtures.artifactsChat.artifacts.map((a) => a.type);
    expect(types).toEqual(expect.arrayContaining(["text/markdown", "application/vnd.ant.code", "text/html", "image/svg+xml", "application/vnd.ant.react"]));
  });

  it("serves project document content as JSON whose md5 matches its metadata", async () => {
    const doc = await call(sim, `/v1/compliance/apps/projects/documents/${sim.fixtures.projectDocument}`);
    const meta = await call(sim, `/v1/compliance/apps/projects/documents/${sim.fixtures.projectDocument}/metadata`);
    expect(Object.keys(doc.body).sort()).toEqual(["content", "created_at", "filename", "id", "user"]);
    expect(meta.body.md5).toBe(createHash("md5").update(doc.body.content, "utf8").digest("hex"));
    expect(meta.body.size_bytes).toBe(Buffer.byteLength(doc.body.content, "utf8"));
    expect(meta.body.mime_type).toBe("text/plain");
  });

  it("offers collaborators of all four kinds and both attachment kinds on the showcase project", async () => {
    const collaborators = await call(sim, `/v1/compliance/apps/projects/${sim.fixtures.projectWithChats}/collaborators`);
    expect(new Set(collaborators.body.data.map((c: { type: string }) => c.type))).toEqual(new Set(["user", "group", "organization", "organization_role"]));
    const attachments = await call(sim, `/v1/compliance/apps/projects/${sim.fixtures.projectWithChats}/attachments`);
    expect(new Set(attachments.body.data.map((a: { type: string }) => a.type))).toEqual(new Set(["project_file", "project_doc"]));
  });
});

describe("message content", () => {
  it("truncates big tool blocks at 10,000 characters by default and returns them whole with -1", async () => {
    const base = `/v1/compliance/apps/chats/${sim.fixtures.toolsChat}/messages`;
    const blocks = (body: { chat_messages: Array<{ content: Array<Record<string, unknown>> }> }) => body.chat_messages.flatMap((m) => m.content);
    const cut = blocks((await call(sim, base)).body);
    const bigUse = cut.find((b) => b.type === "tool_use" && b.truncated === true)!;
    expect((bigUse.input as string).length).toBe(10_000);
    const bigResult = cut.find((b) => b.type === "tool_result" && b.truncated === true)!;
    expect((bigResult.content as Array<{ text: string }>)[0]!.text.length).toBe(10_000);
    const whole = blocks((await call(sim, `${base}?tool_result_max_chars=-1&tool_use_input_max_chars=-1`)).body);
    expect(whole.some((b) => b.truncated === true)).toBe(false);
    const fullUse = whole.find((b) => b.type === "tool_use" && b.id === bigUse.id)!;
    expect(JSON.parse(fullUse.input as string)).toHaveProperty("code");
    const small = blocks((await call(sim, `${base}?tool_use_input_max_chars=20`)).body).filter((b) => b.type === "tool_use");
    expect(small.every((b) => (b.input as string).length <= 20)).toBe(true);
  });

  it("covers MCP, errors and redacted thinking in the tools chat", async () => {
    const res = await call(sim, `/v1/compliance/apps/chats/${sim.fixtures.toolsChat}/messages`);
    const blocks = res.body.chat_messages.flatMap((m: { content: unknown[] }) => m.content) as Array<Record<string, unknown>>;
    expect(blocks.some((b) => b.type === "tool_use" && typeof b.mcp_server_url === "string" && typeof b.integration_name === "string")).toBe(true);
    expect(blocks.some((b) => b.type === "tool_result" && b.is_error === true)).toBe(true);
    expect(blocks.some((b) => b.type === "text" && b.thinking_redacted === true)).toBe(true);
    const uses = new Set(blocks.filter((b) => b.type === "tool_use").map((b) => b.id));
    for (const r of blocks.filter((b) => b.type === "tool_result")) expect(uses.has(r.tool_use_id)).toBe(true);
  });

  it("shows a soft-deleted chat with an empty name and empty messages", async () => {
    const res = await call(sim, `/v1/compliance/apps/chats/${sim.fixtures.softDeletedChat}/messages`);
    expect(res.body.name).toBe("");
    expect(res.body.deleted_at).not.toBeNull();
    for (const m of res.body.chat_messages) expect(m).toMatchObject({ content: [], files: null, generated_files: null, artifacts: null });
  });

  it("carries hostile content verbatim", async () => {
    const res = await call(sim, `/v1/compliance/apps/chats/${sim.fixtures.hostileChat}/messages?tool_result_max_chars=-1`);
    expect(res.body.name).toContain("<script>");
    expect(res.text).toContain("onerror=");
    expect(res.text).toContain("javascript:");
    const users = await call(sim, `/v1/compliance/organizations/${sim.fixtures.organizations[0]!.uuid}/users`);
    expect(users.body.data.some((u: { full_name: string }) => u.full_name.includes("<img"))).toBe(true);
  });
});

describe("sessions", () => {
  it("opens local transcripts with the system-prompt marker and covers content_unavailable", async () => {
    const normal = await call(sim, `/v1/compliance/apps/sessions/local/${sim.fixtures.localSession}/messages`);
    expect(normal.body.session.user.email_address).toBeNull();
    expect(normal.body.data[0]).toMatchObject({
      provenance: { type: "synthetic_marker" },
      content: [{ type: "text", text: "[system prompt content not shown]", truncated: true }],
    });
    const dark = await call(sim, `/v1/compliance/apps/sessions/local/${sim.fixtures.localSessionNotCaptured}/messages`);
    expect(
      dark.body.data.every((m: { content: unknown[]; provenance: { type: string } }) => m.content.length === 0 && m.provenance.type === "content_unavailable"),
    ).toBe(true);
    const one = await call(sim, `/v1/compliance/apps/sessions/local/${sim.fixtures.localSession}`);
    expect(one.body).toMatchObject({ type: "compliance_local_session", id: sim.fixtures.localSession });
  });

  it("excludes agent-owned remote sessions when filtering by user", async () => {
    const all = await call(sim, "/v1/compliance/apps/sessions/remote");
    const agent = all.body.data.find((s: { id: string }) => s.id === sim.fixtures.remoteSessionAgentOwned);
    expect(agent).toMatchObject({ user: null, agent_id: expect.stringMatching(/^cagt_/), started_by_user: { id: expect.stringMatching(/^user_/) } });
    const mine = await call(sim, `/v1/compliance/apps/sessions/remote?user_ids[]=${agent.started_by_user.id}`);
    expect(mine.body.data.map((s: { id: string }) => s.id)).not.toContain(agent.id);
    const messages = await call(sim, `/v1/compliance/apps/sessions/remote/${agent.id}/messages`);
    expect(messages.body.session).toMatchObject({ started_by_user: null, claude_project_id: null });
  });
});

describe("code artifacts", () => {
  it("lists in id order, downloads a version with its MD5, 503s an upload in flight, and deletes once", async () => {
    const list = await call(sim, "/v1/compliance/apps/code/artifacts?limit=100");
    const ids = list.body.data.map((a: { id: string }) => a.id);
    expect([...ids].sort()).toEqual(ids);
    expect(list.body.data.some((a: { owner_user_id: string | null; user: unknown }) => a.owner_user_id === null && a.user === null)).toBe(true);
    const { id, versionId } = sim.fixtures.codeArtifact;
    const { res, bytes } = await download(`/v1/compliance/apps/code/artifacts/${id}/versions/${versionId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-md5")).toBe(createHash("md5").update(bytes).digest("base64"));
    const up = sim.fixtures.codeArtifactUploading;
    expectError(await call(sim, `/v1/compliance/apps/code/artifacts/${up.id}/versions/${up.versionId}`), 503, "overloaded_error");
    expect((await call(sim, `/v1/compliance/apps/code/artifacts/${id}`, { method: "DELETE" })).body).toEqual({ id, type: "code_artifact_deleted" });
    expectError(await call(sim, `/v1/compliance/apps/code/artifacts/${id}`, { method: "DELETE" }), 404, "not_found_error");
    sim.reset();
  });
});
