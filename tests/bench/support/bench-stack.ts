/**
 * What every benchmark of the built app runs against: the simulator (the `large` dataset, whose 1 GiB
 * file the download benchmark needs, with its controls on and a rate limit no run reaches) and
 * Docket's stack (PostgreSQL, migrations, the built app) pointed at it, plus seeded sessions.
 */
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { startService, type Service } from "@/lib/devtools/services";
import { startStack, type Stack } from "@/lib/devtools/stack";
import { findNextServerPid, freePort } from "./processes";
import { seedSessionCookie } from "./session";

/** What the web app holds: a read-only key (only the worker gets the delete key). */
export const SIMULATOR_API_KEY = "sk-ant-api01-simulator-readonly";
export const SIMULATOR_HEADERS = { "x-api-key": SIMULATOR_API_KEY, "anthropic-version": "2023-06-01" } as const;

/** The ids the benchmarks open, as the simulator's /_simulator/fixtures names them. */
const Fixtures = z.object({
  organizations: z.array(z.object({ uuid: z.string(), kind: z.string() })),
  longChat: z.object({ id: z.string(), messageCount: z.number().int() }),
  toolsChat: z.string(),
  artifactsChat: z.object({ artifacts: z.array(z.object({ type: z.string(), versionIds: z.array(z.string()).min(1) })).min(1) }),
  uploadedFiles: z.record(z.string(), z.string()),
  largestFile: z.object({ id: z.string(), sizeBytes: z.number().int() }),
  userWithManyChats: z.object({ id: z.string() }),
});
export type Fixtures = z.infer<typeof Fixtures>;

/** The organisation the benchmarks review: the first Claude.ai organisation linked to the parent (it has users and chats). */
export function reviewedOrganization(fixtures: Fixtures): string {
  const organization = fixtures.organizations.find((candidate) => candidate.kind === "claude_ai");
  if (!organization) throw new Error("The simulator's fixtures name no Claude.ai organisation.");
  return organization.uuid;
}

export interface BenchStack {
  simulatorUrl: URL;
  simulatorPid: number;
  stack: Stack;
  appPid: number;
  fixtures: Fixtures;
  /** Session cookies: a reviewer, and a user who is both reviewer and auditor (the audit page). */
  cookies: { reviewer: string; reviewerAndAuditor: string };
  stop(): Promise<void>;
}

export function assertBuilt(command: string): void {
  if (!existsSync(join(".next", "BUILD_ID"))) {
    console.error(`${command} measures the built app and builds nothing itself: run \`npx next build\` first.`);
    process.exit(1);
  }
}

export async function startBenchStack(): Promise<BenchStack> {
  const services: Array<Pick<Service, "stop">> = [];
  const stop = async () => {
    for (const service of services.reverse()) await service.stop().catch((error: unknown) => console.error(error));
  };
  try {
    console.log("Starting the simulator (large dataset: its 1 GiB file's MD5 is computed at start)…");
    const simulator = await startService("simulator", process.execPath, ["--import", "tsx", join("lib", "simulator", "main.ts")], {
      env: { ...process.env, SIMULATOR_PORT: "0", SIMULATOR_DATASET: "large", SIMULATOR_CONTROL: "1", SIMULATOR_RATE_LIMIT: "1000000000" },
      ready: /listening on (http:\/\/\S+)/,
      quiet: true,
    });
    services.push(simulator);
    const simulatorUrl = new URL(simulator.match[1]!);
    console.log("Starting Docket (PostgreSQL, migrations, the built app)…");
    const stack = await startStack({
      appPort: await freePort(),
      appHost: "127.0.0.1",
      simulatorPort: 0,
      dataset: "large",
      externalApi: { baseUrl: simulatorUrl.origin, apiKey: SIMULATOR_API_KEY, deleteKey: "sk-ant-api01-simulator-full" },
      idpPort: 0,
      sandboxPort: 0,
      auditCheckpointFile: join(await mkdtemp(join(tmpdir(), "docket-bench-audit-")), "checkpoint.json"),
      evidenceDir: await mkdtemp(join(tmpdir(), "docket-bench-evidence-")),
      idpTestUsers: false,
      simulatorControl: false,
      quiet: true,
    });
    services.push(stack);
    const fixtures = Fixtures.parse(await (await fetch(new URL("/_simulator/fixtures", simulatorUrl))).json());
    return {
      simulatorUrl,
      simulatorPid: simulator.process.pid!,
      stack,
      appPid: await findNextServerPid(),
      fixtures,
      cookies: {
        reviewer: await seedSessionCookie(stack.databaseUrl, stack.idpIssuer, ["legal-reviewers"]),
        reviewerAndAuditor: await seedSessionCookie(stack.databaseUrl, stack.idpIssuer, ["legal-reviewers", "audit"]),
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
