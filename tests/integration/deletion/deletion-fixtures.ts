// A real PostgreSQL (a fresh, migrated database per test, cloned from a template that holds the
// people), the simulator over HTTP, and the deletion verbs wired to both as the app wires them.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { permissionsOf, type Role } from "@/lib/schemas/access";
import type { DeletionTarget } from "@/lib/schemas/deletions";
import type { Actor } from "@/lib/server/auth/session-store";
import type { ComplianceClient, ComplianceClientOptions } from "@/lib/server/compliance/client";
import { reportedCapability } from "@/lib/server/deletion/capability";
import { createDeletion } from "@/lib/server/deletion/create-deletion";
import { createDeleteKeyCapability, type DeleteKeyCapability } from "@/lib/server/deletion/delete-key";
import type { DeletionDeps, DeletionSettings } from "@/lib/server/deletion/deletion-deps";
import type { ExecutionDeps } from "@/lib/server/deletion/execute-deletion";
import { prepareDeletion } from "@/lib/server/deletion/prepare-deletion";
import { runQueuedDeletion } from "@/lib/server/deletion/run-queued-deletion";
import type { RequestMetadata } from "@/lib/server/http/request-metadata";
import { startTestDatabase, type TestDocketDatabase } from "@/tests/support/database";
import { clientFor, READONLY_KEY, startTestSimulator, type RunningSimulator } from "@/tests/support/simulator";

export const META: RequestMetadata = { requestId: "dkt_test", clientIp: "203.0.113.7", userAgent: "vitest" };

export const TOKEN_SECRET = "deletion-tests-secret-of-at-least-32-chars";

const PEOPLE = {
  reviewer: ["reviewer"],
  reviewer2: ["reviewer"],
  approver: ["approver"],
  approver2: ["approver"],
  admin: ["admin"],
} as const satisfies Record<string, Role[]>;

export type Person = keyof typeof PEOPLE;

const TEMPLATE = "deletion_template";

export interface DeletionTestEnv {
  simulator: RunningSimulator;
  /** The read-only key's client: what the web app holds. */
  client: ComplianceClient;
  /** The delete key's client: what only the worker holds. */
  deleter: ComplianceClient;
  people: Record<Person, Actor>;
  /** A fresh database for one test (the people already in it). */
  freshDatabase(): Promise<TestDocketDatabase>;
  postgresUrl: string;
  stop(): Promise<void>;
}

async function startDeletionEnv(): Promise<DeletionTestEnv> {
  const [database, simulator] = await Promise.all([startTestDatabase(), startTestSimulator({ rateLimitPerMinute: 100_000 })]);
  const client = clientFor(simulator, { apiKey: READONLY_KEY });
  const deleter = clientFor(simulator);
  const { db: template } = await database.createDatabase(TEMPLATE);
  const people = {} as Record<Person, Actor>;
  for (const [person, roles] of Object.entries(PEOPLE) as Array<[Person, readonly Role[]]>) {
    const user = await template.appUser.create({ data: { issuer: "https://idp.docket.test", subject: person, email: `${person}@docket.test`, name: person } });
    people[person] = {
      userId: user.id,
      issuer: user.issuer,
      subject: user.subject,
      email: user.email,
      name: user.name,
      roles: [...roles],
      permissions: permissionsOf(roles),
      sessionTokenHash: "0".repeat(64),
      sessionExpiresAt: new Date(Date.now() + 3_600_000),
      authenticatedAt: new Date(),
    };
  }
  await template.$disconnect();
  let count = 0;
  return {
    simulator,
    client,
    deleter,
    people,
    freshDatabase: () => database.cloneDatabase(TEMPLATE, `deletion_${++count}`),
    postgresUrl: database.postgres.url,
    async stop() {
      await Promise.all([client.close(), deleter.close()]);
      await simulator.close();
      await database.stop();
    },
  };
}

export interface DepsOptions {
  settings?: Partial<DeletionSettings>;
  /** The read key's client, for the web app's verbs and the worker's reads. */
  client?: ComplianceClient;
  /** The worker's delete key's client; null: a worker given no delete key. */
  deleter?: ComplianceClient | null;
  deleterKind?: "compliance" | "admin";
  snapshotDir?: string;
  now?: () => Date;
  /** Off: approved requests wait in `queued` for the test to run the worker. */
  inlineWorker?: boolean;
}

/** The web app's dependencies, with the worker beside them in this process. */
export interface TestDeletionDeps extends DeletionDeps {
  worker: ExecutionDeps & { capability: DeleteKeyCapability };
  /** Wake-ups sent to the worker, in order. */
  queued: string[];
}

/** What each test of a deletion suite starts from: the shared environment, and its own database. */
export interface FreshDeletionTest {
  env: DeletionTestEnv;
  db: PrismaClient;
  /** The app's role, as `db` connects. */
  url: string;
  /** For what the app may not do (tampering, checking triggers). */
  superuserUrl: string;
  deps: TestDeletionDeps;
}

/**
 * Registers a suite's hooks: one environment for the file, and before each test the simulator reset
 * and a fresh database, handed to `onFresh`.
 */
export function setUpDeletionSuite(onFresh: (fresh: FreshDeletionTest) => void): void {
  let env: DeletionTestEnv;
  beforeAll(async () => {
    env = await startDeletionEnv();
  });
  afterAll(() => env.stop());
  beforeEach(async () => {
    env.simulator.reset();
    const { db, url, superuserUrl } = await env.freshDatabase();
    onFresh({ env, db, url, superuserUrl, deps: depsFor(env, db) });
  });
}

/**
 * The deletion verbs' dependencies, as appDeletionDeps() and the worker make them, for this test's
 * database: the web side reads the worker's key report; the worker runs each wake-up at once.
 */
export function depsFor(env: DeletionTestEnv, db: PrismaClient, options: DepsOptions = {}): TestDeletionDeps {
  const client = options.client ?? env.client;
  const now = options.now ?? (() => new Date());
  const deleter = options.deleter === undefined ? env.deleter : options.deleter;
  // Checkpoints are the audit tests' concern: these databases are cloned per test, so no checkpoint file could follow them.
  const checkpoints = null;
  const capability = createDeleteKeyCapability(db, { reader: client, deleter, deleterKind: options.deleterKind ?? "compliance" }, "test-worker", {
    now,
    checkpoints,
  });
  const worker = { db, client, deleter, capability, snapshotDir: options.snapshotDir ?? null, now, checkpoints };
  const queued: string[] = [];
  return {
    db,
    client,
    capability: reportedCapability(db, now),
    settings: { approvalsRequired: true, requestTtlHours: 72, tokenSecret: TOKEN_SECRET, ...options.settings },
    now,
    checkpoints,
    worker,
    queued,
    async queueExecution(deletionId) {
      queued.push(deletionId);
      if (options.inlineWorker !== false) await runQueuedDeletion(worker, deletionId);
    },
  };
}

/** Another client for the simulator (a short timeout, another key). */
export function otherClient(env: DeletionTestEnv, overrides: Partial<ComplianceClientOptions>): ComplianceClient {
  return clientFor(env.simulator, overrides);
}

export interface AskOptions {
  idempotencyKey?: string;
  reason?: { code: "erasure_request" | "retention_policy" | "data_leak" | "legal_instruction" | "other"; text?: string };
  reference?: string;
  typed?: string;
}

/** What the dialog does: prepare, then confirm with the id typed by hand. */
export async function requestDeletion(deps: DeletionDeps, actor: Actor, target: DeletionTarget, options: AskOptions = {}) {
  const idempotencyKey = options.idempotencyKey ?? randomUUID();
  const preparation = await prepareDeletion(deps, actor, { target, idempotencyKey }, META);
  const result = await createDeletion(deps, actor, commitBody(target, idempotencyKey, preparation.confirmationToken, options), META);
  return { preparation, ...result };
}

export function commitBody(target: DeletionTarget, idempotencyKey: string, confirmationToken: string, options: AskOptions = {}) {
  return {
    target,
    idempotencyKey,
    confirmationToken,
    typedConfirmation: options.typed ?? target.id,
    reason: options.reason ?? { code: "erasure_request" as const },
    reference: options.reference ?? "TICKET-1",
  };
}

export const DELETE_PATHS: Record<DeletionTarget["kind"], (id: string) => string> = {
  chat: (id) => `/v1/compliance/apps/chats/${id}`,
  file: (id) => `/v1/compliance/apps/chats/files/${id}`,
  project_document: (id) => `/v1/compliance/apps/projects/documents/${id}`,
  project: (id) => `/v1/compliance/apps/projects/${id}`,
  code_artifact: (id) => `/v1/compliance/apps/code/artifacts/${id}`,
};

/** The DELETEs of `target` that reached the simulator (answered), with their statuses. */
export function deletesOf(simulator: RunningSimulator, target: DeletionTarget): number[] {
  const path = DELETE_PATHS[target.kind](target.id);
  return simulator
    .requestLog()
    .filter((entry) => entry.method === "DELETE" && entry.path === path)
    .map((entry) => entry.status);
}

/** Every DELETE that reached the simulator. */
export function allDeletes(simulator: RunningSimulator): string[] {
  return simulator
    .requestLog()
    .filter((entry) => entry.method === "DELETE")
    .map((entry) => entry.path);
}

export type AuditRow = {
  seq: bigint;
  action: string;
  outcome: string;
  actor_subject: string | null;
  params: Record<string, unknown>;
  upstream_request_id: string | null;
};

/** The audit events about one object, in order. */
export async function auditOf(db: PrismaClient, target: DeletionTarget): Promise<AuditRow[]> {
  return db.$queryRaw<AuditRow[]>`
    SELECT seq, action, outcome, actor_subject, params, upstream_request_id FROM audit_event
    WHERE target_type = ${target.kind} AND target_id = ${target.id} ORDER BY seq`;
}

export function actionsOf(rows: AuditRow[]): string[] {
  return rows.map((row) => `${row.action}:${row.outcome}`);
}
