import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Permission } from "@/lib/schemas/access";
import { getServerEnv } from "@/lib/server/env";
import { loadActor, type Actor } from "./session-store";

/** next-auth's session cookie; the __Secure- prefix applies when Docket is served over https. */
export function sessionCookieName(): string {
  return getServerEnv().NEXTAUTH_URL.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export type AccessDecision =
  { kind: "allowed"; actor: Actor } | { kind: "anonymous" } | { kind: "no_role"; actor: Actor } | { kind: "forbidden"; actor: Actor };

/** The one access decision, shared by pages and route handlers. Deny unless a permission is held. */
export async function decideAccess(sessionToken: string | undefined, permission: Permission | "signed_in"): Promise<AccessDecision> {
  return decisionOf(await loadActor(sessionToken), permission);
}

function decisionOf(actor: Actor | null, permission: Permission | "signed_in"): AccessDecision {
  if (!actor) return { kind: "anonymous" };
  if (actor.roles.length === 0) return { kind: "no_role", actor };
  if (permission !== "signed_in" && !actor.permissions.has(permission)) return { kind: "forbidden", actor };
  return { kind: "allowed", actor };
}

// Read once per server render: the console's layout and its page both ask, in parallel.
const actorOfThisRequest = cache(async (): Promise<Actor | null> => loadActor((await cookies()).get(sessionCookieName())?.value));

/**
 * For pages: returns the actor or redirects, to sign-in when there is no session and to the no-access
 * page when the user has no role or lacks the permission. Call it at the top of every page: layouts
 * do not re-run on client navigation.
 */
export async function requirePageAccess(permission: Permission | "signed_in", returnTo: string): Promise<Actor> {
  const decision = decisionOf(await actorOfThisRequest(), permission);
  switch (decision.kind) {
    case "allowed":
      return decision.actor;
    case "anonymous":
      redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
    case "no_role":
      redirect("/no-access");
    case "forbidden":
      redirect("/no-access?reason=forbidden");
  }
}

/**
 * For what anyone may see but that shows more to a signed-in user (sign-in, no-access, the console's
 * header). Never an authorisation check.
 */
export async function currentActor(): Promise<Actor | null> {
  return actorOfThisRequest();
}
