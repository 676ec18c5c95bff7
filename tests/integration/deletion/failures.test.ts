// What happens to a deletion when things break: the database, the API, the process, a race.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { migrateDeploy } from "@/lib/devtools/migrate";
import { startPostgres } from "@/lib/devtools/postgres";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DeletionTarget } from "@/lib/schemas/deletions";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { createDb } from "@/lib/server/db";
import { approveDeletion, runApprovedDeletion } from "@/lib/server/deletion/decide-deletion";
import { SYSTEM } from "@/lib/server/deletion/deletion-events";
import { toDeletionDto } from "@/lib/server/deletion/deletion-dto";
import { executeDeletion } from "@/lib/server/deletion/execute-deletion";
import { reconcileDeletions } from "@/lib/server/deletion/reconciler";
import { dueQueuedDeletions, REQUEUE_AFTER_MS, runQueuedDeletion } from "@/lib/server/deletion/run-queued-deletion";
import { startDeletionMaintenance } from "@/lib/server/deletion/scheduler";
import { createLegalHold } from "@/lib/server/legal-holds/legal-holds";
import { FULL_KEY, READONLY_KEY } from "@/tests/support/simulator";
import {
  actionsOf,
  auditOf,
  deletesOf,
  depsFor,
  META,
  otherClient,
  requestDeletion,
  setUpDeletionSuite,
  type DeletionTestEnv,
  type TestDeletionDeps,
} from "./deletion-fixtures";

let env: DeletionTestEnv;
let db: PrismaClient;
let url: string;
let deps: TestDeletionDeps;
setUpDeletionSuite((fresh) => ({ env, db, url, deps } = fresh));

const comment = { comment: "Approved." };
const chat = (): DeletionTarget => ({ kind: "chat", id: env.simulator.fixtures.toolsChat });
const deletePath = (target: DeletionTarget) => `/v1/compliance/apps/chats/${target.id}`;

/** The client, with `hook` run once, the first time the executor reads `chatId` (taking its snapshot). */
function onSnapshotRead(client: ComplianceClient, chatId: string, hook: () => Promise<void>): ComplianceClient {
  let armed = true;
  return {
    ...client,
    chats: {
      ...client.chats,
      getMessages: async (...args: Parameters<ComplianceClient["chats"]["getMessages"]>) => {
        const result = await client.chats.getMessages(...args);
        if (armed && args[0] === chatId) {
          armed = false;
          await hook();
        }
        return result;
      },
    },
  } as ComplianceClient;
}

/** A PostgreSQL of the test's own that can be stopped and started again on the same port, with the people in it. */
async function outageDatabase() {
  const dataDir = path.join(tmpdir(), `docket-outage-${randomBytes(6).toString("hex")}`);
  let postgres = await startPostgres({ dataDir, persistent: true });
  const outageUrl = await postgres.createDatabase("outage");
  await migrateDeploy(outageUrl);
  const port = Number(new URL(outageUrl).port);
  let client = createDb(outageUrl);
  for (const person of [env.people.reviewer, env.people.approver]) {
    await client.appUser.create({ data: { id: person.userId, issuer: person.issuer, subject: person.subject, email: person.email, name: person.name } });
  }
  return {
    get db() {
      return client;
    },
    stop: () => postgres.stop(),
    /** Starts it again; a new client, as a restarted server's would be. */
    async restart() {
      postgres = await startPostgres({ dataDir, persistent: true, port });
      await client.$disconnect();
      client = createDb(outageUrl);
    },
    async dispose() {
      await client.$disconnect();
      await postgres.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

describe("the database", () => {
  test("stopped between the approval and the intent: no DELETE is sent; back up, the queued request runs once", async () => {
    const outage = await outageDatabase();
    try {
      const target = chat();
      const queuing = depsFor(env, outage.db, { inlineWorker: false });
      const { row } = await requestDeletion(queuing, env.people.reviewer, target);
      await approveDeletion(queuing, env.people.approver, row.id, comment, META);
      const stopping = depsFor(env, outage.db, { client: onSnapshotRead(env.client, target.id, outage.stop) });

      expect(await runQueuedDeletion(stopping.worker, row.id)).toBe("retry");
      expect(deletesOf(env.simulator, target)).toEqual([]);

      await outage.restart();
      const waiting = await outage.db.deletionRequest.findUniqueOrThrow({ where: { id: row.id } });
      expect(waiting).toMatchObject({ status: "approved", attempts: 0 });
      expect(waiting.executionQueuedAt).not.toBeNull();
      expect(actionsOf(await auditOf(outage.db, target)).slice(-1)).toEqual(["deletion.approved:success"]);
      expect(await outage.db.deletionSnapshot.count()).toBe(0);
      // The worker's sweep queues it again once it has waited a while.
      const later = () => new Date(Date.now() + REQUEUE_AFTER_MS + 1_000);
      expect(await dueQueuedDeletions({ db: outage.db, now: later })).toEqual([row.id]);

      // Two workers take it at once: one runs it, the other finds it taken; one DELETE.
      const [first, second] = [depsFor(env, outage.db), depsFor(env, outage.db)];
      const runs = await Promise.all([runQueuedDeletion(first.worker, row.id), runQueuedDeletion(second.worker, row.id)]);
      expect(runs.sort()).toEqual(["settled", "skipped"]);
      expect(deletesOf(env.simulator, target)).toEqual([200]);
      expect(await outage.db.deletionRequest.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "succeeded", executionError: null });
      expect(await dueQueuedDeletions({ db: outage.db, now: later })).toEqual([]);
      // The reviewer who asked may not run it: that would be deleting alone.
      await expect(runApprovedDeletion(first, env.people.reviewer, row.id, META)).rejects.toMatchObject({ code: "own_request" });
    } finally {
      await outage.dispose();
    }
  });

  test('stopped between the DELETE and its outcome: 503 "outcome unrecorded", never "deleted"; back up, the reconciler records it', async () => {
    const outage = await outageDatabase();
    try {
      const target = chat();
      const { row } = await requestDeletion(depsFor(env, outage.db), env.people.reviewer, target);
      const stoppingAfterDelete = {
        ...env.deleter,
        chats: {
          ...env.deleter.chats,
          delete: async (...args: Parameters<ComplianceClient["chats"]["delete"]>) => {
            const answer = await env.deleter.chats.delete(...args);
            await outage.stop();
            return answer;
          },
        },
      } as ComplianceClient;
      const queuing = depsFor(env, outage.db, { inlineWorker: false });
      await approveDeletion(queuing, env.people.approver, row.id, comment, META);
      const failing = depsFor(env, outage.db, { deleter: stoppingAfterDelete });
      await expect(executeDeletion(failing.worker, SYSTEM, row.id)).rejects.toMatchObject({ code: "outcome_unrecorded", details: { deletionId: row.id } });
      expect(deletesOf(env.simulator, target)).toEqual([200]);

      await outage.restart();
      expect(await outage.db.deletionRequest.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "executing", upstreamRequestId: null });
      // Another worker taking it meanwhile sends no second DELETE.
      expect(await runQueuedDeletion(failing.worker, row.id)).toBe("skipped");
      const report = await reconcileDeletions(depsFor(env, outage.db), { staleExecutingMs: 0 });
      expect(report.settled).toEqual([{ id: row.id, found: "gone", status: "succeeded" }]);
      expect(actionsOf(await auditOf(outage.db, target)).slice(-3)).toEqual([
        "deletion.snapshot:success",
        "deletion.executing:intent",
        "deletion.reconciled:success",
      ]);
    } finally {
      await outage.dispose();
    }
  });
});

describe("the worker killed after the DELETE was sent", () => {
  test("leaves the request executing; the reconciler reads the chat back (404) and settles it as deleted", async () => {
    const target = chat();
    const queuing = depsFor(env, db, { inlineWorker: false });
    const { row } = await requestDeletion(queuing, env.people.reviewer, target);
    expect(await approveDeletion(queuing, env.people.approver, row.id, comment, META)).toMatchObject({ status: "approved" });
    expect(queuing.queued).toEqual([row.id]);
    env.simulator.setFaults([{ match: { method: "DELETE", path: deletePath(target) }, times: 1, fault: { type: "latency", ms: 1500 } }]);
    const script = fileURLToPath(new URL("./support/execute-in-child.ts", import.meta.url));
    const job = { databaseUrl: url, simulatorUrl: env.simulator.url, readKey: READONLY_KEY, deleteKey: FULL_KEY, deletionId: row.id };
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script, JSON.stringify(job)], { stdio: ["ignore", "pipe", "pipe"] });
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once("exit", (code, signal) => resolve(signal ?? code)));
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));

    await expect
      .poll(() => env.simulator.inFlight().some((entry) => entry.method === "DELETE" && entry.path === deletePath(target)), { timeout: 30_000 })
      .toBe(true);
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    expect(output).not.toContain("executed:");

    // The API finishes the DELETE it received; Docket never heard the answer.
    await expect.poll(() => deletesOf(env.simulator, target), { timeout: 30_000 }).toEqual([200]);
    expect(await db.deletionRequest.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "executing", attempts: 1, upstreamRequestId: null });
    expect(actionsOf(await auditOf(db, target)).slice(-2)).toEqual(["deletion.snapshot:success", "deletion.executing:intent"]);

    // A live execution is never read back under its feet: this one is not stale yet.
    expect(await reconcileDeletions(deps)).toEqual({ settled: [], deferred: [] });
    expect(await reconcileDeletions(deps, { staleExecutingMs: 0 })).toEqual({ settled: [{ id: row.id, found: "gone", status: "succeeded" }], deferred: [] });
    const settled = toDeletionDto(
      await db.deletionRequest.findUniqueOrThrow({ where: { id: row.id }, include: { requester: true, decider: true, snapshot: true } }),
      env.people.approver,
    );
    expect(settled).toMatchObject({ status: "succeeded", outcome: { kind: "deleted_reconciled" }, reconciliation: { found: "gone" } });
    const last = (await auditOf(db, target)).at(-1)!;
    expect(last).toMatchObject({
      action: "deletion.reconciled",
      outcome: "success",
      actor_subject: null,
      params: { deletionId: row.id, found: "gone", from: "executing" },
    });
    expect(last.upstream_request_id).toMatch(/^req_/);
    expect(deletesOf(env.simulator, target)).toEqual([200]);
  });
});

describe("the API", () => {
  test("too slow to answer: the outcome is unknown (never reported as deleted), and the reconciler settles it", async () => {
    const target = chat();
    const impatient = depsFor(env, db, { deleter: otherClient(env, { timeouts: { headersMs: 300 } }) });
    const { row } = await requestDeletion(impatient, env.people.reviewer, target);
    env.simulator.setFaults([{ match: { method: "DELETE", path: deletePath(target) }, times: 1, fault: { type: "latency", ms: 1200 } }]);
    const done = toDeletionDto(await approveDeletion(impatient, env.people.approver, row.id, comment, META), env.people.approver);
    expect(done).toMatchObject({ status: "unknown", outcome: { kind: "unknown" }, attempts: 1, upstream: null });
    expect(actionsOf(await auditOf(db, target)).at(-1)).toBe("deletion.unknown:failure");
    await expect.poll(() => deletesOf(env.simulator, target), { timeout: 30_000 }).toEqual([200]);
    expect((await reconcileDeletions(impatient)).settled).toEqual([{ id: row.id, found: "gone", status: "succeeded" }]);
    expect(deletesOf(env.simulator, target)).toEqual([200]);
  });

  test("a 5xx is unknown too, and is not retried; read back, the chat is still there: not deleted", async () => {
    const target = chat();
    const { row } = await requestDeletion(deps, env.people.reviewer, target);
    env.simulator.setFaults([{ match: { method: "DELETE", path: deletePath(target) }, fault: { type: "status", status: 503 } }]);
    const done = toDeletionDto(await approveDeletion(deps, env.people.approver, row.id, comment, META), env.people.approver);
    expect(done).toMatchObject({ status: "unknown", upstream: { httpStatus: 503, type: "overloaded_error" } });
    expect(deletesOf(env.simulator, target)).toEqual([503]);
    env.simulator.setFaults([]);
    expect((await reconcileDeletions(deps)).settled).toEqual([{ id: row.id, found: "present", status: "failed" }]);
    const settled = await db.deletionRequest.findUniqueOrThrow({ where: { id: row.id } });
    expect(settled).toMatchObject({ status: "failed", openTarget: null, outcome: { kind: "not_deleted" } });
    expect(actionsOf(await auditOf(db, target)).at(-1)).toBe("deletion.reconciled:failure");
    expect(deletesOf(env.simulator, target)).toEqual([503]);
  });

  test("an unknown outcome is settled by the worker's own maintenance round, unasked", async () => {
    const target = chat();
    const { row } = await requestDeletion(deps, env.people.reviewer, target);
    env.simulator.setFaults([{ match: { method: "DELETE", path: deletePath(target) }, fault: { type: "status", status: 502 } }]);
    expect((await approveDeletion(deps, env.people.approver, row.id, comment, META)).status).toBe("unknown");
    env.simulator.setFaults([]);
    const stop = startDeletionMaintenance(deps, { requeue: async () => undefined });
    try {
      await expect.poll(async () => (await db.deletionRequest.findUniqueOrThrow({ where: { id: row.id } })).status, { timeout: 30_000 }).toBe("failed");
    } finally {
      stop();
    }
    expect(actionsOf(await auditOf(db, target)).at(-1)).toBe("deletion.reconciled:failure");
  });

  test("a 429 refused the DELETE before it ran: failed, not unknown", async () => {
    const target = chat();
    const { row } = await requestDeletion(deps, env.people.reviewer, target);
    env.simulator.setFaults([{ match: { method: "DELETE", path: deletePath(target) }, fault: { type: "rate_limit", retryAfterSeconds: 1 } }]);
    const done = await approveDeletion(deps, env.people.approver, row.id, comment, META);
    expect(done).toMatchObject({ status: "failed", outcome: { kind: "rate_limited" }, upstreamStatus: 429 });
    expect(deletesOf(env.simulator, target)).toEqual([429]);
  });

  test("unreachable while the reconciler reads back: the request waits for the next round", async () => {
    const target = chat();
    const { row } = await requestDeletion(deps, env.people.reviewer, target);
    env.simulator.setFaults([{ match: { method: "DELETE", path: deletePath(target) }, fault: { type: "status", status: 500 } }]);
    await approveDeletion(deps, env.people.approver, row.id, comment, META);
    env.simulator.setFaults([{ match: { path: `${deletePath(target)}/messages` }, fault: { type: "status", status: 500, shouldRetry: false } }]);
    expect(await reconcileDeletions(deps)).toEqual({ settled: [], deferred: [row.id] });
    expect((await db.deletionRequest.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("unknown");
  });
});

describe("two approvers at once", () => {
  test("one approval wins, the other is told the request changed, and exactly one DELETE reaches the API", async () => {
    const target = chat();
    const { row } = await requestDeletion(deps, env.people.reviewer, target);
    const approvals = await Promise.allSettled([
      approveDeletion(deps, env.people.approver, row.id, { comment: "First." }, META),
      approveDeletion(deps, env.people.approver2, row.id, { comment: "Second." }, META),
    ]);
    expect(approvals.filter((approval) => approval.status === "fulfilled").map((approval) => approval.value.status)).toEqual(["succeeded"]);
    expect(approvals.filter((approval) => approval.status === "rejected").map((approval) => (approval.reason as { code: string }).code)).toEqual([
      "deletion_state",
    ]);
    expect(deletesOf(env.simulator, target)).toEqual([200]);
    expect(actionsOf(await auditOf(db, target)).filter((action) => action.startsWith("deletion.approved"))).toEqual(["deletion.approved:success"]);
  });
});

describe("a legal hold placed between the approval and the execution", () => {
  test("refuses the execution: no DELETE, the request fails for the hold, and the refusal is audited", async () => {
    const target = chat();
    const { row } = await requestDeletion(deps, env.people.reviewer, target);
    let holdId = "";
    const holding = depsFor(env, db, {
      client: onSnapshotRead(env.client, target.id, async () => {
        const hold = await createLegalHold(
          db,
          env.people.admin,
          {
            matterName: "Acme v. Example",
            reason: "Litigation expected",
            startsOn: "2026-11-01",
            scope: { userIds: [], projectIds: [], chatIds: [target.id] },
          },
          META,
          { checkpoints: null },
        );
        holdId = hold.id;
      }),
    });
    const done = toDeletionDto(await approveDeletion(holding, env.people.approver, row.id, comment, META), env.people.approver);
    expect(done).toMatchObject({ status: "failed", attempts: 0, outcome: { kind: "legal_hold", holds: [{ id: holdId, matterName: "Acme v. Example" }] } });
    expect(done.outcome?.message).toContain('"Acme v. Example"');
    expect(deletesOf(env.simulator, target)).toEqual([]);
    expect(await db.deletionSnapshot.count()).toBe(0);
    const blocked = (await auditOf(db, target)).at(-1)!;
    expect(blocked).toMatchObject({ action: "deletion.blocked", outcome: "denied", params: { deletionId: row.id, reason: "legal_hold", step: "execute" } });
  });
});
