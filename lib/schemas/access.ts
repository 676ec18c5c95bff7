/**
 * Roles and what each may do. Roles are additive: a user may hold several, and none means no access.
 * Client-safe: the UI uses it to show only what a reviewer may use; the server decides.
 */
export const ROLES = ["reviewer", "approver", "auditor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "content.read",
  "content.export",
  "activity.read",
  "deletion.request",
  "deletion.approve",
  "audit.read",
  "audit.verify",
  "audit.export",
  "holds.manage",
  "people.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const REVIEWER: Permission[] = ["content.read", "content.export", "activity.read", "deletion.request"];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  reviewer: REVIEWER,
  approver: [...REVIEWER, "deletion.approve"],
  auditor: ["activity.read", "audit.read", "audit.verify", "audit.export"],
  // Admins manage holds and people's access and read the log; they see content only if they are also reviewers.
  admin: ["holds.manage", "people.manage", "audit.read"],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
}
