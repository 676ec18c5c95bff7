// The Prisma CLI must work offline (through prisma/offline-schema-engine) against a real
// PostgreSQL: a Prisma or engine upgrade that breaks it has to fail here, not on a customer's
// air-gapped machine.
import { spawn } from "node:child_process";
import { access, appendFile, constants, cp, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgres, type RunningPostgres } from "@/lib/devtools/postgres";
import { appliedMigrations, migrateDeploy, migrationNames, repoRoot, runPrisma } from "@/lib/devtools/migrate";
import { closedPort } from "@/tests/support/closed-port";
import { superuserQuery } from "@/tests/support/database";

const engine = path.join(repoRoot, "prisma", "offline-schema-engine", "schema-engine.mjs");
const repoMigrations = path.join(repoRoot, "prisma", "migrations");

let postgres: RunningPostgres;
let databaseCount = 0;
const freshDatabase = () => postgres.createDatabase(`migrate_test_${++databaseCount}`);

beforeAll(async () => {
  postgres = await startPostgres();
});

afterAll(async () => {
  await postgres?.stop();
});

const shadowDatabases = () =>
  superuserQuery<{ datname: string }>(postgres.url, "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'");

describe("prisma CLI with the offline schema engine", () => {
  it("has an executable engine program (PRISMA_SCHEMA_ENGINE_BINARY)", async () => {
    await access(engine, constants.X_OK);
  });

  it("migrate deploy applies the init migration to an empty database", async () => {
    const url = await freshDatabase();
    await migrateDeploy(url);

    const columns = await superuserQuery<{ column_name: string; data_type: string; is_nullable: string }>(
      url,
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name = 'reviewer_preference' ORDER BY column_name`,
    );
    expect(columns).toEqual([
      { column_name: "selected_organization_uuid", data_type: "text", is_nullable: "YES" },
      { column_name: "time_zone", data_type: "text", is_nullable: "YES" },
      { column_name: "updated_at", data_type: "timestamp with time zone", is_nullable: "NO" },
      { column_name: "user_id", data_type: "uuid", is_nullable: "NO" },
    ]);
    const primaryKey = await superuserQuery<{ column_name: string }>(
      url,
      `SELECT a.attname AS column_name FROM pg_index i
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
       WHERE i.indrelid = 'public.reviewer_preference'::regclass AND i.indisprimary`,
    );
    expect(primaryKey).toEqual([{ column_name: "user_id" }]);

    const applied = await appliedMigrations(url);
    expect(applied).toEqual(await migrationNames(repoMigrations));
    expect(applied[0]).toMatch(/^\d{14}_init$/);
  });

  it("migrate deploy honours ?schema= in the database URL", async () => {
    const url = `${await freshDatabase()}?schema=docket`;
    await migrateDeploy(url); // checks docket._prisma_migrations
    const tables = await superuserQuery<{ table_schema: string; table_name: string }>(
      url,
      `SELECT table_schema, table_name FROM information_schema.tables
       WHERE table_name IN ('reviewer_preference', '_prisma_migrations') ORDER BY table_name`,
    );
    expect(tables).toEqual([
      { table_schema: "docket", table_name: "_prisma_migrations" },
      { table_schema: "docket", table_name: "reviewer_preference" },
    ]);
  });

  it("migrate status reports pending migrations, then up to date after deploy", async () => {
    const url = await freshDatabase();
    const before = await runPrisma(["migrate", "status"], { databaseUrl: url });
    expect(before.code, before.stdout + before.stderr).not.toBe(0);
    expect(before.stdout).toMatch(/have not yet been applied/);

    await migrateDeploy(url);
    const after = await runPrisma(["migrate", "status"], { databaseUrl: url });
    expect(after.code, after.stdout + after.stderr).toBe(0);
    expect(after.stdout).toMatch(/Database schema is up to date/);
  });

  it("migrate dev creates and applies a second migration, migrate reset replays them", async () => {
    // A copy of the repository's Prisma setup (config, schema, migrations and engine), so the
    // repository is not modified; node_modules is shared.
    const copy = await mkdtemp(path.join(tmpdir(), "docket-prisma-"));
    try {
      const items = ["prisma.config.ts", "prisma/schema.prisma", "prisma/migrations", "prisma/offline-schema-engine"];
      for (const item of items) {
        await cp(path.join(repoRoot, item), path.join(copy, item), { recursive: true });
      }
      await symlink(path.join(repoRoot, "node_modules"), path.join(copy, "node_modules"), "dir");
      await appendFile(
        path.join(copy, "prisma", "schema.prisma"),
        `\nmodel MigrateProbe {\n  id   Int    @id @default(autoincrement())\n  note String\n\n  @@map("migrate_probe")\n}\n`,
      );
      const copyMigrations = path.join(copy, "prisma", "migrations");
      // A hand-written migration like the ones audit tables need: a PL/pgSQL body containing ";"
      // must reach PostgreSQL in one piece (adapter-pg on its own splits scripts on every ";").
      const guard = `${(await migrationNames(copyMigrations)).at(-1)}_guard`;
      await mkdir(path.join(copyMigrations, guard));
      await writeFile(
        path.join(copyMigrations, guard, "migration.sql"),
        `CREATE FUNCTION refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'append-only; deleting is refused';
END;
$$;
CREATE TRIGGER reviewer_preference_no_delete BEFORE DELETE ON reviewer_preference
  FOR EACH ROW EXECUTE FUNCTION refuse_delete();
`,
      );
      const before = await migrationNames(copyMigrations);

      // On a database that is behind, so the init migration is applied in the same engine process
      // before the new one is evaluated and created.
      const url = await freshDatabase();
      const dev = await runPrisma(["migrate", "dev", "--name", "probe"], { cwd: copy, databaseUrl: url });
      expect(dev.code, dev.stdout + dev.stderr).toBe(0);

      const after = await migrationNames(copyMigrations);
      expect(after.slice(0, -1)).toEqual(before);
      expect(after.at(-1)).toMatch(/^\d{14}_probe$/);
      const script = await readFile(path.join(copyMigrations, after.at(-1)!, "migration.sql"), "utf8");
      expect(script).toContain('CREATE TABLE "migrate_probe"');
      expect(await appliedMigrations(url)).toEqual(after);
      expect(await shadowDatabases()).toEqual([]);
      // The repository itself is untouched.
      expect(await migrationNames(repoMigrations)).toEqual(before.filter((name) => name !== guard));
      await superuserQuery(
        url,
        "WITH created AS (INSERT INTO app_user (issuer, subject) VALUES ('iss', 'sub') RETURNING id) INSERT INTO reviewer_preference (user_id, updated_at) SELECT id, now() FROM created",
      );
      await expect(superuserQuery(url, "DELETE FROM reviewer_preference")).rejects.toThrow("append-only; deleting is refused");

      const status = await runPrisma(["migrate", "status"], { cwd: copy, databaseUrl: url });
      expect(status.code, status.stdout + status.stderr).toBe(0);
      expect(status.stdout).toMatch(/Database schema is up to date/);

      await superuserQuery(url, "INSERT INTO migrate_probe (note) VALUES ('before reset')");
      const reset = await runPrisma(["migrate", "reset", "--force"], { cwd: copy, databaseUrl: url });
      expect(reset.code, reset.stdout + reset.stderr).toBe(0);
      expect(await superuserQuery(url, "SELECT * FROM migrate_probe")).toEqual([]);
      expect(await appliedMigrations(url)).toEqual(after);

      // The client generator needs no database at all.
      const generate = await runPrisma(["generate"], { cwd: copy, databaseUrl: undefined });
      expect(generate.code, generate.stdout + generate.stderr).toBe(0);
      expect((await stat(path.join(copy, "lib", "generated", "prisma", "client.ts"))).isFile()).toBe(true);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });

  it("migrate diff finds no difference between the migrations and the schema", async () => {
    const url = await freshDatabase(); // for the shadow database
    const same = await runPrisma(["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"], {
      databaseUrl: url,
    });
    expect(same.code, same.stdout + same.stderr).toBe(0);
    expect(same.stdout).toMatch(/No difference detected/);
    expect(await shadowDatabases()).toEqual([]);

    // And it does report a difference when there is one (exit code 2 with --exit-code).
    const fromEmpty = await runPrisma(["migrate", "diff", "--from-empty", "--to-schema", "prisma/schema.prisma", "--script", "--exit-code"], {
      databaseUrl: url,
    });
    expect(fromEmpty.code, fromEmpty.stdout + fromEmpty.stderr).toBe(2);
    expect(fromEmpty.stdout).toContain('CREATE TABLE "reviewer_preference"');
  });

  it("fails loudly, never silently, when the database is unreachable", async () => {
    const url = `postgresql://postgres:postgres@127.0.0.1:${await closedPort()}/docket`;

    // The engine itself, in JSON-RPC mode: an error answer to the request, a message, exit 1.
    const request = { jsonrpc: "2.0", id: 1, method: "diagnoseMigrationHistory", params: {} };
    const direct = await runEngine(["--datasource", JSON.stringify({ url })], `${JSON.stringify(request)}\n`);
    expect(direct.code).not.toBe(0);
    expect(direct.stderr).toMatch(/Can't reach database server/);
    const reply = JSON.parse(direct.stdout.trim()) as { id: number; error?: { data?: { error_code?: string } } };
    expect(reply.id).toBe(1);
    expect(reply.error?.data?.error_code).toBe("P1001");

    // And through the CLI.
    const deploy = await runPrisma(["migrate", "deploy"], { databaseUrl: url });
    expect(deploy.code).not.toBe(0);
    expect(deploy.stdout + deploy.stderr).toMatch(/P1001.*Can't reach database server/);
  });
});

function runEngine(args: string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(engine, args, { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}
