/**
 * The whole console on one machine: PostgreSQL (embedded), migrations, the Compliance API simulator
 * (unless a real API is configured) and the built app. Used by `npm run demo` and the end-to-end tests.
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { migrateDeploy } from "./migrate";
import { startPostgres } from "./postgres";
import { startService, type Service } from "./services";

export const DEMO_ROLE_MAP = "legal-reviewers:reviewer,legal-approvers:approver,audit:auditor,docket-admins:admin";

export interface StackOptions {
  appPort: number;
  appHost: "localhost" | "127.0.0.1";
  simulatorPort: number;
  dataset: "small" | "demo" | "large";
  /** Keep the database between runs (the demo's audit log survives a restart); tests use a throwaway one. */
  databaseDir?: string;
  /** A real Compliance API to use instead of the simulator. */
  externalApi?: { baseUrl: string; apiKey: string };
  simulatorControl: boolean;
  quiet?: boolean;
}

export interface Stack {
  appUrl: string;
  apiBaseUrl: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne().catch((error: unknown) => console.error(error));
  };
  try {
    const postgres = await startPostgres({ dataDir: options.databaseDir, persistent: options.databaseDir !== undefined });
    stops.push(postgres.stop);
    const databaseUrl = await postgres.createDatabase("docket");
    await migrateDeploy(databaseUrl);

    let apiBaseUrl: string;
    let apiKey: string;
    if (options.externalApi) {
      ({ baseUrl: apiBaseUrl, apiKey } = options.externalApi);
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
      });
      stops.push(simulator.stop);
      apiBaseUrl = simulator.match[1]!;
      apiKey = "sk-ant-api01-simulator-full";
    }

    const appUrl = `http://${options.appHost}:${options.appPort}`;
    const app: Service = await startService(
      "app",
      process.execPath,
      [join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(options.appPort), "-H", options.appHost],
      {
        env: {
          ...process.env,
          NODE_ENV: "production",
          COMPLIANCE_API_BASE_URL: apiBaseUrl,
          COMPLIANCE_API_KEY: apiKey,
          DATABASE_URL: databaseUrl,
          NEXTAUTH_URL: appUrl,
          NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
          OIDC_ISSUER: process.env.OIDC_ISSUER ?? "http://127.0.0.1:4011",
          OIDC_CLIENT_ID: process.env.OIDC_CLIENT_ID ?? "docket",
          OIDC_CLIENT_SECRET: process.env.OIDC_CLIENT_SECRET ?? "docket-local-idp-secret",
          DOCKET_ROLE_MAP: process.env.DOCKET_ROLE_MAP ?? DEMO_ROLE_MAP,
        },
        ready: /Ready in|started server on/i,
        quiet: options.quiet,
      },
    );
    stops.push(app.stop);
    return { appUrl, apiBaseUrl, databaseUrl, stop };
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
