// Uploaded files (chat and project files share one id space and one set of endpoints) and
// Claude-generated files: metadata, streamed content, and file hard-delete.

import { SCOPE } from "../dataset/api-keys";
import type { Digest } from "../dataset/blobs";
import { chatFileInfo, genFileInfo, type ChatFileInfo, type GenFileInfo } from "../dataset/chat-files";
import { chatId } from "../dataset/chats";
import type { Dataset } from "../dataset/dataset";
import { MIME_TYPES, type FileSpec } from "../dataset/file-bytes";
import { Kind, PREFIX } from "../dataset/ids";
import { messageId } from "../dataset/messages";
import { projectFile, type ProjectFileInfo } from "../dataset/projects";
import { formatUs } from "../dataset/time";
import { singleChunk, type ChunkSource } from "../http/body";
import type { Ctx, Download, RouteDef } from "../http/context";
import { Errors } from "../http/errors";
import type { State } from "../state";
import { isChatGone, projectIsGone } from "./render";

const FILES = "/v1/compliance/apps/chats/files";
const GENERATED = "/v1/compliance/apps/chats/generated-files";

export type ResolvedFile = { kind: "chat"; info: ChatFileInfo } | { kind: "project"; info: ProjectFileInfo };

function specOf(f: { type: FileSpec["type"]; key: number; filename: string; hostile: boolean }): FileSpec {
  return { type: f.type, key: f.key, title: f.filename, hostile: f.hostile };
}

export function chatFileIsLive(state: State, info: ChatFileInfo): boolean {
  return !isChatGone(state, info.ci) && !state.deletedFiles.has(info.id);
}

/** A live chat or project file for a path id, or the documented 404. */
function resolveFile(ctx: Ctx, id: string): ResolvedFile {
  const { ds, state } = ctx;
  const c = ds.ids.decodeTagged(PREFIX.file, Kind.ChatFile, id);
  if (c) {
    const info = chatFileInfo(ds.chats, ds.ids, ds.seed, c.a, c.b, c.c);
    if (info && chatFileIsLive(state, info)) return { kind: "chat", info };
    throw Errors.fileNotFound();
  }
  const p = ds.ids.decodeTagged(PREFIX.file, Kind.ProjectFile, id);
  if (p && !projectIsGone(ds, state, p.a) && p.b < ds.projects.list[p.a]!.fileCount && !state.deletedFiles.has(id)) {
    return { kind: "project", info: projectFile(ds.ids, ds.seed, ds.projects.list[p.a]!, p.b) };
  }
  throw Errors.fileNotFound();
}

/** Digest of an upload; the large file's needs its one-off streaming pass first. */
export async function uploadDigest(ds: Dataset, f: ChatFileInfo | ProjectFileInfo): Promise<Digest> {
  if ("large" in f && f.large) return (await ds.blobs.ensureLarge())!;
  return ds.blobs.digest(specOf(f));
}

function uploadBody(ds: Dataset, f: ChatFileInfo | ProjectFileInfo): () => ChunkSource {
  if ("large" in f && f.large) {
    const large = ds.blobs.largeFile!;
    return () => {
      let k = 0;
      return () => (k < large.blockCount ? large.block(k++) : null);
    };
  }
  return () => singleChunk(ds.blobs.bytes(specOf(f)));
}

/** The `files[]` entry on a message. */
export function messageFileEntry(info: ChatFileInfo, digest: Digest): Record<string, unknown> {
  return {
    id: info.id,
    filename: info.filename,
    mime_type: MIME_TYPES[info.type],
    size_bytes: digest.size,
    md5: digest.md5.toString("hex"),
    created_at: formatUs(info.createdUs),
  };
}

function resolveGenerated(ctx: Ctx, id: string): GenFileInfo {
  const { ds, state } = ctx;
  const d = ds.ids.decodeTagged(PREFIX.genFile, Kind.GenFile, id);
  const info = d ? genFileInfo(ds.chats, ds.ids, ds.seed, d.a, d.b, d.c) : null;
  if (!info || isChatGone(state, info.ci)) throw Errors.generatedFileNotFound();
  return info;
}

/** Null digest for an expired generated file (its size and hash are gone with it). */
export function generatedDigest(ds: Dataset, info: GenFileInfo): Digest | null {
  return info.type === "expired" ? null : ds.blobs.digest({ type: info.type, key: info.key, title: info.filename, hostile: info.hostile });
}

export const fileRoutes: RouteDef[] = [
  {
    method: "GET",
    path: `${FILES}/:claude_file_id`,
    scope: SCOPE.userData,
    handler: async (ctx) => {
      const f = resolveFile(ctx, ctx.params.claude_file_id!);
      const digest = await uploadDigest(ctx.ds, f.info);
      const isChat = f.kind === "chat";
      return {
        json: {
          id: f.info.id,
          filename: f.info.filename,
          mime_type: MIME_TYPES[f.info.type],
          size_bytes: digest.size,
          md5: digest.md5.toString("hex"),
          created_at: formatUs(f.info.createdUs),
          // Undocumented for project files: they belong to no chat message, so both are empty.
          message_ids: isChat ? f.info.messageIndices.map((i) => messageId(ctx.ds.ids, f.info.ci, i)) : [],
          claude_chat_ids: isChat ? [chatId(ctx.ds.ids, f.info.ci)] : [],
        },
      };
    },
  },
  {
    method: "GET",
    path: `${FILES}/:claude_file_id/content`,
    scope: SCOPE.userData,
    handler: async (ctx) => {
      const f = resolveFile(ctx, ctx.params.claude_file_id!);
      const digest = await uploadDigest(ctx.ds, f.info);
      const download: Download = { contentType: MIME_TYPES[f.info.type], filename: f.info.filename, md5: digest.md5, body: uploadBody(ctx.ds, f.info) };
      return { download };
    },
  },
  {
    method: "DELETE",
    path: `${FILES}/:claude_file_id`,
    scope: SCOPE.delete,
    handler: (ctx) => {
      const f = resolveFile(ctx, ctx.params.claude_file_id!);
      ctx.state.deletedFiles.add(f.info.id);
      ctx.emit("claude_file_deleted", f.kind === "chat" ? ctx.ds.chats.org[f.info.ci]! : ctx.ds.projects.list[f.info.project]!.org, {
        claude_file_id: f.info.id,
        filename: f.info.filename,
      });
      return { json: { id: f.info.id, type: "claude_file_deleted" } };
    },
  },
  {
    method: "GET",
    path: `${GENERATED}/:claude_gen_file_id`,
    scope: SCOPE.userData,
    handler: (ctx) => {
      const info = resolveGenerated(ctx, ctx.params.claude_gen_file_id!);
      const digest = generatedDigest(ctx.ds, info);
      return {
        json: {
          id: info.id,
          claude_chat_id: chatId(ctx.ds.ids, info.ci),
          created_at: formatUs(info.createdUs),
          filename: info.filename,
          md5: digest ? digest.md5.toString("hex") : null,
          mime_type: info.mimeType,
          size_bytes: digest ? digest.size : null,
        },
      };
    },
  },
  {
    method: "GET",
    path: `${GENERATED}/:claude_gen_file_id/content`,
    scope: SCOPE.userData,
    handler: (ctx) => {
      const info = resolveGenerated(ctx, ctx.params.claude_gen_file_id!);
      // Undocumented: an expired file has no bytes left, so its content is a 404.
      if (info.type === "expired") throw Errors.generatedFileNotFound();
      const spec = { type: info.type, key: info.key, title: info.filename, hostile: info.hostile };
      const download: Download = {
        contentType: info.mimeType,
        filename: info.filename,
        md5: ctx.ds.blobs.digest(spec).md5,
        body: () => singleChunk(ctx.ds.blobs.bytes(spec)),
      };
      return { download };
    },
  },
];
