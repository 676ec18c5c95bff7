// Artifact version metadata and content. The path takes the version id, not the artifact id.

import { SCOPE } from "../dataset/api-keys";
import { artifactId, artifactSlots, artifactText } from "../dataset/artifacts";
import { chatId, ChatKind, messageTime } from "../dataset/chats";
import { Kind, PREFIX } from "../dataset/ids";
import { hashInts } from "../dataset/prng";
import { formatUs } from "../dataset/time";
import { createHash } from "node:crypto";
import { singleChunk } from "../http/body";
import type { Ctx, RouteDef } from "../http/context";
import { Errors } from "../http/errors";
import { isChatGone } from "./render";

const BASE = "/v1/compliance/apps/artifacts";

const EXTENSIONS: Readonly<Record<string, string>> = {
  "text/markdown": "md",
  "application/vnd.ant.code": "txt",
  "text/html": "html",
  "image/svg+xml": "svg",
  "application/vnd.ant.react": "jsx",
};

function resolveVersion(ctx: Ctx) {
  const { ds } = ctx;
  const id = ctx.params.artifact_version_id!;
  const d = ds.ids.decodeTagged(PREFIX.artifactVersion, Kind.ArtifactVersion, id);
  if (!d || d.a >= ds.chats.count || isChatGone(ctx.state, d.a)) throw Errors.artifactNotFound();
  const ci = d.a;
  const slot = artifactSlots(ds.chats, ds.seed, ci).find((s) => s.slot === d.b);
  const version = slot ? slot.versionsAt.indexOf(d.c) + 1 : 0;
  if (!slot || version === 0) throw Errors.artifactNotFound();
  const text = artifactText(slot.type, version, ds.chats.kind[ci] === ChatKind.Hostile, hashInts(ds.seed, 0xa49, ci, slot.slot), slot.content);
  const bytes = Buffer.from(text, "utf8");
  return { ci, slot, id, messageIndex: d.c, bytes, md5: createHash("md5").update(bytes).digest() };
}

export const artifactRoutes: RouteDef[] = [
  {
    method: "GET",
    path: `${BASE}/:artifact_version_id`,
    scope: SCOPE.userData,
    handler: (ctx) => {
      const v = resolveVersion(ctx);
      return {
        json: {
          id: artifactId(ctx.ds.ids, v.ci, v.slot.slot),
          version_id: v.id,
          claude_chat_id: chatId(ctx.ds.ids, v.ci),
          created_at: formatUs(messageTime(ctx.ds.chats, ctx.ds.seed, v.ci, v.messageIndex)),
          artifact_type: v.slot.type,
          title: v.slot.title,
          md5: v.md5.toString("hex"),
          size_bytes: v.bytes.length,
        },
      };
    },
  },
  {
    method: "GET",
    path: `${BASE}/:artifact_version_id/content`,
    scope: SCOPE.userData,
    handler: (ctx) => {
      const v = resolveVersion(ctx);
      // Undocumented media type: the exact UTF-8 text as text/plain, with the same download
      // headers as files (the metadata md5 is "over the UTF-8 encoding of that text").
      const name = `${v.slot.title ?? "artifact"}.${EXTENSIONS[v.slot.type] ?? "txt"}`;
      return { download: { contentType: "text/plain; charset=utf-8", filename: name, md5: v.md5, body: () => singleChunk(v.bytes) } };
    },
  },
];
