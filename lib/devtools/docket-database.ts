// A Docket database on an embedded PostgreSQL, laid out as README's "Database roles" asks of an
// operator: an owner that runs the migrations, and a login for the app and the worker that owns nothing
// and holds only what the migrations grant the group role `docket_runtime` (INSERT and SELECT on the
// audit log), so the process that serves people cannot rewrite the log it writes.
import pg from "pg";
import { migrateDeploy } from "./migrate";
import type { RunningPostgres } from "./postgres";

export const OWNER_ROLE = "docket_owner";
export const RUNTIME_ROLE = "docket_runtime";
export const APP_ROLE = "docket_app";
/** As README's "Database roles" asks of an operator's app login. */
export const APP_STATEMENT_TIMEOUT = "30s";

export interface DocketDatabase {
  /** The app's and the worker's DATABASE_URL: the least-privileged login. */
  url: string;
  /** DATABASE_MIGRATION_URL: the owner of every table. */
  migrationUrl: string;
  /** The server's superuser on this database: what an attacker or an operator could do. */
  superuserUrl: string;
}

/** Local-only passwords of an embedded server that listens on 127.0.0.1 alone. */
const PASSWORDS = { [OWNER_ROLE]: "docket-owner", [APP_ROLE]: "docket-app" } as const;

/** Creates the roles (once a server) and the database (unless it exists), then migrates it as its owner. */
export async function createDocketDatabase(postgres: RunningPostgres, name: string): Promise<DocketDatabase> {
  await asSuperuser(postgres.url, async (client) => {
    await ensureRoles(client);
    const { rows } = await client.query<{ owner: string }>("SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1", [name]);
    const owner = rows[0]?.owner;
    if (owner !== undefined && owner !== OWNER_ROLE) {
      // A demo database from before the roles, owned by the superuser: kept aside, never dropped.
      const keptAs = `${name}_before_roles_${Date.now()}`;
      await client.query(`ALTER DATABASE ${client.escapeIdentifier(name)} RENAME TO ${client.escapeIdentifier(keptAs)}`);
      console.log(`The database ${name} was owned by ${owner}, from before Docket separated its roles: kept as ${keptAs}, and a new ${name} created.`);
    }
    if (owner !== OWNER_ROLE) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} OWNER ${OWNER_ROLE}`);
  });
  const database = docketDatabaseUrls(postgres, name);
  await migrateDeploy(database.migrationUrl);
  return database;
}

/** The three URLs of a database `createDocketDatabase` made (a template's copy included). */
export function docketDatabaseUrls(postgres: Pick<RunningPostgres, "url">, name: string): DocketDatabase {
  const superuserUrl = new URL(postgres.url);
  superuserUrl.pathname = `/${encodeURIComponent(name)}`;
  const as = (role: keyof typeof PASSWORDS) => {
    const url = new URL(superuserUrl);
    url.username = role;
    url.password = PASSWORDS[role];
    return url.toString();
  };
  return { url: as(APP_ROLE), migrationUrl: as(OWNER_ROLE), superuserUrl: superuserUrl.toString() };
}

/** Idempotent, and safe when several test files create their databases on one server at once. */
async function ensureRoles(client: pg.Client): Promise<void> {
  const statements = [
    `CREATE ROLE ${OWNER_ROLE} LOGIN PASSWORD '${PASSWORDS[OWNER_ROLE]}'`,
    `CREATE ROLE ${RUNTIME_ROLE} NOLOGIN`,
    `CREATE ROLE ${APP_ROLE} LOGIN PASSWORD '${PASSWORDS[APP_ROLE]}' IN ROLE ${RUNTIME_ROLE}`,
  ];
  for (const statement of statements) {
    try {
      await client.query(statement);
    } catch (error) {
      const code = (error as { code?: string }).code;
      // 42710: the role exists; 23505: another session created it at the same moment.
      if (code !== "42710" && code !== "23505") throw error;
    }
  }
  // No statement of the app's may hold the database longer; a role's setting is not inherited, so it
  // is set on the login. The migrations (the owner) are not bound by it.
  await client.query(`ALTER ROLE ${APP_ROLE} SET statement_timeout = '${APP_STATEMENT_TIMEOUT}'`);
}

async function asSuperuser(url: string, work: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
