// Claude Code Artifacts: list, version download, delete. Sorted by artifact id (documented).

import { createHash } from "node:crypto";
import { SCOPE } from "../dataset/api-keys";
import { codeArtifactHtml, type CodeArtifact } from "../dataset/code-artifacts";
import { formatUs, inRange } from "../dataset/time";
import { singleChunk } from "../http/body";
import type { Ctx, RouteDef } from "../http/context";
import { ApiError, Errors } from "../http/errors";
import { pageThrough } from "../http/pages";
import { parseLimit, parseRange, rangeIsEmpty } from "../http/query";
import { orgFilter, userFilter, userRef } from "./render";

const BASE = "/v1/compliance/apps/code/artifacts";

/** Undocumented wording; the docs only say 404. */
const notFound = () => new ApiError(404, "not_found_error", "Code artifact not found.");

function resolve(ctx: Ctx): CodeArtifact {
  const id = ctx.params.artifact_id!;
  const a = ctx.ds.codeArtifacts.find((x) => x.id === id);
  if (!a || ctx.state.deletedCodeArtifacts.has(id)) throw notFound();
  return a;
}

export const codeArtifactRoutes: RouteDef[] = [
  {
    method: "GET",
    path: BASE,
    scope: SCOPE.userData,
    handler: (ctx) => {
      const { ds, query: q } = ctx;
      const limit = parseLimit(q, 20, 100);
      const orgValues = q.list("organization_ids");
      if (orgValues.length > 500) throw Errors.invalid(`The \`organization_ids[]\` parameter accepts at most 500 values. Got ${orgValues.length}.`);
      const userValues = q.list("user_ids");
      if (userValues.length > 200) throw Errors.invalid(`The \`user_ids[]\` parameter accepts at most 200 values. Got ${userValues.length}.`);
      const updated = parseRange(q, "updated_at");
      const orgs = orgFilter(ds, orgValues);
      const users = userValues.length > 0 ? new Set(userFilter(ds, userValues)) : null;
      const timeFiltered = !rangeIsEmpty(updated);
      const list = ds.codeArtifacts;
      const page = pageThrough(q, "code_artifacts", list.length, limit, (p) => {
        const a = list[p]!;
        return (
          !ctx.state.deletedCodeArtifacts.has(a.id) &&
          (orgs === null || orgs.has(a.org)) &&
          (users === null || (a.owner !== null && users.has(a.owner))) &&
          // Artifacts without updated_at never match a time filter (documented).
          (!timeFiltered || (a.updatedUs !== null && inRange(a.updatedUs, updated)))
        );
      });
      return {
        json: {
          data: page.positions.map((p) => {
            const a = list[p]!;
            return {
              id: a.id,
              organization_uuid: ds.dir.orgs[a.org]!.uuid,
              owner_user_id: a.owner === null ? null : ds.dir.users[a.owner]!.id,
              published_version_id: a.versions[0]?.id ?? null,
              read_mode: a.readMode,
              updated_at: a.updatedUs === null ? null : formatUs(a.updatedUs),
              user: a.owner === null ? null : userRef(ds, a.owner),
              versions: a.versions.map((v) => ({ id: v.id, created_at: v.createdUs === null ? null : formatUs(v.createdUs), name: v.name })),
            };
          }),
          has_more: page.hasMore,
          next_page: page.nextPage,
        },
      };
    },
  },
  {
    method: "GET",
    path: `${BASE}/:artifact_id/versions/:version_id`,
    scope: SCOPE.userData,
    handler: (ctx) => {
      const a = resolve(ctx);
      const version = a.versions.find((v) => v.id === ctx.params.version_id);
      if (!version) throw notFound();
      if (a.uploading && version === a.versions[0]) {
        throw new ApiError(503, "overloaded_error", "This version's content is still being uploaded. Retry with backoff.");
      }
      const bytes = Buffer.from(codeArtifactHtml(a, version), "utf8");
      return {
        download: {
          contentType: "text/html; charset=utf-8",
          filename: `${version.name}.html`,
          md5: createHash("md5").update(bytes).digest(),
          body: () => singleChunk(bytes),
        },
      };
    },
  },
  {
    method: "DELETE",
    path: `${BASE}/:artifact_id`,
    scope: SCOPE.delete,
    handler: (ctx) => {
      const a = resolve(ctx);
      ctx.state.deletedCodeArtifacts.add(a.id);
      return { json: { id: a.id, type: "code_artifact_deleted" } };
    },
  },
];
