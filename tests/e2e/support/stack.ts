import { randomBytes, createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { E2E_STACK_FILE, type E2eStackInfo } from "@/lib/devtools/e2e-stack-file";

export function stackInfo(): E2eStackInfo {
  return JSON.parse(readFileSync(E2E_STACK_FILE, "utf8")) as E2eStackInfo;
}

let pool: pg.Pool | undefined;

/**
 * The app's database as its superuser, for arranging state (sessions, expiry, a failing audit write)
 * and reading the audit log: the harness may do what the app's own role may not.
 */
export function database(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: stackInfo().superuserDatabaseUrl, max: 2 });
  return pool;
}

export const PERSONA_GROUPS = {
  nobody: [],
  reviewer: ["legal-reviewers"],
  approver: ["legal-approvers"],
  auditor: ["audit"],
  admin: ["docket-admins"],
} as const satisfies Record<string, string[]>;

export type Persona = keyof typeof PERSONA_GROUPS;

export interface SeededSession {
  token: string;
  subject: string;
  email: string;
  /** The cookie header that carries the session, for requests made outside the browser. */
  cookie: string;
}

/**
 * A signed-in user without going through the IdP: a user row and a session row, as sign-in makes
 * them. Only the sign-in tests and the journeys use the real login form. `extraGroups` gives a person
 * a second role (the groups are read through the role map at every request).
 */
export async function seedSession(
  persona: Persona,
  { extraGroups = [], authenticatedMinutesAgo = 0 }: { extraGroups?: string[]; authenticatedMinutesAgo?: number } = {},
): Promise<SeededSession> {
  const { idpIssuer } = stackInfo();
  const subject = `seeded-${persona}-${randomBytes(4).toString("hex")}`;
  const email = `${subject}@docket.test`;
  const token = randomBytes(32).toString("base64url");
  const db = database();
  const user = await db.query<{ id: string }>("INSERT INTO app_user (issuer, subject, email, name, idp_groups) VALUES ($1, $2, $3, $4, $5) RETURNING id", [
    idpIssuer,
    subject,
    email,
    persona,
    [...PERSONA_GROUPS[persona], ...extraGroups],
  ]);
  await db.query(
    "INSERT INTO auth_session (token_hash, user_id, expires_at, auth_time) VALUES ($1, $2, now() + interval '1 hour', now() - make_interval(mins => $3))",
    [createHash("sha256").update(token).digest("hex"), user.rows[0]!.id, authenticatedMinutesAgo],
  );
  return { token, subject, email, cookie: `${SESSION_COOKIE}=${token}` };
}

export const SESSION_COOKIE = "next-auth.session-token";

/** Calls the simulator's control API (faults, request log, reset); fails the test if it refuses. */
export async function simulatorControl(path: string, method: string, body?: unknown): Promise<Response> {
  const response = await fetch(new URL(path, stackInfo().apiBaseUrl), {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`The simulator refused ${method} ${path}: ${response.status} ${await response.text()}`);
  return response;
}
