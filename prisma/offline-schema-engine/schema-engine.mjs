#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, which the Prisma CLI can only download from
// Prisma's servers (impossible offline or air-gapped). prisma.config.ts points
// PRISMA_SCHEMA_ENGINE_BINARY here, and the CLI runs this program like the native one:
//   schema-engine --version
//   schema-engine [--datamodels FILE]... --datasource JSON cli can-connect-to-database|create-database
//   schema-engine [--datamodels FILE]... --datasource JSON      (JSON-RPC 2.0 on stdin/stdout)
// The requests are answered by the same engine compiled to WebAssembly (@prisma/schema-engine-wasm,
// from npm), which reaches PostgreSQL through @prisma/adapter-pg.
//
// What the CLI relies on: stdout carries only JSON-RPC lines; stderr carries JSON log lines, and
// the message of the last ERROR line is what the CLI shows when we exit 1.
import { randomUUID } from "node:crypto";
import { readFileSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import readline from "node:readline";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const require = createRequire(import.meta.url);
// Dependencies of our dependencies, resolved from them so that hoisting does not matter.
const { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } = createRequire(require.resolve("@prisma/adapter-pg"))("@prisma/driver-adapter-utils");
const { parseIntoClientConfig } = createRequire(require.resolve("pg"))("pg-connection-string");

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

// --- command line ----------------------------------------------------------------------------

function parseArgs(argv) {
  const parsed = { datamodels: [], datasource: {}, cli: undefined, version: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === "--version" || arg === "-V") parsed.version = true;
    else if (arg === "--datamodels" || arg === "-d") parsed.datamodels.push(argv[++i]);
    else if (arg === "--datasource") parsed.datasource = JSON.parse(argv[++i]);
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") i += 1;
    else if (arg === "cli") parsed.cli = argv[++i];
    else fail(`unknown argument ${JSON.stringify(arg)}`);
  }
  return parsed;
}

// The CLI runs these before migrate dev/deploy/reset and db push, to create a missing database.
async function runCliCommand(command, databaseUrl) {
  if (!databaseUrl) fail("no datasource URL was given (is DATABASE_URL set?)");
  const config = pgConfig(databaseUrl);
  if (command === "can-connect-to-database") {
    const problem = await connectionProblem(config);
    if (problem) fail(problem.message, problem.code);
  } else if (command === "create-database") {
    await withServerClient(config, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(config.database)}`));
  } else {
    fail(`unsupported cli command ${JSON.stringify(command)}`);
  }
}

// --- JSON-RPC --------------------------------------------------------------------------------

// In this mode we must not exit before the CLI closes our stdin: if the engine ends while the CLI
// waits for an answer, the CLI waits on an unref'd timer, prints nothing and exits 0. So failures
// are answered as JSON-RPC errors (which the CLI prints before exiting 1) and we exit 1 later.
let serving = false;
let broken; // { message, code } once no request can succeed any more
let markBroken;
const whenBroken = new Promise((resolve) => (markBroken = resolve));
let shadow; // the adapter factory, which also creates and drops the shadow databases

async function serveJsonRpc({ datasource, datamodels }) {
  serving = true;
  const engine = startEngine(datasource, datamodels).catch((error) => fail(`could not start: ${describe(error)}`, error?.code));

  // The wasm engine is not re-entrant: requests are answered one at a time, once it has started.
  let queue = Promise.resolve();
  const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  input.on("line", (line) => {
    if (!line.trim()) return;
    const request = JSON.parse(line);
    if (request.method === undefined) return; // the CLI's answer to our `print`
    queue = queue.then(() => answer(engine, request));
  });
  // Wait for the start-up too, so that its failure still sets the exit code.
  const settled = () => queue.then(() => unlessBroken(engine)).catch(() => undefined);
  input.on("close", () => settled().then(() => process.exit(broken ? 1 : 0)));
}

async function startEngine(datasource, datamodelFiles) {
  if (!datasource.url) throw new EngineError("no datasource URL was given (is DATABASE_URL set?)");
  const config = pgConfig(datasource.url);
  // Checked here so that an unreachable database is one clear error, not a confusing later one.
  const problem = await connectionProblem(config);
  if (problem) throw new EngineError(problem.message, problem.code);
  const wasm = await loadWasmEngine();
  shadow = adapterFactory(config, datasource.shadowDatabaseUrl);
  // The engine panics on an empty list (migrate diff passes no schema).
  const datamodels = datamodelFiles.length ? datamodelFiles.map((file) => [file, readFileSync(file, "utf8")]) : undefined;
  const log = (line) => writeSync(2, `${line.trimEnd()}\n`);
  return wasm.SchemaEngine.new({ datamodels }, log, shadow.bound);
}

async function answer(engine, { id, method, params }) {
  let reply;
  try {
    const ready = await unlessBroken(engine);
    if (broken) throw new EngineError(broken.message, broken.code);
    reply = { result: (await unlessBroken(call(ready, method, params ?? {}))) ?? null };
  } catch (error) {
    const panic = takePanic();
    if (panic) fail(`the WebAssembly engine panicked in ${method}: ${panic}`); // it is unusable now
    reply = { error: rpcError(describe(error, shadow?.bound), error?.code) };
  }
  // Only once this request's shadow databases are gone: the CLI kills us when it has its answer.
  await shadow?.dropAll().catch((error) => {
    reply = { error: rpcError(`could not drop a shadow database: ${describe(error)}`) };
  });
  send({ jsonrpc: "2.0", id, ...reply });
}

/** A panic can leave the engine's promises pending forever: stop waiting once fail() was called. */
function unlessBroken(promise) {
  const failed = whenBroken.then(() => Promise.reject(new EngineError(broken.message, broken.code)));
  return Promise.race([promise, failed]);
}

/** Calls the wasm engine for one of the CLI's JSON-RPC methods. */
async function call(engine, method, params) {
  switch (method) {
    case "diff": {
      const { stdout, exitCode } = await engine.diff(params);
      // The CLI does not print the diff itself: the native engine asks it to, with `print`.
      if (stdout) {
        send({ jsonrpc: "2.0", id: `print-${randomUUID()}`, method: "print", params: { content: stdout } });
      }
      return { exitCode };
    }
    case "evaluateDataLoss":
      // The wasm engine computes the migrations' schema here without a shadow database factory
      // ("PostgreSQL shadow DB must be provided through an external factory") unless it has it
      // cached, which it has not when migrations were just applied in this process (migrate dev
      // on a database that was behind). Diagnosing the history fills that cache.
      await engine.diagnoseMigrationHistory({
        migrationsList: params.migrationsList,
        optInToShadowDatabase: true,
        filters: params.filters,
      });
      return engine.evaluateDataLoss(params);
    case "getDatabaseVersion":
      return engine.version(params);
    case "applyMigrations":
    case "createMigration":
    case "dbExecute":
    case "debugPanic":
    case "devDiagnostic":
    case "diagnoseMigrationHistory":
    case "ensureConnectionValidity":
    case "introspect":
    case "introspectSql":
    case "markMigrationApplied":
    case "markMigrationRolledBack":
    case "reset":
    case "schemaPush":
      return engine[method](params);
    default:
      throw new EngineError(`the offline schema engine does not support ${method}`);
  }
}

function send(message) {
  writeSync(1, `${JSON.stringify(message)}\n`);
}

function rpcError(message, errorCode) {
  return {
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: { is_panic: false, message, error_code: errorCode, meta: null },
  };
}

class EngineError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

// --- WebAssembly engine ----------------------------------------------------------------------

let panicMessage;

async function loadWasmEngine() {
  // The package's entry point imports the .wasm file as an ES module, which Node 20 cannot do:
  // instantiate it against its JS glue ourselves.
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = readFileSync(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  // A Rust panic leaves its message here, then surfaces in JS as a bare "unreachable".
  globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message: (message) => void (panicMessage = message) };
  return glue;
}

function takePanic() {
  const message = panicMessage;
  panicMessage = undefined;
  return message;
}

// --- PostgreSQL ------------------------------------------------------------------------------

/** pg settings for a Prisma-style URL: an object, not { connectionString }, because pg lets the
 * URL's database override any `database` we set (the shadow database's name would be ignored). */
function pgConfig(databaseUrl) {
  const { schema, ...config } = parseIntoClientConfig(databaseUrl);
  // Prisma's `?schema=` means "work in this schema": pg ignores it, so make it the search_path.
  if (schema) {
    const searchPath = `-c search_path=${escapeOption(quoteIdentifier(schema))}`;
    config.options = config.options ? `${config.options} ${searchPath}` : searchPath;
  }
  return { ...config, schema, database: config.database ?? config.user };
}

function quoteIdentifier(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

function escapeOption(value) {
  return value.replace(/[\\ ]/g, (c) => `\\${c}`);
}

// adapter-pg 7.10 cannot map PostgreSQL's internal one-byte "char" type, which the engine's
// catalog queries return (pg_constraint.contype, ...) and expect as Character values. Such
// columns are relabelled text for adapter-pg, remembered by their rows array (which adapter-pg
// passes through unchanged), and typed Character again in adapter-pg's result.
const charColumns = new WeakMap();

class CharAsTextClient extends pg.Client {
  query(config, values, callback) {
    if (typeof values === "function") [values, callback] = [undefined, values];
    if (typeof callback === "function") {
      return super.query(config, values, (error, result) => callback(error, error ? result : charAsText(result)));
    }
    const pending = super.query(config, values);
    return typeof pending?.then === "function" ? pending.then(charAsText) : pending;
  }
}

function charAsText(result) {
  for (const one of Array.isArray(result) ? result : [result]) {
    const indexes = [];
    one?.fields?.forEach((field, index) => {
      if (field.dataTypeID !== PG_CHAR_OID) return;
      field.dataTypeID = PG_TEXT_OID;
      indexes.push(index);
    });
    if (indexes.length) charColumns.set(one.rows, indexes);
  }
  return result;
}

function withCharColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns.get(result.rows) ?? []) {
      result.columnTypes[index] = ColumnTypeEnum.Character;
    }
    return result;
  };
  return queryable;
}

function adapterFactory(config, shadowDatabaseUrl) {
  const shadowServer = shadowDatabaseUrl ? pgConfig(shadowDatabaseUrl) : config;
  const shadowDatabases = new Set();

  async function connect({ schema: _, ...poolConfig }) {
    const factory = new PrismaPg({ ...poolConfig, Client: CharAsTextClient }, { schema: config.schema });
    const adapter = withCharColumns(await factory.connect());
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...options) => withCharColumns(await startTransaction(...options));
    // adapter-pg splits scripts on every ";", breaking function bodies and string literals, and
    // runs the pieces one by one. Sent whole, PostgreSQL runs a script as one implicit
    // transaction, as with the native engine.
    adapter.executeScript = async (script) => {
      try {
        await adapter.underlyingDriver().query(script);
      } catch (error) {
        adapter.onError(error); // rethrows in adapter-pg's error format
      }
    };
    return adapter;
  }

  // Shadow databases are managed here, not by adapter-pg, which drops one while its own pool is
  // still connected to it (so the DROP fails and the database stays). They are dropped after
  // each request, whether or not the engine disposed of its connection to them.
  async function connectToShadowDb() {
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    await withServerClient(shadowServer, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
    shadowDatabases.add(name);
    const shadowConfig = { ...shadowServer, database: name };
    if (config.schema) {
      const createSchema = `CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(config.schema)}`;
      await withClient(shadowConfig, (client) => client.query(createSchema));
    }
    return connect(shadowConfig);
  }

  async function dropAll() {
    for (const name of shadowDatabases) {
      // FORCE: the engine's pool may still be connected to it.
      const drop = `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`;
      await withServerClient(shadowServer, (client) => client.query(drop));
      shadowDatabases.delete(name);
    }
  }

  const factory = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connect(config),
    connectToShadowDb,
  };
  // The wasm engine calls adapters through this wrapper, which turns exceptions into results.
  return { bound: bindMigrationAwareSqlAdapterFactory(factory), dropAll };
}

async function withClient({ schema: _, ...config }, work) {
  const client = new pg.Client({ connectionTimeoutMillis: 10_000, ...config });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs `work` connected to the server's maintenance database (for CREATE/DROP DATABASE). */
async function withServerClient(config, work) {
  try {
    return await withClient({ ...config, database: "postgres" }, work);
  } catch (error) {
    if (error?.code !== "3D000") throw error;
    return withClient({ ...config, database: "template1" }, work);
  }
}

/** undefined if we can connect, else why not, in the native engine's terms (error codes P1xxx). */
async function connectionProblem(config) {
  try {
    await withClient(config, (client) => client.query("SELECT 1"));
    return undefined;
  } catch (error) {
    const server = `\`${config.host || "localhost"}:${config.port || 5432}\``;
    const database = `\`${config.database}\``;
    const reason = describe(error);
    switch (error?.code ?? error?.errors?.[0]?.code) {
      case "3D000":
        return { code: "P1003", message: `Database ${database} does not exist on the database server at ${server}.` };
      case "28P01":
      case "28000":
        return { code: "P1000", message: `Authentication failed against the database server at ${server}: ${reason}` };
      case "42501":
        return { code: "P1010", message: `User was denied access on the database ${database}: ${reason}` };
      default:
        return { code: "P1001", message: `Can't reach database server at ${server}: ${reason}` };
    }
  }
}

// --- failure ---------------------------------------------------------------------------------

/** The error's message, with adapter errors (which the wasm engine reports as "External error
 * id#N") looked up and spelled out. */
function describe(error, bound) {
  if (error instanceof AggregateError && error.errors.length) {
    return error.errors.map((each) => describe(each, bound)).join("; ");
  }
  const text = error instanceof Error ? error.message || error.code || String(error) : typeof error === "string" ? error : JSON.stringify(error);
  return text.replace(/External error id#(\d+)/g, (original, id) => {
    const registered = bound?.errorRegistry.consumeError(Number(id))?.error;
    return registered ? describe(registered) : original;
  });
}

/** Reports a failure on stderr, as plain text and as the native engine's JSON log line. Then
 * exits 1 or, in JSON-RPC mode, has the current and all later requests answered with it. */
function fail(message, code) {
  const errorCode = /^P\d{4}$/.test(code ?? "") ? code : undefined; // not pg's or Node's codes
  const fields = { message: `offline schema engine: ${message}`, ...(errorCode ? { error_code: errorCode } : {}) };
  writeSync(2, `${fields.message}\n`);
  const logLine = { timestamp: new Date().toISOString(), level: "ERROR", fields, target: "schema_engine::logger" };
  writeSync(2, `${JSON.stringify(logLine)}\n`);
  if (!serving) process.exit(1);
  broken ??= { message: fields.message, code: errorCode };
  markBroken();
}

// --- main ------------------------------------------------------------------------------------

// Node's warnings (e.g. pg's about sslmode) would go to stderr, where the CLI expects JSON only.
process.removeAllListeners("warning");
for (const event of ["uncaughtException", "unhandledRejection"]) {
  process.on(event, (error) => {
    const panic = takePanic();
    fail(panic ? `the WebAssembly engine panicked: ${panic}` : `unexpected failure: ${error?.stack ?? error}`);
  });
}

const args = parseArgs(process.argv.slice(2));
if (args.version) {
  const wasm = await loadWasmEngine();
  const offline = "offline: @prisma/schema-engine-wasm + @prisma/adapter-pg";
  process.stdout.write(`schema-engine-cli ${wasm.version()} (${offline})\n`);
} else if (args.cli) {
  await runCliCommand(args.cli, args.datasource.url);
} else {
  await serveJsonRpc(args);
}
