// The collection engine's real parts for a test: a PostgreSQL database, the simulator over HTTP, and
// workers as processes of their own (`npm run worker`'s command), which a test may kill at any moment.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type PgBoss from "pg-boss";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { buildWorker, workerCommand } from "@/lib/devtools/worker-build";
import type { CreateCollectionBody } from "@/lib/schemas/collections";
import type { Actor } from "@/lib/server/auth/session-store";
import { createCollection } from "@/lib/server/collections/collections";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { queueCollection } from "@/lib/server/jobs/collection-queue";
import { startJobQueue } from "@/lib/server/jobs/job-queue";
import { permissionsOf } from "@/lib/schemas/access";
import { FULL_KEY } from "@/tests/support/simulator";

const REPOSITORY = path.resolve(import.meta.dirname, "../../..");

export interface WorkerProcess {
  process: ChildProcessWithoutNullStreams;
  output: () => string;
  /** Ends the worker the hard way: no cleanup, no graceful stop. */
  kill: () => Promise<void>;
  stop: () => Promise<void>;
}

/** Built once a test file, as `npm run worker` builds it once a start. */
let workerBuilt: Promise<string> | undefined;

/** Starts `npm run worker`'s command with the given environment; resolves once it says it is running. */
export async function startWorker(env: Record<string, string>): Promise<WorkerProcess> {
  await (workerBuilt ??= buildWorker());
  const command = await workerCommand();
  const child = spawn(process.execPath, command.args, {
    cwd: REPOSITORY,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", ...command.env, ...env },
    stdio: "pipe",
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (/Docket worker \S+ running/.test(output)) resolve();
    };
    child.stdout.on("data", check);
    child.once("exit", (code) => reject(new Error(`the worker exited (${code}) before it ran:\n${output}`)));
  });
  return {
    process: child,
    output: () => output,
    kill: async () => {
      child.kill("SIGKILL");
      await exited;
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}

export function workerEnvironment(databaseUrl: string, simulatorUrl: string, evidenceDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    COMPLIANCE_API_BASE_URL: simulatorUrl,
    COMPLIANCE_API_KEY: FULL_KEY,
    DOCKET_EVIDENCE_DIR: evidenceDir,
    DOCKET_WORKER_LEASE_SECONDS: "3",
    ...extra,
  };
}

export async function temporaryDirectory(prefix: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const directory = await mkdtemp(path.join(tmpdir(), prefix));
  return { path: directory, remove: () => rm(directory, { recursive: true, force: true }) };
}

/** A reviewer who exists in the database, as the route wrapper hands one to the verbs. */
export async function seedReviewer(db: PrismaClient, subject: string): Promise<Actor> {
  const user = await db.appUser.create({ data: { issuer: "https://idp.docket.test", subject, email: `${subject}@docket.test`, name: subject } });
  return {
    userId: user.id,
    issuer: user.issuer,
    subject,
    email: user.email,
    name: user.name,
    roles: ["reviewer"],
    permissions: permissionsOf(["reviewer"]),
    sessionTokenHash: "0".repeat(64),
    sessionExpiresAt: new Date(Date.now() + 3_600_000),
    authenticatedAt: new Date(),
  };
}

export const REQUEST_METADATA = { requestId: "dkt_collection_test", clientIp: "203.0.113.9", userAgent: "vitest" };

/** Creates a collection as the route does, queueing it through pg-boss like the web app. */
export async function createTestCollection(client: ComplianceClient, db: PrismaClient, boss: PgBoss, actor: Actor, body: CreateCollectionBody) {
  return createCollection(client, db, (id) => queueCollection(boss, id), actor, body, REQUEST_METADATA, { checkpoints: null });
}

export { startJobQueue };
