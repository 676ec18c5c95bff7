/**
 * The whole console on one machine: PostgreSQL (embedded), migrations, the Compliance API simulator
 * (unless a real API is configured), the local IdP, the artifact sandbox origin, the built app and a
 * worker. Used by `npm run demo` and the end-to-end tests.
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { createDocketDatabase } from "./docket-database";
import { startPostgres } from "./postgres";
import { startService, type Service } from "./services";
import { buildWorker, workerCommand } from "./worker-build";

export const DEMO_ROLE_MAP = "legal-reviewers:reviewer,legal-approvers:approver,audit:auditor,docket-admins:admin";

export interface StackOptions {
  appPort: number;
  appHost: "localhost" | "127.0.0.1";
  simulatorPort: number;
  dataset: "small" | "demo" | "large";
  /** Keep the database between runs (the demo's audit log survives a restart); tests use a throwaway one. */
  databaseDir?: string;
  /** A real Compliance API to use instead of the simulator: the read key, and the delete key the worker alone is given. */
  externalApi?: { baseUrl: string; apiKey: string; deleteKey?: string };
  idpPort: number;
  /** Where the artifact sandbox origin listens (0: any free port). */
  sandboxPort: number;
  /** Where the signed head of the audit chain is kept (outside the database, beside its data). */
  auditCheckpointFile: string;
  /** Where collections keep what they collect (the app reads it back into packages, the worker writes it). */
  evidenceDir: string;
  /** Environment added to the worker's process (the end-to-end tests shorten its leases). */
  workerEnv?: Record<string, string>;
  /** Adds the IdP users whose claims are malformed on purpose (tests only). */
  idpTestUsers: boolean;
  /** Runs once everything but the app is up, before the app can answer a request. */
  beforeApp?: (parts: Omit<Stack, "stop">) => Promise<void>;
  simulatorControl: boolean;
  /** Node arguments and environment added to the app's process (the end-to-end tests' instrumentation). */
  appProcess?: { nodeArgs: string[]; env: Record<string, string> };
  quiet?: boolean;
  /** Where every line the services print is also appended (the end-to-end tests search it for secrets). */
  logFile?: string;
}

export interface Stack {
  appUrl: string;
  apiBaseUrl: string;
  /** As the app's least-privileged login. */
  databaseUrl: string;
  /** As the server's superuser, for a test harness that arranges state the app may not touch. */
  superuserDatabaseUrl: string;
  idpIssuer: string;
  /** The artifact sandbox origin, on the other one of localhost and 127.0.0.1: another site than the app's. */
  sandboxOrigin: string;
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const stops: Array<() => Promise<void>> = [];
  let stopDatabase: () => Promise<void> = async () => undefined;
  // The services stop together, and the database last: the app may still be writing to it.
  const stop = async () => {
    const results = await Promise.allSettled(stops.map((stopOne) => stopOne()));
    for (const result of results) if (result.status === "rejected") console.error(result.reason);
    await stopDatabase();
  };
  try {
    const postgres = await startPostgres({ dataDir: options.databaseDir, persistent: options.databaseDir !== undefined });
    stopDatabase = postgres.stop;
    // The app and the worker connect as the least-privileged role; the migrations ran as the owner.
    const { url: databaseUrl, superuserUrl: superuserDatabaseUrl } = await createDocketDatabase(postgres, "docket");

    let apiBaseUrl: string;
    let apiKey: string;
    let deleteKey: string | undefined;
    if (options.externalApi) {
      ({ baseUrl: apiBaseUrl, apiKey, deleteKey } = options.externalApi);
    } else {
      const simulator = await startService("simulator", process.execPath, ["--import", "tsx", join("lib", "simulator", "main.ts")], {
        env: {
          ...process.env,
          SIMULATOR_PORT: String(options.simulatorPort),
          SIMULATOR_DATASET: options.dataset,
          SIMULATOR_CONTROL: options.simulatorControl ? "1" : "0",
        },
        ready: /listening on (http:\/\/\S+)/,
        quiet: options.quiet,
        logFile: options.logFile,
      });
      stops.push(simulator.stop);
      apiBaseUrl = simulator.match[1]!;
      // As in production: the web app reads with a read-only key, and only the worker may delete.
      apiKey = "sk-ant-api01-simulator-readonly";
      deleteKey = "sk-ant-api01-simulator-full";
    }
    // Whatever the caller's environment holds, the app's process never receives the delete key.
    const { COMPLIANCE_API_DELETE_KEY: _deleteKeyKeptFromTheApp, ...environment } = process.env;

    const appUrl = `http://${options.appHost}:${options.appPort}`;
    const clientId = process.env.OIDC_CLIENT_ID ?? "docket";
    const clientSecret = process.env.OIDC_CLIENT_SECRET ?? "docket-local-idp-secret";
    const idp = await startService("idp", process.execPath, ["--import", "tsx", join("lib", "devtools", "local-idp", "main.ts")], {
      env: {
        ...process.env,
        LOCAL_IDP_PORT: String(options.idpPort),
        LOCAL_IDP_TEST_USERS: options.idpTestUsers ? "1" : "0",
        NEXTAUTH_URL: appUrl,
        OIDC_CLIENT_ID: clientId,
        OIDC_CLIENT_SECRET: clientSecret,
      },
      ready: /listening on (http:\/\/\S+)/,
      quiet: options.quiet,
      logFile: options.logFile,
    });
    stops.push(idp.stop);
    const idpIssuer = idp.match[1]!;
    const sandbox = await startService("sandbox", process.execPath, ["--import", "tsx", join("lib", "artifact-sandbox", "main.ts")], {
      env: {
        ...process.env,
        ARTIFACT_SANDBOX_APP_ORIGIN: appUrl,
        ARTIFACT_SANDBOX_HOST: options.appHost === "localhost" ? "127.0.0.1" : "localhost",
        ARTIFACT_SANDBOX_PORT: String(options.sandboxPort),
      },
      ready: /listening on (http:\/\/\S+)/,
      quiet: options.quiet,
      logFile: options.logFile,
    });
    stops.push(sandbox.stop);
    const sandboxOrigin = sandbox.match[1]!;
    await options.beforeApp?.({ appUrl, apiBaseUrl, databaseUrl, superuserDatabaseUrl, idpIssuer, sandboxOrigin });
    // What the app and the worker must agree on: one database, one API, one evidence store.
    const sharedEnv = {
      COMPLIANCE_API_BASE_URL: apiBaseUrl,
      COMPLIANCE_API_KEY: apiKey,
      DATABASE_URL: databaseUrl,
      DOCKET_EVIDENCE_DIR: options.evidenceDir,
      DOCKET_AUDIT_CHECKPOINT_FILE: options.auditCheckpointFile,
    };
    await buildWorker();
    const workerRun = await workerCommand();
    const worker = await startService("worker", process.execPath, workerRun.args, {
      env: {
        ...environment,
        NODE_ENV: "production",
        ...workerRun.env,
        ...sharedEnv,
        ...(deleteKey ? { COMPLIANCE_API_DELETE_KEY: deleteKey } : {}),
        ...options.workerEnv,
      },
      ready: /Docket worker \S+ running/,
      quiet: options.quiet,
      logFile: options.logFile,
    });
    stops.push(worker.stop);
    const app: Service = await startService(
      "app",
      process.execPath,
      [
        ...(options.appProcess?.nodeArgs ?? []),
        join("node_modules", "next", "dist", "bin", "next"),
        "start",
        "-p",
        String(options.appPort),
        "-H",
        options.appHost,
      ],
      {
        env: {
          ...environment,
          NODE_ENV: "production",
          NEXT_TELEMETRY_DISABLED: "1",
          ...sharedEnv,
          NEXTAUTH_URL: appUrl,
          NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
          OIDC_ISSUER: idpIssuer,
          OIDC_CLIENT_ID: clientId,
          OIDC_CLIENT_SECRET: clientSecret,
          OIDC_SCOPES: "openid email profile groups",
          DOCKET_ROLE_MAP: process.env.DOCKET_ROLE_MAP ?? DEMO_ROLE_MAP,
          DOCKET_ARTIFACT_SANDBOX_URL: sandboxOrigin,
          ...options.appProcess?.env,
        },
        ready: /Ready in|started server on/i,
        quiet: options.quiet,
        logFile: options.logFile,
      },
    );
    stops.push(app.stop);
    return { appUrl, apiBaseUrl, databaseUrl, superuserDatabaseUrl, idpIssuer, sandboxOrigin, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Stops the stack on Ctrl-C or a polite kill, so no PostgreSQL or simulator outlives it. */
export function stopOnSignals(stack: Stack): void {
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void stack.stop().finally(() => process.exit(0));
    });
  }
}
