import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { HoldScopeKind, LegalHoldDto } from "@/lib/schemas/legal-holds";

/** The columns a hold's DTO is made from. */
export const LEGAL_HOLD_INCLUDE = {
  scope: true,
  createdBy: { select: { email: true, name: true } },
  releasedBy: { select: { email: true, name: true } },
} satisfies Prisma.LegalHoldInclude;

export type LegalHoldRow = Prisma.LegalHoldGetPayload<{ include: typeof LEGAL_HOLD_INCLUDE }>;

const SCOPE_FIELDS: Record<HoldScopeKind, keyof LegalHoldDto["scope"]> = { user: "userIds", project: "projectIds", chat: "chatIds" };

export function toLegalHoldDto(row: LegalHoldRow): LegalHoldDto {
  const scope: LegalHoldDto["scope"] = { userIds: [], projectIds: [], chatIds: [] };
  for (const entry of row.scope) scope[SCOPE_FIELDS[entry.kind as HoldScopeKind]].push(entry.objectId);
  for (const ids of Object.values(scope)) ids.sort();
  return {
    id: row.id,
    matterName: row.matterName,
    reason: row.reason,
    startsOn: row.startsOn.toISOString().slice(0, 10),
    status: row.status as LegalHoldDto["status"],
    scope,
    createdBy: { email: row.createdBy.email, name: row.createdBy.name },
    createdAt: row.createdAt.toISOString(),
    releasedBy: row.releasedBy ? { email: row.releasedBy.email, name: row.releasedBy.name } : null,
    releasedAt: row.releasedAt?.toISOString() ?? null,
    releaseReason: row.releaseReason,
  };
}
