import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LARGE_CODE_ROWS } from "@/lib/simulator/dataset/artifacts";
import { ChatKind } from "@/lib/simulator/dataset/chats";
import { LONG_LOG_LAST_LINE } from "@/lib/simulator/dataset/file-bytes";
import { CORPUS_FILENAMES } from "@/lib/simulator/dataset/filenames";
import { SCRIPTED_SVG_ARTIFACT } from "@/lib/simulator/dataset/hostile";
import { DATASET_SIZES } from "@/lib/simulator/dataset/profiles";
import type { RunningSimulator } from "@/lib/simulator/server";
import { SMALL_SEED_1_PREVIEW_CORPUS } from "@/tests/support/simulator-ids";
import { call, FULL, start, type Json, type Res } from "./helpers";

const PREVIEW_CAP_BYTES = 256 * 1024;

async function download(sim: RunningSimulator, path: string) {
  const res = await fetch(`${sim.url}${path}`, { headers: { "x-api-key": FULL } });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

const md5Hex = (bytes: Buffer) => createHash("md5").update(bytes).digest("hex");

it("matches the ids the end-to-end tests use (small dataset, seed 1)", async () => {
  const sim = await start({ dataset: "small", seed: 1 });
  try {
    const { chat, files, scriptedSvgArtifact, largeCodeArtifact } = sim.fixtures.previewCorpus;
    expect({
      chat,
      files: Object.fromEntries(Object.entries(files).map(([file, { id }]) => [file, id])),
      scriptedSvgArtifact: scriptedSvgArtifact.versionIds,
      largeCodeArtifact: largeCodeArtifact.versionIds,
    }).toEqual(SMALL_SEED_1_PREVIEW_CORPUS);
  } finally {
    await sim.close();
  }
});

describe.each(DATASET_SIZES)("the %s dataset's preview corpus", (dataset) => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await start({ dataset });
  });
  afterAll(() => sim.close());

  const corpus = () => sim.fixtures.previewCorpus;
  const fileContent = async (file: keyof typeof CORPUS_FILENAMES) =>
    (await download(sim, `/v1/compliance/apps/chats/files/${corpus().files[file].id}/content`)).bytes;

  it("is a chat of the power user, indexed after every generated chat so that no earlier id moved", async () => {
    const { chats } = sim.dataset;
    // Only the cross-user tie, added after it the same way, comes later.
    expect(chats.special[ChatKind.Corpus]).toBe(chats.count - 2);
    expect(chats.crossUserTie).toBe(chats.count - 1);
    const ids: string[] = [];
    for (let after: string | null = null, more = true; more;) {
      const page: Res = await call(
        sim,
        `/v1/compliance/apps/chats?user_ids[]=${sim.fixtures.userWithManyChats.id}&limit=1000${after ? `&after_id=${after}` : ""}`,
      );
      ids.push(...(page.body.data as Json[]).map((chat) => chat.id as string));
      [after, more] = [page.body.last_id as string, page.body.has_more as boolean];
    }
    expect(ids).toContain(corpus().chat);
    expect(ids).toHaveLength(sim.fixtures.userWithManyChats.chatCount);
  });

  it("lists every upload on its messages and serves it under its exact name, RFC 5987 encoded, with a matching MD5", async () => {
    const thread = await call(sim, `/v1/compliance/apps/chats/${corpus().chat}/messages`);
    const listed = (thread.body.chat_messages as Json[]).flatMap((message) => message.files ?? []) as Json[];
    expect(listed.map((file) => file.filename).sort()).toEqual(Object.values(CORPUS_FILENAMES).sort());
    for (const [file, { id, filename }] of Object.entries(corpus().files)) {
      expect(filename, file).toBe(CORPUS_FILENAMES[file as keyof typeof CORPUS_FILENAMES]);
      const { res, bytes } = await download(sim, `/v1/compliance/apps/chats/files/${id}/content`);
      const disposition = res.headers.get("content-disposition")!;
      expect(disposition).toMatch(/^attachment; filename\*=utf-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
      expect(decodeURIComponent(disposition.slice("attachment; filename*=utf-8''".length))).toBe(filename);
      expect(res.headers.get("content-md5")).toBe(createHash("md5").update(bytes).digest("base64"));
      expect(listed.find((entry) => entry.id === id)).toMatchObject({ md5: md5Hex(bytes), size_bytes: bytes.length });
    }
  });

  it("has names that break naive handling: a raw CR/LF (sent as %0D%0A), a right-to-left mark, 255 UTF-8 bytes, a path, a trailing dot and space", async () => {
    const { files } = corpus();
    expect(files.lineBreak.filename).toContain("\r\n");
    const raw = await download(sim, `/v1/compliance/apps/chats/files/${files.lineBreak.id}/content`);
    expect(raw.res.headers.get("content-disposition")).toContain("%0D%0ASet-Cookie");
    expect(raw.res.headers.get("set-cookie")).toBeNull();
    expect(files.rightToLeftMark.filename).toContain("\u200F");
    expect(Buffer.byteLength(files.maxLength.filename, "utf8")).toBe(255);
    expect(files.maxLength.filename).toMatch(/^📁-[^\x00-\x7f]+_*\.txt$/u);
    expect(files.parentPath.filename).toContain("../");
    expect(files.trailingDot.filename.endsWith(".")).toBe(true);
    expect(files.trailingSpace.filename.endsWith(" ")).toBe(true);
  });

  it("serves real images in each raster format a preview shows", async () => {
    const jpeg = await fileContent("jpeg");
    expect(jpeg.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(jpeg.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    const frame = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    expect(jpeg.readUInt16BE(frame + 5) % 8).toBe(0);
    expect(jpeg.readUInt16BE(frame + 7) % 8).toBe(0);

    const gif = await fileContent("gif");
    expect(gif.subarray(0, 6).toString("latin1")).toBe("GIF89a");
    expect(gif.readUInt16LE(6)).toBeGreaterThan(0);
    expect(gif.at(-1)).toBe(0x3b);

    const webp = await fileContent("webp");
    expect(webp.subarray(0, 4).toString("latin1")).toBe("RIFF");
    expect(webp.readUInt32LE(4)).toBe(webp.length - 8);
    expect(webp.subarray(8, 16).toString("latin1")).toBe("WEBPVP8L");
    expect(webp[20]).toBe(0x2f);

    const metadata = await call(sim, `/v1/compliance/apps/chats/files/${corpus().files.webp.id}`);
    expect(metadata.body.mime_type).toBe("image/webp");
  });

  it("serves an HTML page with a script, a text past the preview cap and a PDF whose catalog runs JavaScript", async () => {
    const html = (await fileContent("html")).toString("utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("<script>window.__xss=1");
    expect((await call(sim, `/v1/compliance/apps/chats/files/${corpus().files.html.id}`)).body.mime_type).toBe("text/html");

    const log = await fileContent("longText");
    expect(log.length).toBeGreaterThan(PREVIEW_CAP_BYTES);
    expect(log.subarray(0, PREVIEW_CAP_BYTES).toString("utf8")).not.toContain(LONG_LOG_LAST_LINE);
    expect(log.toString("utf8").trimEnd().endsWith(LONG_LOG_LAST_LINE)).toBe(true);

    const pdf = (await fileContent("pdfWithJavaScript")).toString("latin1");
    expect(pdf).toMatch(/\/Type \/Catalog [^>]*\/OpenAction 6 0 R/);
    expect(pdf).toMatch(/6 0 obj\n<< \/Type \/Action \/S \/JavaScript \/JS \(app\.alert/);
    const offsets = [...pdf.matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
    expect(offsets).toHaveLength(6);
    offsets.forEach((offset, index) => expect(pdf.slice(offset).startsWith(`${index + 1} 0 obj`)).toBe(true));
  });

  it("has an SVG artifact with a script and event handlers, and a code artifact of two versions over 2 MiB and 5,000 lines", async () => {
    const svgVersion = corpus().scriptedSvgArtifact.versionIds[0]!;
    const svg = await download(sim, `/v1/compliance/apps/artifacts/${svgVersion}/content`);
    expect(svg.bytes.toString("utf8")).toBe(SCRIPTED_SVG_ARTIFACT);
    expect(SCRIPTED_SVG_ARTIFACT).toMatch(/<script>/);
    expect(SCRIPTED_SVG_ARTIFACT).toMatch(/ onload="/);
    expect(SCRIPTED_SVG_ARTIFACT).toMatch(/ onclick="/);
    expect((await call(sim, `/v1/compliance/apps/artifacts/${svgVersion}`)).body).toMatchObject({ artifact_type: "image/svg+xml", md5: md5Hex(svg.bytes) });

    const { id, versionIds } = corpus().largeCodeArtifact;
    expect(versionIds).toHaveLength(2);
    const texts: string[] = [];
    for (const versionId of versionIds) {
      const { bytes } = await download(sim, `/v1/compliance/apps/artifacts/${versionId}/content`);
      expect(bytes.length).toBeGreaterThan(2 * 1024 * 1024);
      expect(bytes.toString("utf8").split("\n").length).toBeGreaterThan(Math.max(5_000, LARGE_CODE_ROWS));
      expect((await call(sim, `/v1/compliance/apps/artifacts/${versionId}`)).body).toMatchObject({
        id,
        artifact_type: "application/vnd.ant.code",
        md5: md5Hex(bytes),
        size_bytes: bytes.length,
      });
      texts.push(bytes.toString("utf8"));
    }
    expect(texts[0]).not.toBe(texts[1]);
  });
});
