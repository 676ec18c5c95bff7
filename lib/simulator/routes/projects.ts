// Projects: list, details, attachments (files and documents), collaborators, documents, and
// hard-deletes of documents and projects.

import { SCOPE } from "../dataset/api-keys";
import type { Dataset } from "../dataset/dataset";
import { MIME_TYPES } from "../dataset/file-bytes";
import { Kind, PREFIX } from "../dataset/ids";
import { collaborators, projectDoc, projectFile, type Project, type ProjectDocInfo } from "../dataset/projects";
import { formatUs, inRange } from "../dataset/time";
import { createHash } from "node:crypto";
import type { Ctx, RouteDef } from "../http/context";
import { Errors } from "../http/errors";
import { pageThrough } from "../http/pages";
import { parseLimit, parseRange } from "../http/query";
import type { State } from "../state";
import { isChatGone, orgFilter, projectIsGone, userFilter, userRef } from "./render";

const BASE = "/v1/compliance/apps/projects";

function projectJson(ds: Dataset, p: Project): Record<string, unknown> {
  const org = ds.dir.orgs[p.org]!;
  return {
    id: p.id,
    name: p.name,
    created_at: formatUs(p.createdUs),
    updated_at: formatUs(p.updatedUs),
    deleted_at: p.deletedUs === null ? null : formatUs(p.deletedUs),
    is_private: p.isPrivate,
    organization_id: org.tagged,
    organization_uuid: org.uuid,
    user: userRef(ds, p.creator),
  };
}

function resolveProject(ctx: Ctx): Project {
  const d = ctx.ds.ids.decodeTagged(PREFIX.project, Kind.Project, ctx.params.project_id!);
  if (!d || projectIsGone(ctx.ds, ctx.state, d.a)) throw Errors.projectNotFound();
  return ctx.ds.projects.list[d.a]!;
}

/** Chats still attached (soft-deleted ones included: they remain attached; undocumented). */
function liveChats(state: State, p: Project): number[] {
  return p.chats.filter((ci) => !isChatGone(state, ci));
}

interface Attachment {
  kind: "file" | "doc";
  slot: number;
  createdUs: number;
  id: string;
}

/** All attachments in documented order (created_at, then id), deleted ones included. */
function allAttachments(ds: Dataset, p: Project): Attachment[] {
  const out: Attachment[] = [];
  for (let s = 0; s < p.fileCount; s++) {
    const f = projectFile(ds.ids, ds.seed, p, s);
    out.push({ kind: "file", slot: s, createdUs: f.createdUs, id: f.id });
  }
  for (let s = 0; s < p.docCount; s++) {
    const d = projectDoc(ds.ids, ds.seed, p, s);
    out.push({ kind: "doc", slot: s, createdUs: d.createdUs, id: d.id });
  }
  return out.sort((a, b) => a.createdUs - b.createdUs || (a.id < b.id ? -1 : 1));
}

function isAttachmentLive(state: State, a: Attachment): boolean {
  return !(a.kind === "file" ? state.deletedFiles : state.deletedDocs).has(a.id);
}

function resolveDoc(ctx: Ctx): ProjectDocInfo & { p: Project } {
  const { ds, state } = ctx;
  const id = ctx.params.document_id!;
  const d = ds.ids.decodeTagged(PREFIX.projectDoc, Kind.ProjectDoc, id);
  if (!d || projectIsGone(ds, state, d.a) || d.b >= ds.projects.list[d.a]!.docCount || state.deletedDocs.has(id)) throw Errors.projectDocNotFound();
  const p = ds.projects.list[d.a]!;
  return { ...projectDoc(ds.ids, ds.seed, p, d.b), p };
}

export const projectRoutes: RouteDef[] = [
  {
    method: "GET",
    path: BASE,
    scope: SCOPE.userData,
    handler: (ctx) => {
      const { ds, query: q } = ctx;
      const limit = parseLimit(q, 20, 100);
      const created = parseRange(q, "created_at");
      const updated = parseRange(q, "updated_at");
      const orgs = orgFilter(ds, q.list("organization_ids"));
      const users = q.list("user_ids").length > 0 ? new Set(userFilter(ds, q.list("user_ids"))) : null;
      const order = ds.projects.byCreated;
      const page = pageThrough(q, "projects", order.length, limit, (pos) => {
        const p = ds.projects.list[order[pos]!]!;
        return (
          !ctx.state.deletedProjects.has(p.index) &&
          (orgs === null || orgs.has(p.org)) &&
          (users === null || users.has(p.creator)) &&
          inRange(p.createdUs, created) &&
          inRange(p.updatedUs, updated)
        );
      });
      return { json: { data: page.positions.map((pos) => projectJson(ds, ds.projects.list[order[pos]!]!)), has_more: page.hasMore, next_page: page.nextPage } };
    },
  },
  {
    method: "GET",
    path: `${BASE}/:project_id`,
    scope: SCOPE.userData,
    handler: (ctx) => {
      const p = resolveProject(ctx);
      return {
        json: {
          ...projectJson(ctx.ds, p),
          description: p.description,
          instructions: p.instructions,
          chats_count: liveChats(ctx.state, p).length,
          attachments_count: allAttachments(ctx.ds, p).filter((a) => isAttachmentLive(ctx.state, a)).length,
        },
      };
    },
  },
  {
    method: "DELETE",
    path: `${BASE}/:project_id`,
    scope: SCOPE.delete,
    handler: (ctx) => {
      const p = resolveProject(ctx);
      if (liveChats(ctx.state, p).length > 0) throw Errors.projectHasChats(p.id);
      // Hard delete: the project's documents and files go with it (they resolve via the project).
      ctx.state.deletedProjects.add(p.index);
      ctx.emit("claude_project_deleted", p.org, { claude_project_id: p.id });
      return { json: { id: p.id, type: "claude_project_deleted" } };
    },
  },
  {
    method: "GET",
    path: `${BASE}/:project_id/attachments`,
    scope: SCOPE.userData,
    handler: (ctx) => {
      const limit = parseLimit(ctx.query, 20, 100);
      const p = resolveProject(ctx);
      // Positions index the full base order (deleted included) so tokens survive deletes.
      const base = allAttachments(ctx.ds, p);
      const page = pageThrough(ctx.query, `attachments:${p.id}`, base.length, limit, (pos) => isAttachmentLive(ctx.state, base[pos]!));
      return {
        json: {
          data: page.positions.map((pos) => {
            const a = base[pos]!;
            if (a.kind === "file") {
              const f = projectFile(ctx.ds.ids, ctx.ds.seed, p, a.slot);
              const digest = ctx.ds.blobs.digest({ type: f.type, key: f.key, title: f.filename, hostile: f.hostile });
              return {
                id: f.id,
                created_at: formatUs(f.createdUs),
                filename: f.filename,
                md5: digest.md5.toString("hex"),
                mime_type: MIME_TYPES[f.type],
                size_bytes: digest.size,
                type: "project_file",
              };
            }
            const d = projectDoc(ctx.ds.ids, ctx.ds.seed, p, a.slot);
            return { id: d.id, created_at: formatUs(d.createdUs), filename: d.filename, mime_type: "text/plain", type: "project_doc", updated_at: null };
          }),
          has_more: page.hasMore,
          next_page: page.nextPage,
        },
      };
    },
  },
  {
    method: "GET",
    path: `${BASE}/:project_id/collaborators`,
    scope: SCOPE.userData,
    handler: (ctx) => {
      const limit = parseLimit(ctx.query, 20, 100);
      const p = resolveProject(ctx);
      const { ds } = ctx;
      const list = collaborators(ds.ids, ds.seed, ds.dir, p);
      const page = pageThrough(ctx.query, `collaborators:${p.id}`, list.length, limit, () => true);
      return {
        json: {
          data: page.positions.map((pos) => {
            const c = list[pos]!;
            const granted_at = formatUs(c.grantedUs);
            switch (c.type) {
              case "user":
                return { granted_at, role: c.role, type: "user", user_id: c.user === null ? null : ds.dir.users[c.user]!.id };
              case "group":
                return { granted_at, group_id: ds.dir.groups[c.group]!.id, role: c.role, type: "group" };
              case "organization":
                return { granted_at, organization_uuid: ds.dir.orgs[c.org]!.uuid, role: c.role, type: "organization" };
              case "organization_role":
                return { granted_at, organization_role: c.organizationRole, role: c.role, type: "organization_role" };
            }
          }),
          has_more: page.hasMore,
          next_page: page.nextPage,
        },
      };
    },
  },
  {
    method: "GET",
    path: `${BASE}/documents/:document_id`,
    scope: SCOPE.userData,
    handler: (ctx) => {
      const d = resolveDoc(ctx);
      return { json: { id: d.id, content: d.content, created_at: formatUs(d.createdUs), filename: d.filename, user: userRef(ctx.ds, d.p.creator) } };
    },
  },
  {
    method: "GET",
    path: `${BASE}/documents/:document_id/metadata`,
    scope: SCOPE.userData,
    handler: (ctx) => {
      const d = resolveDoc(ctx);
      const bytes = Buffer.from(d.content, "utf8");
      return {
        json: {
          id: d.id,
          claude_project_id: d.p.id,
          created_at: formatUs(d.createdUs),
          filename: d.filename,
          md5: createHash("md5").update(bytes).digest("hex"),
          mime_type: "text/plain",
          size_bytes: bytes.length,
          user: userRef(ctx.ds, d.p.creator),
        },
      };
    },
  },
  {
    method: "DELETE",
    path: `${BASE}/documents/:document_id`,
    scope: SCOPE.delete,
    handler: (ctx) => {
      const d = resolveDoc(ctx);
      ctx.state.deletedDocs.add(d.id);
      ctx.emit("claude_project_document_deleted", d.p.org, { claude_project_document_id: d.id, claude_project_id: d.p.id, filename: d.filename });
      return { json: { id: d.id, type: "claude_project_document_deleted" } };
    },
  },
];
