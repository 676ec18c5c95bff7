// A model-based test of the deletion state machine (fast-check commands): random interleavings of
// request, approve, reject, cancel, expire, execute (the worker), hold, release and "run again", on
// one chat, against a real PostgreSQL and the simulator. Whatever the order: at most one DELETE ever
// reaches the API, only the worker sends it, only for an approved request, never while a hold covers
// the chat, and never for a request its requester decided alone.
import fc from "fast-check";
import { expect, test } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DeletionTarget } from "@/lib/schemas/deletions";
import { approveDeletion, cancelDeletion, rejectDeletion, runApprovedDeletion } from "@/lib/server/deletion/decide-deletion";
import { expireDueDeletions } from "@/lib/server/deletion/expire-deletions";
import { runQueuedDeletion } from "@/lib/server/deletion/run-queued-deletion";
import { AppError } from "@/lib/server/http/errors";
import { createLegalHold, releaseLegalHold } from "@/lib/server/legal-holds/legal-holds";
import { deletesOf, depsFor, META, requestDeletion, setUpDeletionSuite, type DeletionTestEnv, type TestDeletionDeps } from "./deletion-fixtures";

let env: DeletionTestEnv;
setUpDeletionSuite((fresh) => ({ env } = fresh));

interface World {
  db: PrismaClient;
  deps: TestDeletionDeps;
  target: DeletionTarget;
  clock: { now: Date };
}

/** What the model knows: whether a hold is on, and the DELETEs it allowed. */
interface Model {
  holdId: string | null;
  deletesAllowed: number;
}

/** Refusals a person can meet in any order of events: the step is refused, nothing else happens. */
const EXPECTED_REFUSALS = new Set([
  "deletion_state",
  "deletion_expired",
  "deletion_open",
  "legal_hold",
  "not_found",
  "own_request",
  "forbidden",
  "not_requester",
  "hold_released",
]);

async function refusedOrDone(step: Promise<unknown>): Promise<void> {
  await step.catch((error: unknown) => {
    if (error instanceof AppError && EXPECTED_REFUSALS.has(error.code)) return;
    throw error;
  });
}

const latestOpen = (world: World) =>
  world.db.deletionRequest.findFirst({ where: { openTarget: { not: null } }, orderBy: { createdAt: "desc" }, select: { id: true, status: true } });

/** Runs one step and checks that no DELETE left unless the step was the worker's and the model allowed it. */
abstract class Step implements fc.AsyncCommand<Model, World> {
  abstract readonly label: string;
  check(_model: Readonly<Model>): boolean {
    return true;
  }
  toString(): string {
    return this.label;
  }
  abstract act(model: Model, world: World): Promise<void>;
  async run(model: Model, world: World): Promise<void> {
    const before = deletesOf(env.simulator, world.target).length;
    await this.act(model, world);
    const after = deletesOf(env.simulator, world.target).length;
    expect(after - before, `${this.label} sent ${after - before} DELETE(s)`).toBeLessThanOrEqual(this.mayDelete(model) ? 1 : 0);
    expect(after).toBeLessThanOrEqual(1);
    const rows = await world.db.deletionRequest.findMany({ select: { attempts: true, status: true, requesterId: true, deciderId: true } });
    for (const row of rows) {
      expect(row.attempts).toBeLessThanOrEqual(1);
      if (row.attempts > 0) expect(row.deciderId).not.toBe(row.requesterId);
    }
  }
  mayDelete(_model: Model): boolean {
    return false;
  }
}

class RequestIt extends Step {
  readonly label = "request";
  async act(_model: Model, world: World) {
    await refusedOrDone(requestDeletion(world.deps, env.people.reviewer, world.target));
  }
}

class Approve extends Step {
  constructor(readonly approver: "approver" | "approver2" | "reviewer") {
    super();
  }
  get label() {
    return `approve by ${this.approver}`;
  }
  async act(_model: Model, world: World) {
    const open = await latestOpen(world);
    if (open) await refusedOrDone(approveDeletion(world.deps, env.people[this.approver], open.id, { comment: "Approved." }, META));
  }
}

class Reject extends Step {
  readonly label = "reject";
  async act(_model: Model, world: World) {
    const open = await latestOpen(world);
    if (open) await refusedOrDone(rejectDeletion(world.deps, env.people.approver2, open.id, { comment: "Keep it." }, META));
  }
}

class Cancel extends Step {
  readonly label = "cancel";
  async act(_model: Model, world: World) {
    const open = await latestOpen(world);
    if (open) await refusedOrDone(cancelDeletion(world.deps, env.people.reviewer, open.id, {}, META));
  }
}

class Expire extends Step {
  readonly label = "a day passes (three pass a request's lifetime)";
  async act(_model: Model, world: World) {
    world.clock.now = new Date(world.clock.now.getTime() + 25 * 3_600_000);
    await expireDueDeletions(world.deps);
  }
}

class RunAgain extends Step {
  readonly label = "run again";
  async act(_model: Model, world: World) {
    const open = await latestOpen(world);
    if (open) await refusedOrDone(runApprovedDeletion(world.deps, env.people.approver, open.id, META));
  }
}

class Execute extends Step {
  readonly label = "the worker executes what is queued";
  private allowed = false;
  async act(model: Model, world: World) {
    const queued = await world.db.deletionRequest.findMany({
      where: { status: "approved", executionQueuedAt: { not: null } },
      select: { id: true, expiresAt: true },
    });
    this.allowed = model.holdId === null && queued.some((row) => row.expiresAt > world.clock.now);
    for (const row of queued) await runQueuedDeletion(world.deps.worker, row.id);
  }
  override mayDelete() {
    return this.allowed;
  }
}

class Hold extends Step {
  override check(model: Readonly<Model>) {
    return model.holdId === null;
  }
  readonly label = "hold the chat";
  async act(model: Model, world: World) {
    const hold = await createLegalHold(
      world.db,
      env.people.admin,
      { matterName: "Model", reason: "Model-based test", startsOn: "2026-01-01", scope: { userIds: [], projectIds: [], chatIds: [world.target.id] } },
      META,
      { checkpoints: null, now: world.clock.now },
    );
    model.holdId = hold.id;
  }
}

class Release extends Step {
  override check(model: Readonly<Model>) {
    return model.holdId !== null;
  }
  readonly label = "release the hold";
  async act(model: Model, world: World) {
    await releaseLegalHold(world.db, env.people.admin, model.holdId!, { reason: "Matter closed." }, META, { checkpoints: null });
    model.holdId = null;
  }
}

const approve = fc.constantFrom("approver", "approver2", "reviewer").map((who) => new Approve(who as "approver" | "approver2" | "reviewer"));
/** Requests, approvals and the worker's turns weigh more, so runs often get as far as a DELETE. */
const steps = [
  fc.constant(new RequestIt()),
  fc.constant(new RequestIt()),
  approve,
  approve,
  fc.constant(new Reject()),
  fc.constant(new Cancel()),
  fc.constant(new Expire()),
  fc.constant(new RunAgain()),
  fc.constant(new Execute()),
  fc.constant(new Execute()),
  fc.constant(new Execute()),
  fc.constant(new Hold()),
  fc.constant(new Release()),
];

test("random interleavings never delete twice, unapproved, alone or under a hold", async () => {
  const seen = { deleted: 0, heldAtExecution: 0 };
  await fc.assert(
    fc.asyncProperty(fc.commands(steps, { maxCommands: 24, size: "max" }), async (commands) => {
      env.simulator.reset();
      const { db } = await env.freshDatabase();
      try {
        const clock = { now: new Date() };
        const deps = depsFor(env, db, { inlineWorker: false, now: () => clock.now });
        await deps.worker.capability.refresh();
        const world: World = { db, deps, target: { kind: "chat", id: env.simulator.fixtures.toolsChat }, clock };
        await fc.asyncModelRun(() => ({ model: { holdId: null, deletesAllowed: 0 }, real: world }), commands);
        if (deletesOf(env.simulator, world.target).length > 0) seen.deleted++;
        if ((await db.deletionRequest.count({ where: { outcome: { path: ["kind"], equals: "legal_hold" } } })) > 0) seen.heldAtExecution++;
      } finally {
        await db.$disconnect();
      }
    }),
    { numRuns: 30, seed: 20261207 },
  );
  // The runs reached both ends: deletions that happened, and executions a hold stopped.
  expect(seen.deleted).toBeGreaterThan(0);
  expect(seen.heldAtExecution).toBeGreaterThan(0);
}, 600_000);
