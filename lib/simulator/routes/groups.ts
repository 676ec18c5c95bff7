// RBAC and SCIM groups (parent-wide) and their members.

import { SCOPE } from "../dataset/api-keys";
import type { Dataset } from "../dataset/dataset";
import { formatNaive } from "../dataset/time";
import type { Ctx, RouteDef } from "../http/context";
import { Errors } from "../http/errors";
import { pageThrough } from "../http/pages";
import { parseLimit } from "../http/query";

const BASE = "/v1/compliance/groups";
const naive = (us: number | null): string | null => (us === null ? null : formatNaive(us));

function groupJson(ds: Dataset, g: number): Record<string, unknown> {
  const group = ds.dir.groups[g]!;
  return {
    id: group.id,
    created_at: naive(group.createdUs),
    description: group.description,
    name: group.name,
    roles: group.roles,
    source_type: group.sourceType,
    updated_at: naive(group.updatedUs),
  };
}

function resolveGroup(ctx: Ctx): number {
  const g = ctx.ds.dir.groupById.get(ctx.params.group_id!);
  if (g === undefined) throw Errors.groupNotFound();
  return g;
}

export const groupRoutes: RouteDef[] = [
  {
    method: "GET",
    path: BASE,
    scope: SCOPE.orgData,
    handler: (ctx) => {
      const limit = parseLimit(ctx.query, 500, 1000);
      // Case-sensitive prefix match (undocumented).
      const prefix = ctx.query.get("name_prefix") ?? "";
      const groups = ctx.ds.dir.groups;
      const page = pageThrough(ctx.query, "groups", groups.length, limit, (p) => groups[p]!.name.startsWith(prefix));
      return { json: { data: page.positions.map((p) => groupJson(ctx.ds, p)), has_more: page.hasMore, next_page: page.nextPage } };
    },
  },
  {
    method: "GET",
    path: `${BASE}/:group_id`,
    scope: SCOPE.orgData,
    handler: (ctx) => ({ json: groupJson(ctx.ds, resolveGroup(ctx)) }),
  },
  {
    method: "GET",
    path: `${BASE}/:group_id/members`,
    scope: SCOPE.userData,
    handler: (ctx) => {
      const limit = parseLimit(ctx.query, 500, 1000);
      const group = ctx.ds.dir.groups[resolveGroup(ctx)]!;
      const page = pageThrough(ctx.query, `members:${group.id}`, group.members.length, limit, () => true);
      return {
        json: {
          data: page.positions.map((p) => {
            const m = group.members[p]!;
            const u = ctx.ds.dir.users[m.user]!;
            return { created_at: naive(m.createdUs), email: u.email, updated_at: naive(m.updatedUs), user_id: u.id };
          }),
          has_more: page.hasMore,
          next_page: page.nextPage,
        },
      };
    },
  },
];
