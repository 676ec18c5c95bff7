import "server-only";
import type { AuthOptions } from "next-auth";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { getDb } from "@/lib/server/db";
import { getServerEnv } from "@/lib/server/env";
import { authContext } from "./request-context";
import { mappedGroups, readGroupClaim } from "./roles";
import { createSessionAdapter } from "./session-store";

export const OIDC_PROVIDER_ID = "oidc";

interface OidcClaims extends Record<string, unknown> {
  iss?: string;
  sub?: string;
  /** Seconds since the epoch when the IdP last authenticated the person (OIDC Core, section 2). */
  auth_time?: unknown;
  email?: string;
  name?: string;
}

let cached: AuthOptions | undefined;

/**
 * next-auth's configuration, built on first use: `next build` imports the auth route, and secrets
 * must be read when the server runs, not when it is built.
 */
export function getAuthOptions(): AuthOptions {
  if (cached) return cached;
  const env = getServerEnv();
  const maxAge = env.DOCKET_SESSION_MAX_HOURS * 3600;
  cached = {
    secret: env.NEXTAUTH_SECRET,
    // Said rather than inferred: over https every cookie is Secure (and __Secure- / __Host- prefixed).
    useSecureCookies: env.NEXTAUTH_URL.startsWith("https://"),
    adapter: createSessionAdapter(env.OIDC_ISSUER),
    // updateAge = maxAge: next-auth never slides the expiry; the idle limit is enforced on every read.
    session: { strategy: "database", maxAge, updateAge: maxAge },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      {
        id: OIDC_PROVIDER_ID,
        name: "your organisation's SSO",
        type: "oauth",
        wellKnown: `${env.OIDC_ISSUER}/.well-known/openid-configuration`,
        clientId: env.OIDC_CLIENT_ID,
        clientSecret: env.OIDC_CLIENT_SECRET,
        idToken: true,
        checks: ["pkce", "state", "nonce"],
        authorization: { params: { scope: env.OIDC_SCOPES } },
        profile: (claims: OidcClaims) => ({ id: String(claims.sub), email: claims.email ?? null, name: claims.name ?? null }),
      },
    ],
    callbacks: {
      /**
       * Runs on every sign-in with the verified ID-token claims: the user's groups are re-read here, so
       * a role granted or removed at the IdP counts from this sign-in on. A missing or malformed claim
       * refuses the sign-in; a well-formed claim without a mapped group signs in to the no-access page.
       */
      async signIn({ profile }) {
        const claims = (profile ?? {}) as OidcClaims;
        const context = authContext();
        const subject = typeof claims.sub === "string" ? claims.sub : "";
        const email = typeof claims.email === "string" ? claims.email : null;
        const reading = readGroupClaim(claims);
        const db = getDb();
        if (!reading.ok || !subject) {
          await recordAuditEvent(db, {
            actor: { issuer: env.OIDC_ISSUER, subject, email, roles: [] },
            action: "access.denied",
            target: { type: "sign_in", id: env.DOCKET_ROLE_CLAIM },
            params: { reason: reading.ok ? "no_subject" : `claim_${reading.reason}` },
            outcome: "denied",
            requestId: context?.requestId,
            clientIp: context?.clientIp,
            userAgent: context?.userAgent,
          });
          return `/no-access?reason=claim`;
        }
        if (context) context.authTime = authenticatedAt(claims.auth_time);
        const groups = mappedGroups(reading.groups);
        const user = await db.appUser.upsert({
          where: { issuer_subject: { issuer: env.OIDC_ISSUER, subject } },
          create: { issuer: env.OIDC_ISSUER, subject, email, name: typeof claims.name === "string" ? claims.name : null, idpGroups: groups },
          update: { email, name: typeof claims.name === "string" ? claims.name : null, idpGroups: groups },
        });
        if (user.disabled) {
          // Disabled by an administrator: the IdP still knows them, Docket does not let them in.
          await recordAuditEvent(db, {
            actor: { issuer: env.OIDC_ISSUER, subject, email, roles: [] },
            action: "access.denied",
            target: { type: "sign_in", id: subject },
            params: { reason: "disabled" },
            outcome: "denied",
            requestId: context?.requestId,
            clientIp: context?.clientIp,
            userAgent: context?.userAgent,
          });
          return "/no-access?reason=disabled";
        }
        return true;
      },
    },
  };
  return cached;
}

/**
 * The ID token's auth_time, or now when the IdP gives none (every sign-in asks for its login form).
 * Never later than now: a clock ahead of Docket's must not buy a longer window for step-up.
 */
function authenticatedAt(authTime: unknown): Date {
  const now = Date.now();
  return typeof authTime === "number" && Number.isFinite(authTime) ? new Date(Math.min(authTime * 1000, now)) : new Date(now);
}
