/**
 * A signed-in user without the IdP, for benchmarks: a user row and a session row, as sign-in makes
 * them (the same shape as the end-to-end tests' seedSession). Returns the session cookie.
 */
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";

export async function seedSessionCookie(databaseUrl: string, issuer: string, groups: readonly string[]): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const subject = `bench-${randomBytes(4).toString("hex")}`;
    const user = await db.query<{ id: string }>("INSERT INTO app_user (issuer, subject, email, name, idp_groups) VALUES ($1, $2, $3, $4, $5) RETURNING id", [
      issuer,
      subject,
      `${subject}@docket.test`,
      "benchmark",
      groups,
    ]);
    await db.query("INSERT INTO auth_session (token_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '4 hours')", [
      createHash("sha256").update(token).digest("hex"),
      user.rows[0]!.id,
    ]);
  } finally {
    await db.end();
  }
  return `next-auth.session-token=${token}`;
}
