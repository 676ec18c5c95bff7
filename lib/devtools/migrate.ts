// Runs the real Prisma CLI (offline, through prisma/offline-schema-engine) as a child process.
import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import PgBoss from "pg-boss";
import { JOB_QUEUES, JOB_SCHEMA } from "@/lib/jobs/queue-definitions";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const prismaCli = path.join(repoRoot, "node_modules", "prisma", "build", "index.js");

export interface PrismaRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `prisma <args>` in `cwd` (default: the repository) and resolves whatever its exit code. */
export function runPrisma(args: string[], options: { cwd?: string; databaseUrl?: string | undefined } = {}): Promise<PrismaRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1", NO_COLOR: "1", FORCE_COLOR: "0" };
  delete env.DATABASE_URL;
  delete env.DATABASE_MIGRATION_URL;
  if (options.databaseUrl !== undefined) env.DATABASE_MIGRATION_URL = options.databaseUrl;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [prismaCli, ...args],
      { cwd: options.cwd ?? repoRoot, env, maxBuffer: 16 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/**
 * `prisma migrate deploy` against `databaseUrl` with the repository's migrations. Throws with the
 * CLI's output if it fails, and also if it "succeeds" without every migration being recorded as
 * applied (the CLI exits 0 having done nothing if its schema engine dies).
 */
export async function migrateDeploy(databaseUrl: string, options: { cwd?: string } = {}): Promise<void> {
  const cwd = options.cwd ?? repoRoot;
  const run = await runPrisma(["migrate", "deploy"], { cwd, databaseUrl });
  const output = `--- stdout ---\n${run.stdout}\n--- stderr ---\n${run.stderr}`;
  if (run.code !== 0) throw new Error(`prisma migrate deploy exited with ${run.code}\n${output}`);

  const expected = await migrationNames(path.join(cwd, "prisma", "migrations"));
  const applied = await appliedMigrations(databaseUrl).catch((error: unknown) => {
    throw new Error(`prisma migrate deploy exited 0 but left no readable migration table (${String(error)})\n${output}`);
  });
  const missing = expected.filter((name) => !applied.includes(name));
  if (missing.length > 0) {
    throw new Error(`prisma migrate deploy exited 0 but did not apply ${missing.join(", ")}\n${output}`);
  }
  await installJobQueues(databaseUrl);
}

/**
 * pg-boss's schema (created or upgraded by pg-boss itself) and Docket's queues, made by the owner like
 * every other table; the runtime role gets the rows, not the right to create or alter anything.
 */
async function installJobQueues(databaseUrl: string): Promise<void> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: JOB_SCHEMA, migrate: true, supervise: false, schedule: false, max: 1 });
  boss.on("error", (error) => console.error("[jobs]", error));
  await boss.start();
  try {
    for (const { name, ...options } of JOB_QUEUES) {
      if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, ...options });
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const schema = client.escapeIdentifier(JOB_SCHEMA);
    await client.query(`GRANT USAGE ON SCHEMA ${schema} TO docket_runtime`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO docket_runtime`);
  } finally {
    await client.end();
  }
}

/** Names of the migration directories, in order. */
export async function migrationNames(migrationsDir: string): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Names of the migrations recorded as successfully applied, in order. */
export async function appliedMigrations(databaseUrl: string): Promise<string[]> {
  const schema = new URL(databaseUrl).searchParams.get("schema") ?? "public";
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = `${client.escapeIdentifier(schema)}."_prisma_migrations"`;
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM ${table}
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    return rows.map((row) => row.migration_name);
  } finally {
    await client.end();
  }
}
