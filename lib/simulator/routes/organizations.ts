// Organisations, their users, roles and role permissions, and effective settings.

import { SCOPE } from "../dataset/api-keys";
import type { Dataset } from "../dataset/dataset";
import type { Org } from "../dataset/directory";
import { effectiveSettings } from "../dataset/settings";
import { formatNaive, formatUs } from "../dataset/time";
import type { Ctx, RouteDef } from "../http/context";
import { Errors } from "../http/errors";
import { pageThrough } from "../http/pages";
import { parseLimit } from "../http/query";

const BASE = "/v1/compliance/organizations";

/** Path `{org_uuid}`: a linked organisation's UUID (the parent is not listed, so not addressable). */
function linkedOrg(ds: Dataset, uuid: string): Org {
  const index = ds.dir.orgByRef.get(uuid);
  const org = index === undefined ? undefined : ds.dir.orgs[index];
  if (!org || org.uuid !== uuid) throw Errors.orgNotFound(uuid);
  return org;
}

function naive(us: number | null): string | null {
  return us === null ? null : formatNaive(us);
}

function roleJson(ds: Dataset, r: number): Record<string, unknown> {
  const role = ds.dir.roles[r]!;
  return { id: role.id, created_at: naive(role.createdUs), description: role.description, name: role.name, updated_at: naive(role.updatedUs) };
}

function resolveRole(ctx: Ctx, org: Org): number {
  const r = ctx.ds.dir.roleById.get(ctx.params.role_id!);
  if (r === undefined || ctx.ds.dir.roles[r]!.org !== org.index) throw Errors.roleNotFound();
  return r;
}

export const organizationRoutes: RouteDef[] = [
  {
    method: "GET",
    path: BASE,
    scope: SCOPE.orgData,
    handler: (ctx) => {
      const orgs = [...ctx.ds.dir.orgs].sort((a, b) => a.createdUs - b.createdUs);
      const page = pageThrough(ctx.query, "organizations", orgs.length, parseLimit(ctx.query, 1000, 1000), () => true);
      return {
        json: {
          data: page.positions.map((p) => ({ uuid: orgs[p]!.uuid, name: orgs[p]!.name, created_at: formatUs(orgs[p]!.createdUs) })),
          has_more: page.hasMore,
          next_page: page.nextPage,
        },
      };
    },
  },
  {
    method: "GET",
    path: `${BASE}/:org_uuid/users`,
    scope: SCOPE.userData,
    handler: (ctx) => {
      const limit = parseLimit(ctx.query, 500, 1000);
      const org = linkedOrg(ctx.ds, ctx.params.org_uuid!);
      const members = ctx.ds.dir.orgMembers[org.index]!;
      const page = pageThrough(ctx.query, `users:${org.uuid}`, members.length, limit, () => true);
      return {
        json: {
          data: page.positions.map((p) => {
            const u = ctx.ds.dir.users[members[p]!]!;
            const m = u.memberships.find((x) => x.org === org.index)!;
            return { id: u.id, created_at: formatUs(u.createdUs), email: u.email, full_name: u.fullName, organization_role: m.role };
          }),
          has_more: page.hasMore,
          next_page: page.nextPage,
        },
      };
    },
  },
  {
    method: "GET",
    path: `${BASE}/:org_uuid/roles`,
    scope: SCOPE.orgData,
    handler: (ctx) => {
      const limit = parseLimit(ctx.query, 500, 1000);
      const org = linkedOrg(ctx.ds, ctx.params.org_uuid!);
      const roles = ctx.ds.dir.rolesByOrg[org.index]!;
      const page = pageThrough(ctx.query, `roles:${org.uuid}`, roles.length, limit, () => true);
      return { json: { data: page.positions.map((p) => roleJson(ctx.ds, roles[p]!)), has_more: page.hasMore, next_page: page.nextPage } };
    },
  },
  {
    method: "GET",
    path: `${BASE}/:org_uuid/roles/:role_id`,
    scope: SCOPE.orgData,
    handler: (ctx) => ({ json: roleJson(ctx.ds, resolveRole(ctx, linkedOrg(ctx.ds, ctx.params.org_uuid!))) }),
  },
  {
    method: "GET",
    path: `${BASE}/:org_uuid/roles/:role_id/permissions`,
    scope: SCOPE.orgData,
    handler: (ctx) => {
      const limit = parseLimit(ctx.query, 500, 1000);
      const r = resolveRole(ctx, linkedOrg(ctx.ds, ctx.params.org_uuid!));
      const perms = ctx.ds.dir.roles[r]!.permissions;
      const page = pageThrough(ctx.query, `permissions:${ctx.ds.dir.roles[r]!.id}`, perms.length, limit, () => true);
      return { json: { data: page.positions.map((p) => perms[p]!), has_more: page.hasMore, next_page: page.nextPage } };
    },
  },
  {
    method: "GET",
    path: `${BASE}/:organization_id/settings`,
    scope: SCOPE.orgData,
    handler: (ctx) => {
      const id = ctx.params.organization_id!;
      const index = ctx.ds.dir.orgByRef.get(id);
      const org = index === undefined ? undefined : ctx.ds.dir.orgs[index];
      // One body for unknown, non-UUID, parent and out-of-tree ids (documented).
      if (!org || org.uuid !== id) throw Errors.settingsNotFound(id);
      return { json: effectiveSettings(org, ctx.ds.keys, ctx.ds.dir.users[ctx.ds.dir.primaryOwner]!.id) };
    },
  },
];
