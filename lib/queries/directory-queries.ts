import { queryOptions } from "@tanstack/react-query";
import { GroupList, GroupMembers, OrganizationSettingsDto, RoleList, RolePermissions } from "@/lib/schemas/directory";
import { apiFetch } from "./api-fetch";

const org = (orgUuid: string) => `/api/organizations/${encodeURIComponent(orgUuid)}`;

/** Settings change rarely: one read serves every page of the session for a while. */
const SETTINGS_STALE_MS = 5 * 60_000;

export const organizationSettingsOptions = (orgUuid: string) =>
  queryOptions({
    queryKey: ["directory", orgUuid, "settings"] as const,
    queryFn: ({ signal }) => apiFetch(`${org(orgUuid)}/settings`, OrganizationSettingsDto, { signal }),
    staleTime: SETTINGS_STALE_MS,
  });

export const rolesOptions = (orgUuid: string) =>
  queryOptions({ queryKey: ["directory", orgUuid, "roles"] as const, queryFn: ({ signal }) => apiFetch(`${org(orgUuid)}/roles`, RoleList, { signal }) });

export const rolePermissionsOptions = (orgUuid: string, roleId: string) =>
  queryOptions({
    queryKey: ["directory", orgUuid, "roles", roleId] as const,
    queryFn: ({ signal }) => apiFetch(`${org(orgUuid)}/roles/${encodeURIComponent(roleId)}/permissions`, RolePermissions, { signal }),
  });

export const groupsOptions = () =>
  queryOptions({ queryKey: ["directory", "groups"] as const, queryFn: ({ signal }) => apiFetch("/api/groups", GroupList, { signal }) });

export const groupMembersOptions = (groupId: string) =>
  queryOptions({
    queryKey: ["directory", "groups", groupId] as const,
    queryFn: ({ signal }) => apiFetch(`/api/groups/${encodeURIComponent(groupId)}/members`, GroupMembers, { signal }),
  });
