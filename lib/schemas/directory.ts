import { z } from "zod";

/** The organisation's directory as Docket's routes return it: settings, keys, roles, groups. Client-safe. */

export const SettingRow = z.object({ name: z.string(), type: z.string(), value: z.unknown() });
export type SettingRow = z.infer<typeof SettingRow>;

export const ApiKeyInfo = z.object({
  id: z.string(),
  name: z.string().nullable(),
  type: z.string().nullable(),
  scopes: z.array(z.string()),
  isActive: z.boolean().nullable(),
  createdAt: z.string().nullable(),
  createdById: z.string().nullable(),
  expiresAt: z.string().nullable(),
  /** Docket's own: the key the feed shows Docket's web app calling with (learnt by the reconciliation). */
  isDockets: z.boolean(),
});
export type ApiKeyInfo = z.infer<typeof ApiKeyInfo>;

export const OrganizationSettingsDto = z.object({
  organizationId: z.string(),
  settings: z.array(SettingRow),
  apiKeys: z.array(ApiKeyInfo),
});
export type OrganizationSettingsDto = z.infer<typeof OrganizationSettingsDto>;

export const RoleDto = z.object({ id: z.string(), name: z.string(), description: z.string().nullable(), createdAt: z.string().nullable() });
export const RoleList = z.object({ roles: z.array(RoleDto), nextPage: z.string().nullable() });
export type RoleList = z.infer<typeof RoleList>;

export const RolePermissions = z.object({
  role: RoleDto,
  permissions: z.array(z.object({ action: z.string(), resourceType: z.string().nullable(), resourceId: z.string().nullable() })),
  nextPage: z.string().nullable(),
});
export type RolePermissions = z.infer<typeof RolePermissions>;

export const GroupDto = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  roleIds: z.array(z.string()),
  /** How members arrive: "scim" (the identity provider's directory sync), "direct" (added by hand), or what the API says. */
  sourceType: z.string().nullable(),
  createdAt: z.string().nullable(),
});
export const GroupList = z.object({ groups: z.array(GroupDto), nextPage: z.string().nullable() });
export type GroupList = z.infer<typeof GroupList>;

export const GroupMembers = z.object({
  group: GroupDto,
  members: z.array(z.object({ userId: z.string(), email: z.string().nullable(), addedAt: z.string().nullable() })),
  nextPage: z.string().nullable(),
});
export type GroupMembers = z.infer<typeof GroupMembers>;
