import "server-only";
import { createHash } from "node:crypto";
import type { Adapter, AdapterSession, AdapterUser } from "next-auth/adapters";
import { permissionsOf, type Permission, type Role } from "@/lib/schemas/access";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { getDb } from "@/lib/server/db";
import { getServerEnv } from "@/lib/server/env";
import { authContext } from "./request-context";
import { rolesFromGroups } from "./roles";

/** Who is making a request, as far as Docket is concerned. */
export interface Actor {
  userId: string;
  issuer: string;
  subject: string;
  email: string | null;
  name: string | null;
  roles: Role[];
  permissions: Set<Permission>;
  sessionTokenHash: string;
  /** The session's absolute end. */
  sessionExpiresAt: Date;
  /** When the IdP last authenticated this person for this session (step-up checks it). */
  authenticatedAt: Date;
}

/** Session tokens are stored hashed: a copy of the table cannot be replayed as cookies. */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The user's identity as the audit log records it. */
export function auditActorOf(actor: Pick<Actor, "issuer" | "subject" | "email" | "roles">) {
  return { issuer: actor.issuer, subject: actor.subject, email: actor.email, roles: actor.roles };
}

const LAST_SEEN_RESOLUTION_MS = 60_000;

type SessionRow = {
  tokenHash: string;
  expiresAt: Date;
  lastSeenAt: Date;
  authenticatedAt: Date;
  user: { id: string; issuer: string; subject: string; email: string | null; name: string | null; idpGroups: string[]; disabled: boolean };
};

/** Why a session no longer counts, or null while it does. */
function expiryOf(row: SessionRow, now: number): "absolute" | "idle" | "disabled" | null {
  if (row.user.disabled) return "disabled";
  if (row.expiresAt.getTime() <= now) return "absolute";
  if (row.lastSeenAt.getTime() + getServerEnv().DOCKET_SESSION_IDLE_MINUTES * 60_000 <= now) return "idle";
  return null;
}

/**
 * The session and its user, in one statement. It runs before every page and route; Prisma's
 * findUnique with `include: { user: true }` cost about 2 ms more CPU per request (bench B1).
 */
async function readSession(tokenHash: string): Promise<SessionRow | null> {
  const rows = await getDb().$queryRaw<
    Array<{
      expires_at: Date;
      last_seen_at: Date;
      authenticated_at: Date;
      user_id: string;
      issuer: string;
      subject: string;
      email: string | null;
      name: string | null;
      idp_groups: string[];
      disabled: boolean;
    }>
  >`SELECT s.expires_at, s.last_seen_at, coalesce(s.auth_time, s.created_at) AS authenticated_at, u.id AS user_id, u.issuer, u.subject, u.email, u.name, u.idp_groups, u.disabled
    FROM auth_session s JOIN app_user u ON u.id = s.user_id
    WHERE s.token_hash = ${tokenHash}`;
  const row = rows[0];
  if (!row) return null;
  return {
    tokenHash,
    expiresAt: row.expires_at,
    lastSeenAt: row.last_seen_at,
    authenticatedAt: row.authenticated_at,
    user: { id: row.user_id, issuer: row.issuer, subject: row.subject, email: row.email, name: row.name, idpGroups: row.idp_groups, disabled: row.disabled },
  };
}

/**
 * Reads a session cookie into an Actor, or null. Expired, idle and revoked sessions are deleted here,
 * so the check is the database's state at this request, not what a cookie claims.
 */
export async function loadActor(sessionToken: string | undefined): Promise<Actor | null> {
  if (!sessionToken || sessionToken.length > 512) return null;
  const db = getDb();
  const tokenHash = hashSessionToken(sessionToken);
  const row = await readSession(tokenHash);
  if (!row) return null;
  const now = Date.now();
  const expiry = expiryOf(row, now);
  const roles = rolesFromGroups(row.user.idpGroups);
  if (expiry) {
    await db.authSession.deleteMany({ where: { tokenHash } });
    await recordAuditEvent(db, {
      actor: { issuer: row.user.issuer, subject: row.user.subject, email: row.user.email, roles },
      action: "session.expired",
      params: { reason: expiry },
      outcome: "success",
    }).catch(() => undefined); // the session is gone either way; a failed record must not keep it alive
    return null;
  }
  if (now - row.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await db.authSession.update({ where: { tokenHash }, data: { lastSeenAt: new Date(now) } });
  }
  return {
    userId: row.user.id,
    issuer: row.user.issuer,
    subject: row.user.subject,
    email: row.user.email,
    name: row.user.name,
    roles,
    permissions: permissionsOf(roles),
    sessionTokenHash: tokenHash,
    sessionExpiresAt: row.expiresAt,
    authenticatedAt: row.authenticatedAt,
  };
}

function toAdapterUser(user: { id: string; email: string | null; name: string | null }): AdapterUser {
  return { id: user.id, email: user.email ?? "", emailVerified: null, name: user.name };
}

/**
 * next-auth's persistence, narrowed to what OIDC sign-in with database sessions uses. Users are
 * created by the signIn callback (keyed by issuer and subject, never linked by email), so the
 * account-linking paths refuse rather than guess.
 */
export function createSessionAdapter(issuer: string): Adapter {
  const db = getDb();
  const refuse = (what: string) => () => {
    throw new Error(`${what} is not used by Docket's sign-in`);
  };
  return {
    async getUserByAccount({ providerAccountId }) {
      const user = await db.appUser.findUnique({ where: { issuer_subject: { issuer, subject: providerAccountId } } });
      return user ? toAdapterUser(user) : null;
    },
    async getUser(id) {
      const user = await db.appUser.findUnique({ where: { id } });
      return user ? toAdapterUser(user) : null;
    },
    getUserByEmail: () => null,
    createUser: refuse("createUser"),
    linkAccount: refuse("linkAccount"),
    updateUser: refuse("updateUser"),

    async createSession({ sessionToken, userId }): Promise<AdapterSession> {
      const context = authContext();
      const maxMs = getServerEnv().DOCKET_SESSION_MAX_HOURS * 3_600_000;
      const expires = new Date(Date.now() + maxMs);
      // The session exists only if its sign-in is on the record.
      await db.$transaction(async (tx) => {
        const user = await tx.appUser.update({ where: { id: userId }, data: { lastSignInAt: new Date() } });
        await tx.authSession.create({
          data: { tokenHash: hashSessionToken(sessionToken), userId, expiresAt: expires, authTime: context?.authTime ?? new Date() },
        });
        await recordAuditEvent(tx, {
          actor: { issuer: user.issuer, subject: user.subject, email: user.email, roles: rolesFromGroups(user.idpGroups) },
          action: "session.sign_in",
          outcome: "success",
          params: { groups: user.idpGroups },
          requestId: context?.requestId,
          clientIp: context?.clientIp,
          userAgent: context?.userAgent,
        });
      });
      return { sessionToken, userId, expires };
    },

    async getSessionAndUser(sessionToken) {
      // A sign-in always starts a new session, so a session planted before it cannot be carried over.
      if (authContext()?.action === "callback") {
        await db.authSession.deleteMany({ where: { tokenHash: hashSessionToken(sessionToken) } });
        return null;
      }
      const actor = await loadActor(sessionToken);
      if (!actor) return null;
      return {
        session: { sessionToken, userId: actor.userId, expires: actor.sessionExpiresAt },
        user: toAdapterUser({ id: actor.userId, email: actor.email, name: actor.name }),
      };
    },

    // Never extended: the cookie and the row share one absolute lifetime; idleness is checked on read.
    updateSession: () => null,

    async deleteSession(sessionToken) {
      const context = authContext();
      const tokenHash = hashSessionToken(sessionToken);
      const row = await db.authSession.findUnique({ where: { tokenHash }, include: { user: true } });
      if (!row) return null;
      await db.$transaction(async (tx) => {
        await tx.authSession.deleteMany({ where: { tokenHash } });
        if (context?.action === "signout") {
          await recordAuditEvent(tx, {
            actor: { issuer: row.user.issuer, subject: row.user.subject, email: row.user.email, roles: rolesFromGroups(row.user.idpGroups) },
            action: "session.sign_out",
            outcome: "success",
            requestId: context.requestId,
            clientIp: context.clientIp,
            userAgent: context.userAgent,
          });
        }
      });
      return null;
    },
  };
}
