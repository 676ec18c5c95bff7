import "server-only";
import { z } from "zod";
import { nullable, listOrEmpty, Timestamp } from "./common";

export const Organization = z.looseObject({ uuid: z.string(), name: z.string(), created_at: nullable(Timestamp) });
export type Organization = z.output<typeof Organization>;

export const OrganizationUser = z.looseObject({
  id: z.string(),
  created_at: nullable(Timestamp),
  email: nullable(z.string()),
  full_name: nullable(z.string()),
  /** Membership level; the enum has grown before, so any string is kept. */
  organization_role: nullable(z.string()),
});
export type OrganizationUser = z.output<typeof OrganizationUser>;

export const Role = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: nullable(z.string()),
  created_at: nullable(Timestamp),
  updated_at: nullable(Timestamp),
});
export type Role = z.output<typeof Role>;

export const RolePermission = z.looseObject({ action: z.string(), resource_id: nullable(z.string()), resource_type: nullable(z.string()) });
export type RolePermission = z.output<typeof RolePermission>;

export const Group = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: nullable(z.string()),
  roles: listOrEmpty(z.string()),
  source_type: nullable(z.string()),
  created_at: nullable(Timestamp),
  updated_at: nullable(Timestamp),
});
export type Group = z.output<typeof Group>;

export const GroupMember = z.looseObject({
  user_id: z.string(),
  email: nullable(z.string()),
  created_at: nullable(Timestamp),
  updated_at: nullable(Timestamp),
});
export type GroupMember = z.output<typeof GroupMember>;

/** Settings rows are typed by `type`; the value's shape depends on it, so it is kept as given. */
export const SettingRow = z.looseObject({ name: z.string(), type: z.string(), value: z.unknown() });

export const ComplianceApiKeyInfo = z.looseObject({
  id: z.string(),
  type: nullable(z.string()),
  name: nullable(z.string()),
  scopes: listOrEmpty(z.string()),
  is_active: nullable(z.boolean()),
  created_at: nullable(Timestamp),
  created_by_id: nullable(z.string()),
  expires_at: nullable(Timestamp),
});

export const OrganizationSettings = z.looseObject({
  type: nullable(z.string()),
  organization_id: z.string(),
  settings: listOrEmpty(SettingRow),
  api_keys: listOrEmpty(ComplianceApiKeyInfo),
});
export type OrganizationSettings = z.output<typeof OrganizationSettings>;
