import { describe, expect, test } from "vitest";
import { GroupList, GroupMembers, OrganizationSettingsDto, RoleList, RolePermissions } from "@/lib/schemas/directory";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { getGroupMembers, getOrganizationSettings, getRolePermissions, listGroups, listRoles } from "@/lib/server/console/directory";
import { setUpSimulatorWithClient, type RunningSimulator } from "@/tests/support/simulator";

let simulator: RunningSimulator;
let client: ComplianceClient;
setUpSimulatorWithClient({ rateLimitPerMinute: 100_000 }, (started) => ({ simulator, client } = started));

const firstOrganization = async () => (await client.organizations.list({ limit: 1 })).data.data[0]!.uuid;

describe("the organisation's directory", () => {
  test("settings: the retention row, every other row as sent, and the keys with Docket's own marked", async () => {
    const org = await firstOrganization();
    const keys = (await client.organizations.getSettings(org)).data.api_keys;
    const { dto, upstreamRequestIds } = await getOrganizationSettings(client, org, [keys[0]!.id]);
    expect(OrganizationSettingsDto.parse(dto)).toEqual(dto);
    expect(upstreamRequestIds).toHaveLength(1);
    expect(dto.settings.some((row) => row.name === "data_retention_periods")).toBe(true);
    expect(dto.apiKeys.filter((key) => key.isDockets).map((key) => key.id)).toEqual([keys[0]!.id]);
    expect(dto.apiKeys.some((key) => key.isActive === false)).toBe(true);
  });

  test("roles, and one role read with its permissions", async () => {
    const org = await firstOrganization();
    const roles = (await listRoles(client, org)).dto;
    expect(RoleList.parse(roles)).toEqual(roles);
    expect(roles.roles.length).toBeGreaterThan(0);
    const { dto, upstreamRequestIds } = await getRolePermissions(client, org, roles.roles[0]!.id);
    expect(RolePermissions.parse(dto)).toEqual(dto);
    expect(dto.role).toEqual(roles.roles[0]);
    expect(dto.permissions.length).toBeGreaterThan(0);
    expect(upstreamRequestIds).toHaveLength(2);
  });

  test("groups with where their members come from, and one group read with its members", async () => {
    const groups = (await listGroups(client)).dto;
    expect(GroupList.parse(groups)).toEqual(groups);
    expect(new Set(groups.groups.map((group) => group.sourceType))).toEqual(new Set(["scim", "direct"]));
    const withMembers = groups.groups.find((group) => group.name.length > 0)!;
    const { dto } = await getGroupMembers(client, withMembers.id);
    expect(GroupMembers.parse(dto)).toEqual(dto);
    expect(dto.group).toEqual(withMembers);
    expect(dto.members.every((member) => member.userId.startsWith("user_"))).toBe(true);
    expect(simulator.requestLog().length).toBeGreaterThan(0);
  });
});
