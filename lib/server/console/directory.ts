import "server-only";
import type { GroupList, GroupMembers, OrganizationSettingsDto, RoleList, RolePermissions } from "@/lib/schemas/directory";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import type { Group, Role } from "@/lib/server/compliance/schemas/organizations";
import type { ConsoleRead } from "./console-read";

/** The directory's lists are short: one page of the API's largest holds them. */
const PAGE = 1000;

const reads = (...requestIds: Array<string | null>) => requestIds.filter((id): id is string => id !== null);

/** The organisation's effective settings and Compliance API keys, Docket's own (`docketKeyIds`) marked. */
export async function getOrganizationSettings(
  client: ComplianceClient,
  orgUuid: string,
  docketKeyIds: readonly string[],
): Promise<ConsoleRead<OrganizationSettingsDto>> {
  const { data, requestId } = await client.organizations.getSettings(orgUuid);
  return {
    dto: {
      organizationId: data.organization_id,
      settings: data.settings.map((row) => ({ name: row.name, type: row.type, value: row.value })),
      apiKeys: data.api_keys.map((key) => ({
        id: key.id,
        name: key.name,
        type: key.type,
        scopes: key.scopes,
        isActive: key.is_active,
        createdAt: key.created_at,
        createdById: key.created_by_id,
        expiresAt: key.expires_at,
        isDockets: docketKeyIds.includes(key.id),
      })),
    },
    upstreamRequestIds: reads(requestId),
    organizationId: orgUuid,
  };
}

export async function listRoles(client: ComplianceClient, orgUuid: string, page?: string): Promise<ConsoleRead<RoleList>> {
  const { data, requestId } = await client.organizations.listRoles(orgUuid, { limit: PAGE, page });
  return { dto: { roles: data.data.map(toRole), nextPage: data.next_page }, upstreamRequestIds: reads(requestId), organizationId: orgUuid };
}

/** A role and what it permits: the role itself and its permissions, read side by side. */
export async function getRolePermissions(client: ComplianceClient, orgUuid: string, roleId: string, page?: string): Promise<ConsoleRead<RolePermissions>> {
  const [role, permissions] = await Promise.all([
    client.organizations.getRole(orgUuid, roleId),
    client.organizations.listRolePermissions(orgUuid, roleId, { limit: PAGE, page }),
  ]);
  return {
    dto: {
      role: toRole(role.data),
      permissions: permissions.data.data.map((permission) => ({
        action: permission.action,
        resourceType: permission.resource_type,
        resourceId: permission.resource_id,
      })),
      nextPage: permissions.data.next_page,
    },
    upstreamRequestIds: reads(role.requestId, permissions.requestId),
    organizationId: orgUuid,
  };
}

export async function listGroups(client: ComplianceClient, page?: string): Promise<ConsoleRead<GroupList>> {
  const { data, requestId } = await client.groups.list({ limit: PAGE, page });
  return { dto: { groups: data.data.map(toGroup), nextPage: data.next_page }, upstreamRequestIds: reads(requestId) };
}

export async function getGroupMembers(client: ComplianceClient, groupId: string, page?: string): Promise<ConsoleRead<GroupMembers>> {
  const [group, members] = await Promise.all([client.groups.get(groupId), client.groups.listMembers(groupId, { limit: PAGE, page })]);
  return {
    dto: {
      group: toGroup(group.data),
      members: members.data.data.map((member) => ({ userId: member.user_id, email: member.email, addedAt: member.created_at })),
      nextPage: members.data.next_page,
    },
    upstreamRequestIds: reads(group.requestId, members.requestId),
  };
}

function toRole(role: Role) {
  return { id: role.id, name: role.name, description: role.description, createdAt: role.created_at };
}

function toGroup(group: Group) {
  return { id: group.id, name: group.name, description: group.description, roleIds: group.roles, sourceType: group.source_type, createdAt: group.created_at };
}
