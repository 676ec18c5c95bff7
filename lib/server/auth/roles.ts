import "server-only";
import { z } from "zod";
import { ROLES, type Role } from "@/lib/schemas/access";
import { getServerEnv } from "@/lib/server/env";

/** A well-formed group claim: a list of group names. Anything else is refused, never guessed at. */
const GroupClaim = z.array(z.string().min(1).max(256)).max(1000);

export type ClaimReading = { ok: true; groups: string[] } | { ok: false; reason: "missing" | "malformed" | "overage" };

/**
 * Reads the role claim (DOCKET_ROLE_CLAIM) from verified ID-token claims. A missing claim, one of an
 * unexpected shape, or Entra ID's "too many groups" marker denies.
 */
export function readGroupClaim(claims: Record<string, unknown>): ClaimReading {
  const name = getServerEnv().DOCKET_ROLE_CLAIM;
  const claimNames = claims._claim_names;
  if (claims.hasgroups === true || (typeof claimNames === "object" && claimNames !== null && name in claimNames)) {
    return { ok: false, reason: "overage" };
  }
  if (!(name in claims)) return { ok: false, reason: "missing" };
  const parsed = GroupClaim.safeParse(claims[name]);
  return parsed.success ? { ok: true, groups: parsed.data } : { ok: false, reason: "malformed" };
}

/** The groups worth keeping: those DOCKET_ROLE_MAP knows. Others are not stored. */
export function mappedGroups(groups: readonly string[]): string[] {
  const map = getServerEnv().DOCKET_ROLE_MAP;
  return [...new Set(groups.filter((group) => map.has(group)))].sort();
}

/** Roles from stored groups through the CURRENT map, so a changed map takes effect at once. */
export function rolesFromGroups(groups: readonly string[]): Role[] {
  const map = getServerEnv().DOCKET_ROLE_MAP;
  const roles = new Set(groups.flatMap((group) => map.get(group) ?? []));
  return ROLES.filter((role) => roles.has(role));
}
