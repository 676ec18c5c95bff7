import "server-only";
import { redirect } from "next/navigation";
import { UTC } from "@/lib/console/time-zone";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/auth/session-store";
import { getDb } from "@/lib/server/db";

/** What a reviewer chose, kept on the server so that it follows them to any browser. */

/** The organisation a reviewer last worked in. */
export async function rememberedOrganization(db: PrismaClient, actor: Actor): Promise<string | null> {
  const preference = await db.reviewerPreference.findUnique({ where: { userId: actor.userId }, select: { selectedOrganizationUuid: true } });
  return preference?.selectedOrganizationUuid ?? null;
}

export async function rememberOrganization(db: PrismaClient, actor: Actor, orgUuid: string): Promise<void> {
  await db.reviewerPreference.upsert({
    where: { userId: actor.userId },
    create: { userId: actor.userId, selectedOrganizationUuid: orgUuid },
    update: { selectedOrganizationUuid: orgUuid },
  });
}

/** The zone the reviewer reads times in; UTC until they choose another. */
export async function rememberedTimeZone(db: PrismaClient, actor: Actor): Promise<string> {
  const preference = await db.reviewerPreference.findUnique({ where: { userId: actor.userId }, select: { timeZone: true } });
  return preference?.timeZone ?? UTC;
}

export async function rememberTimeZone(db: PrismaClient, actor: Actor, zone: string): Promise<void> {
  const timeZone = zone === UTC ? null : zone;
  await db.reviewerPreference.upsert({ where: { userId: actor.userId }, create: { userId: actor.userId, timeZone }, update: { timeZone } });
}

/**
 * The organisation a page shows: the one in its URL, else the remembered one (by redirecting, so the
 * URL still reproduces the view). Without either, the page's switcher picks the first listed.
 */
export async function organizationInView(actor: Actor, orgParam: string | string[] | undefined, basePath: string) {
  const rememberedOrg = await rememberedOrganization(getDb(), actor);
  const selectedOrg = typeof orgParam === "string" && orgParam !== "" ? orgParam : undefined;
  if (!selectedOrg && rememberedOrg) redirect(`${basePath}?org=${encodeURIComponent(rememberedOrg)}`);
  return { selectedOrg, rememberedOrg };
}
