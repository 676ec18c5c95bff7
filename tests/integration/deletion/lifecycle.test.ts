import { createHash, randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DeletionPreparation, DeletionRequestDetail, DeletionRequestDto, type DeletionTarget } from "@/lib/schemas/deletions";
import { signConfirmationToken } from "@/lib/server/deletion/confirmation-token";
import { createDeletion } from "@/lib/server/deletion/create-deletion";
import { approveDeletion, cancelDeletion, rejectDeletion } from "@/lib/server/deletion/decide-deletion";
import { toDeletionDto } from "@/lib/server/deletion/deletion-dto";
import { loadDeletion } from "@/lib/server/deletion/execute-deletion";
import { expireDueDeletions } from "@/lib/server/deletion/expire-deletions";
import { getDeletionDetail, listDeletions } from "@/lib/server/deletion/list-deletions";
import { prepareDeletion } from "@/lib/server/deletion/prepare-deletion";
import { runQueuedDeletion } from "@/lib/server/deletion/run-queued-deletion";
import { superuserQuery } from "@/tests/support/database";
import { ABSENT } from "@/tests/support/simulator-ids";
import {
  actionsOf,
  auditOf,
  commitBody,
  deletesOf,
  depsFor,
  META,
  requestDeletion,
  TOKEN_SECRET,
  type DeletionTestEnv,
  setUpDeletionSuite,
  type TestDeletionDeps,
} from "./deletion-fixtures";

let env: DeletionTestEnv;
let db: PrismaClient;
let superuserUrl: string;
let deps: TestDeletionDeps;
setUpDeletionSuite((fresh) => ({ env, db, superuserUrl, deps } = fresh));

const chat = (): DeletionTarget => ({ kind: "chat", id: env.simulator.fixtures.toolsChat });
const comment = { comment: "Checked against the erasure request." };

describe("with approvals on", () => {
  test("a reviewer's request waits for another person; the approval queues it, the worker executes it once, and every step is audited", async () => {
    const { reviewer, approver } = env.people;
    const target = chat();
    const deps = depsFor(env, db, { inlineWorker: false });
    const { preparation, row, created } = await requestDeletion(deps, reviewer, target, { reference: "DSAR-2026-114" });
    expect(DeletionPreparation.parse(preparation)).toEqual(preparation);
    expect(preparation.summary).toMatchObject({ kind: "chat", softDeleted: false });
    expect(preparation.summary.kind === "chat" && preparation.summary.messageCount).toBeGreaterThan(0);
    expect(preparation.approvalsRequired).toBe(true);
    expect(created).toBe(true);
    expect(row).toMatchObject({ status: "requested", requesterId: reviewer.userId, reference: "DSAR-2026-114", attempts: 0 });
    expect(toDeletionDto(row, reviewer).allowedActions).toEqual(["cancel"]);
    expect(toDeletionDto(row, approver).allowedActions).toEqual(["approve", "reject"]);
    expect(deletesOf(env.simulator, target)).toEqual([]);

    const approved = toDeletionDto(await approveDeletion(deps, approver, row.id, comment, META), approver);
    expect(approved).toMatchObject({ status: "approved", attempts: 0, executionError: null, allowedActions: [] });
    expect(approved.executionQueuedAt).not.toBeNull();
    // The web app sent no DELETE: it holds no delete key. It woke the worker.
    expect(deletesOf(env.simulator, target)).toEqual([]);
    expect(deps.queued).toEqual([row.id]);

    expect(await runQueuedDeletion(deps.worker, row.id)).toBe("settled");
    expect(await runQueuedDeletion(deps.worker, row.id)).toBe("skipped");
    const dto = toDeletionDto(await loadDeletion(deps, row.id), approver);
    expect(DeletionRequestDto.parse(dto)).toEqual(dto);
    expect(dto).toMatchObject({
      status: "succeeded",
      attempts: 1,
      decidedBy: { email: "approver@docket.test" },
      decisionComment: comment.comment,
      outcome: { kind: "deleted" },
      upstream: { httpStatus: 200, type: "claude_chat_deleted" },
      allowedActions: [],
    });
    expect(dto.upstream?.requestId).toMatch(/^req_/);
    expect(deletesOf(env.simulator, target)).toEqual([200]);

    const audit = await auditOf(db, target);
    expect(actionsOf(audit)).toEqual([
      "deletion.prepared:success",
      "deletion.requested:success",
      "deletion.approved:success",
      "deletion.snapshot:success",
      "deletion.executing:intent",
      "deletion.succeeded:success",
    ]);
    expect(audit.at(-1)?.upstream_request_id).toBe(dto.upstream?.requestId);
    // The intent was committed before the DELETE was answered (the DELETE's request-id is only in the outcome).
    expect(audit.find((event) => event.action === "deletion.executing")?.upstream_request_id).toBeNull();

    const detail = await getDeletionDetail(deps, reviewer, row.id);
    expect(DeletionRequestDetail.parse(detail)).toEqual(detail);
    expect(detail.history.map((entry) => entry.action)).toEqual([
      "deletion.requested",
      "deletion.approved",
      "deletion.snapshot",
      "deletion.executing",
      "deletion.succeeded",
    ]);
    // The person approved; Docket's worker executed.
    expect(detail.history.map((entry) => entry.actorEmail)).toEqual(["reviewer@docket.test", "approver@docket.test", null, null, null]);
  });

  test("the snapshot keeps the chat's metadata and messages, hashed, and the hash is in the audit log", async () => {
    const target: DeletionTarget = { kind: "chat", id: env.simulator.fixtures.filesChat };
    const { row } = await requestDeletion(deps, env.people.reviewer, target);
    const done = await approveDeletion(deps, env.people.approver, row.id, comment, META);
    const snapshot = await db.deletionSnapshot.findUniqueOrThrow({ where: { deletionRequestId: row.id } });
    expect(createHash("sha256").update(snapshot.content, "utf8").digest("hex")).toBe(snapshot.sha256);
    const content = JSON.parse(snapshot.content) as {
      records: { chat: { id: string }; messages: unknown[] };
      files: Array<{ id: string; md5: string | null }>;
    };
    expect(content.records.chat.id).toBe(target.id);
    expect(content.records.messages).toHaveLength(snapshot.messageCount);
    expect(content.files.length).toBeGreaterThan(0);
    expect(content.files.every((file) => /^[0-9a-f]{32}$/.test(file.md5 ?? ""))).toBe(true);
    expect(toDeletionDto(done, env.people.approver).snapshot).toMatchObject({ sha256: snapshot.sha256, fileCount: content.files.length, storedFileCount: 0 });
    const audit = await auditOf(db, target);
    expect(audit.find((event) => event.action === "deletion.snapshot")?.params).toMatchObject({ sha256: snapshot.sha256 });
    // Evidence is never rewritten.
    await expect(superuserQuery(superuserUrl, "UPDATE deletion_snapshot SET content = '{}'")).rejects.toThrow(/deletion_snapshot: UPDATE refused/);
    await expect(superuserQuery(superuserUrl, "DELETE FROM deletion_request")).rejects.toThrow(/deletion_request: DELETE refused/);
  });

  test("with DOCKET_DELETE_SNAPSHOT_DIR, a file's bytes are kept under their SHA-256 before it is deleted", async () => {
    const directory = await mkdtemp(path.join(tmpdir(), "docket-snapshots-"));
    try {
      const keeping = depsFor(env, db, { snapshotDir: directory });
      const target: DeletionTarget = { kind: "file", id: env.simulator.fixtures.uploadedFiles.csv! };
      const bytes = await (async () => {
        const download = await env.client.files.download(target.id);
        const chunks: Buffer[] = [];
        for await (const chunk of download.body) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks);
      })();
      const { row } = await requestDeletion(keeping, env.people.reviewer, target);
      const done = await approveDeletion(keeping, env.people.approver, row.id, comment, META);
      expect(done.status).toBe("succeeded");
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      expect(await readFile(path.join(directory, sha256))).toEqual(bytes);
      const snapshot = await db.deletionSnapshot.findUniqueOrThrow({ where: { deletionRequestId: row.id } });
      expect(snapshot.storedFileCount).toBe(1);
      const kept = (JSON.parse(snapshot.content) as { keptFiles: Array<Record<string, unknown>> }).keptFiles;
      expect(kept).toEqual([expect.objectContaining({ fileId: target.id, sha256, bytes: bytes.length, md5MatchesRecorded: true, md5MatchesServed: true })]);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  test("a requester approving or rejecting their own request is refused, audited, and nothing is sent", async () => {
    const approver = env.people.approver;
    const target = chat();
    const { row } = await requestDeletion(deps, approver, target);
    await expect(approveDeletion(deps, approver, row.id, comment, META)).rejects.toMatchObject({ code: "own_request" });
    await expect(rejectDeletion(deps, approver, row.id, comment, META)).rejects.toMatchObject({ code: "own_request" });
    expect(deletesOf(env.simulator, target)).toEqual([]);
    expect((await db.deletionRequest.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("requested");
    expect(actionsOf(await auditOf(db, target)).slice(-2)).toEqual(["deletion.approved:denied", "deletion.rejected:denied"]);
    expect(toDeletionDto(row, approver).allowedActions).toEqual(["cancel"]);
  });

  test("a reviewer without the approver role cannot approve", async () => {
    const { row } = await requestDeletion(deps, env.people.reviewer, chat());
    await expect(approveDeletion(deps, env.people.reviewer2, row.id, comment, META)).rejects.toMatchObject({ code: "forbidden" });
  });

  test("a rejection ends the request with the approver's comment; nothing is sent, and the object may be requested again", async () => {
    const target = chat();
    const { row } = await requestDeletion(deps, env.people.reviewer, target);
    const rejected = await rejectDeletion(deps, env.people.approver, row.id, { comment: "No legal basis yet." }, META);
    expect(rejected).toMatchObject({ status: "rejected", decisionComment: "No legal basis yet.", openTarget: null });
    await expect(approveDeletion(deps, env.people.approver2, row.id, comment, META)).rejects.toMatchObject({ code: "deletion_state" });
    expect(deletesOf(env.simulator, target)).toEqual([]);
    const again = await requestDeletion(deps, env.people.reviewer, target);
    expect(again.row.status).toBe("requested");
  });

  test("only the requester may cancel, and only while it is requested", async () => {
    const target = chat();
    const { row } = await requestDeletion(deps, env.people.reviewer, target);
    await expect(cancelDeletion(deps, env.people.reviewer2, row.id, {}, META)).rejects.toMatchObject({ code: "not_requester" });
    const cancelled = await cancelDeletion(deps, env.people.reviewer, row.id, { comment: "Opened by mistake." }, META);
    expect(cancelled.status).toBe("cancelled");
    await expect(cancelDeletion(deps, env.people.reviewer, row.id, {}, META)).rejects.toMatchObject({ code: "deletion_state" });
    expect(actionsOf(await auditOf(db, target)).at(-1)).toBe("deletion.cancelled:success");
  });

  test("one open request per object: a second person's request is refused while the first is open", async () => {
    const target = chat();
    const { row } = await requestDeletion(deps, env.people.reviewer, target);
    await expect(requestDeletion(deps, env.people.reviewer2, target)).rejects.toMatchObject({ code: "deletion_open", details: { deletionId: row.id } });
  });

  test("a request not executed in time expires: approving it is refused, and the sweep expires the others", async () => {
    let now = new Date("2026-11-20T10:00:00Z");
    const clocked = depsFor(env, db, { now: () => now, settings: { requestTtlHours: 2 } });
    const first = await requestDeletion(clocked, env.people.reviewer, chat());
    const second = await requestDeletion(clocked, env.people.reviewer, { kind: "chat", id: env.simulator.fixtures.filesChat });
    expect(first.row.expiresAt.toISOString()).toBe("2026-11-20T12:00:00.000Z");
    now = new Date("2026-11-20T12:00:01Z");
    await expect(approveDeletion(clocked, env.people.approver, first.row.id, comment, META)).rejects.toMatchObject({ code: "deletion_expired" });
    expect(await expireDueDeletions(clocked)).toBe(1);
    for (const { row } of [first, second]) {
      expect(await db.deletionRequest.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "expired", openTarget: null });
    }
    expect(actionsOf(await auditOf(db, chat())).at(-1)).toBe("deletion.expired:success");
    expect(env.simulator.requestLog().filter((entry) => entry.method === "DELETE")).toEqual([]);
  });

  test("the queue shows approvers every request and a reviewer their own; detail is refused to others", async () => {
    const mine = await requestDeletion(deps, env.people.reviewer, chat());
    const theirs = await requestDeletion(deps, env.people.reviewer2, { kind: "chat", id: env.simulator.fixtures.filesChat });
    const forApprover = await listDeletions(deps, env.people.approver, { status: "requested" });
    expect(forApprover.requests.map((request) => request.id)).toEqual([theirs.row.id, mine.row.id]);
    expect((await listDeletions(deps, env.people.reviewer, {})).requests.map((request) => request.id)).toEqual([mine.row.id]);
    expect((await listDeletions(deps, env.people.approver, { mine: "1" })).requests).toEqual([]);
    const firstPage = await listDeletions(deps, env.people.approver, { limit: 1 });
    expect(firstPage.requests.map((request) => request.id)).toEqual([theirs.row.id]);
    const secondPage = await listDeletions(deps, env.people.approver, { limit: 1, cursor: firstPage.nextCursor! });
    expect(secondPage).toMatchObject({ requests: [{ id: mine.row.id }], nextCursor: null });
    await expect(getDeletionDetail(deps, env.people.reviewer, theirs.row.id)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("four eyes, held by the database whatever the app writes", () => {
  test("a request that needs an approval cannot be approved or run by its requester, nor lose the need", async () => {
    const { reviewer } = env.people;
    const { row } = await requestDeletion(deps, reviewer, chat(), { reference: "DSAR-2026-4EYES" });
    const decidedBySelf = { deciderId: reviewer.userId, decidedAt: new Date(), decisionComment: "my own", updatedAt: new Date() };
    // As the app's own role, straight past the verbs' checks.
    await expect(db.deletionRequest.update({ where: { id: row.id }, data: { status: "approved", ...decidedBySelf } })).rejects.toThrow(
      /deletion_request_four_eyes/,
    );
    await expect(
      db.deletionRequest.update({ where: { id: row.id }, data: { status: "executing", attempts: 1, executionStartedAt: new Date(), ...decidedBySelf } }),
    ).rejects.toThrow(/deletion_request_four_eyes/);
    await expect(db.deletionRequest.update({ where: { id: row.id }, data: { approvalsRequired: false } })).rejects.toThrow(
      /requester and whether it needs an approval are fixed/,
    );
    await expect(db.deletionRequest.update({ where: { id: row.id }, data: { requesterId: env.people.approver.userId } })).rejects.toThrow(/are fixed/);
    expect(await db.deletionRequest.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "requested",
      deciderId: null,
      approvalsRequired: true,
    });
    expect(deletesOf(env.simulator, { kind: "chat", id: row.targetId })).toEqual([]);
  });
});

describe("with approvals off (DOCKET_DELETE_APPROVALS=0)", () => {
  test("the requester's confirmation executes at once, recorded as their own approval", async () => {
    const solo = depsFor(env, db, { settings: { approvalsRequired: false } });
    const target: DeletionTarget = { kind: "project_document", id: env.simulator.fixtures.projectDocument };
    const { preparation, row, created } = await requestDeletion(solo, env.people.reviewer, target);
    expect(preparation.approvalsRequired).toBe(false);
    expect(created).toBe(true);
    expect(row).toMatchObject({ status: "succeeded", deciderId: env.people.reviewer.userId, approvalsRequired: false });
    expect(deletesOf(env.simulator, target)).toEqual([200]);
    const audit = await auditOf(db, target);
    expect(audit.find((event) => event.action === "deletion.approved")?.params).toMatchObject({ automatic: true });
  });
});

describe("a Claude Code artifact", () => {
  test("is described from the listing, approved by another person, deleted once, and no longer listed: asking again is a 404", async () => {
    const { reviewer, approver } = env.people;
    const artifactId = env.simulator.fixtures.codeArtifact.id;
    const listed = (await env.client.codeArtifacts.list({ limit: 100 })).data.data.find((artifact) => artifact.id === artifactId)!;
    const target: DeletionTarget = { kind: "code_artifact", id: artifactId };
    const deps = depsFor(env, db, { inlineWorker: false });
    const { preparation, row } = await requestDeletion(deps, reviewer, target);
    expect(DeletionPreparation.parse(preparation)).toEqual(preparation);
    expect(preparation.target).toMatchObject({ kind: "code_artifact", organizationUuid: listed.organization_uuid });
    expect(preparation.summary).toEqual({
      kind: "code_artifact",
      versions: listed.versions.map((version) => ({ id: version.id, name: version.name, createdAt: version.created_at })),
      readMode: listed.read_mode,
      ownerEmail: listed.user?.email_address ?? null,
    });
    await approveDeletion(deps, approver, row.id, comment, META);
    expect(await runQueuedDeletion(deps.worker, row.id)).toBe("settled");
    expect(toDeletionDto(await loadDeletion(deps, row.id), approver)).toMatchObject({
      status: "succeeded",
      upstream: { httpStatus: 200, type: "code_artifact_deleted" },
    });
    expect(deletesOf(env.simulator, target)).toEqual([200]);
    const after = await env.client.codeArtifacts.list({ limit: 100 });
    expect(after.data.data.map((artifact) => artifact.id)).not.toContain(artifactId);
    await expect(prepareDeletion(deps, reviewer, { target, idempotencyKey: randomUUID() }, META)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the confirmation (prepare, then commit)", () => {
  test("a double click (the same key and ask) makes one request and at most one DELETE", async () => {
    const solo = depsFor(env, db, { settings: { approvalsRequired: false } });
    const target = chat();
    const idempotencyKey = randomUUID();
    const { confirmationToken } = await prepareDeletion(solo, env.people.reviewer, { target, idempotencyKey }, META);
    const body = commitBody(target, idempotencyKey, confirmationToken);
    const answers = await Promise.all(Array.from({ length: 5 }, () => createDeletion(solo, env.people.reviewer, body, META)));
    expect(new Set(answers.map((answer) => answer.row.id)).size).toBe(1);
    expect(answers.filter((answer) => answer.created)).toHaveLength(1);
    expect(await db.deletionRequest.count()).toBe(1);
    expect(deletesOf(env.simulator, target)).toEqual([200]);
    // Later, the same click again (even once the token has expired) replays the stored request.
    const later = depsFor(env, db, { settings: { approvalsRequired: false }, now: () => new Date(Date.now() + 3_600_000) });
    const replay = await createDeletion(later, env.people.reviewer, body, META);
    expect(replay).toMatchObject({ created: false, row: { id: answers[0]!.row.id, status: "succeeded" } });
    expect(deletesOf(env.simulator, target)).toEqual([200]);
  });

  test("the same key with a different ask is refused (422)", async () => {
    const target = chat();
    const idempotencyKey = randomUUID();
    const { row } = await requestDeletion(deps, env.people.reviewer, target, { idempotencyKey });
    const token = signConfirmationToken(TOKEN_SECRET, { userId: env.people.reviewer.userId, target, idempotencyKey }, new Date()).token;
    await expect(createDeletion(deps, env.people.reviewer, commitBody(target, idempotencyKey, token, { reference: "OTHER-9" }), META)).rejects.toMatchObject({
      code: "idempotency_conflict",
    });
    expect(await db.deletionRequest.findMany({ select: { id: true } })).toEqual([{ id: row.id }]);
  });

  test("a commit is refused without a token from prepare, with one for another object, person or key, expired, or with the wrong name", async () => {
    const target = chat();
    const other: DeletionTarget = { kind: "chat", id: env.simulator.fixtures.filesChat };
    const key = randomUUID();
    const reviewer = env.people.reviewer;
    const { confirmationToken } = await prepareDeletion(deps, reviewer, { target, idempotencyKey: key }, META);
    const attempts: Array<[string, Parameters<typeof createDeletion>[2], Parameters<typeof createDeletion>[1]?, TestDeletionDeps?]> = [
      ["no token", commitBody(target, key, "")],
      ["a forged token", commitBody(target, key, `${confirmationToken.split(".")[0]}.AAAA`)],
      ["another object", commitBody(other, key, confirmationToken)],
      ["another key", commitBody(target, randomUUID(), confirmationToken)],
      ["another person", commitBody(target, key, confirmationToken), env.people.reviewer2],
      ["an expired token", commitBody(target, key, confirmationToken), reviewer, depsFor(env, db, { now: () => new Date(Date.now() + 6 * 60_000) })],
    ];
    for (const [what, body, actor = reviewer, using = deps] of attempts) {
      await expect(createDeletion(using, actor, body, META), what).rejects.toMatchObject({ code: "confirmation_invalid" });
    }
    for (const typed of ["", "Tools chat", target.id.toUpperCase(), other.id]) {
      await expect(createDeletion(deps, reviewer, commitBody(target, key, confirmationToken, { typed }), META), typed).rejects.toMatchObject({
        code: "confirmation_mismatch",
      });
    }
    expect(await db.deletionRequest.count()).toBe(0);
    // The object's name, typed exactly, is accepted as well as its id.
    const preparation = await prepareDeletion(deps, reviewer, { target, idempotencyKey: key }, META);
    const name = preparation.target.name;
    expect(preparation.acceptedConfirmations).toEqual([name, target.id]);
    const { row } = await createDeletion(deps, reviewer, commitBody(target, key, confirmationToken, { typed: name }), META);
    expect(row.targetName).toBe(name);
  });

  test("reasons come from the fixed list; other needs its text", async () => {
    const { row } = await requestDeletion(deps, env.people.reviewer, chat(), { reason: { code: "other", text: "Court order 12/2026" } });
    expect(row).toMatchObject({ reasonCode: "other", reasonText: "Court order 12/2026" });
    expect(toDeletionDto(row, env.people.reviewer).reason).toEqual({ code: "other", text: "Court order 12/2026" });
  });
});

describe("a project that still has chats", () => {
  test("prepare lists the chats; the DELETE's 409 fails the request with them, so the UI can offer to delete them first", async () => {
    const target: DeletionTarget = { kind: "project", id: env.simulator.fixtures.projectWithChats };
    const { preparation, row } = await requestDeletion(deps, env.people.reviewer, target);
    expect(preparation.summary.kind).toBe("project");
    if (preparation.summary.kind !== "project") return;
    expect(preparation.summary.hasChats).toBe(true);
    expect(preparation.summary.chats.length).toBeGreaterThan(0);
    expect(preparation.summary.chats.length).toBe(preparation.summary.chatsCount);
    const done = toDeletionDto(await approveDeletion(deps, env.people.approver, row.id, comment, META), env.people.approver);
    expect(done).toMatchObject({ status: "failed", upstream: { httpStatus: 409, type: "conflict_error" }, outcome: { kind: "project_has_chats" } });
    const count = preparation.summary.chatsCount;
    expect(done.outcome?.message).toBe(
      `The project still has ${count} chat${count === 1 ? "" : "s"}: delete ${count === 1 ? "it" : "them"} first, then the project.`,
    );
    expect(done.outcome?.attachedChats?.map((attached) => attached.id).sort()).toEqual(preparation.summary.chats.map((attached) => attached.id).sort());
    expect(deletesOf(env.simulator, target)).toEqual([409]);
    expect(actionsOf(await auditOf(db, target)).at(-1)).toBe("deletion.failed:failure");

    // Deleting the chats first, then the project, succeeds.
    const solo = depsFor(env, db, { settings: { approvalsRequired: false } });
    for (const attached of done.outcome?.attachedChats ?? []) {
      expect((await requestDeletion(solo, env.people.reviewer, { kind: "chat", id: attached.id })).row.status).toBe("succeeded");
    }
    expect((await requestDeletion(solo, env.people.reviewer, target)).row.status).toBe("succeeded");
    expect(deletesOf(env.simulator, target)).toEqual([409, 200]);
  });

  test("an empty project is deleted with its documents and files", async () => {
    const target: DeletionTarget = { kind: "project", id: env.simulator.fixtures.projectWithoutChats };
    const { preparation, row } = await requestDeletion(deps, env.people.reviewer, target);
    expect(preparation.summary).toMatchObject({ kind: "project", hasChats: false, chatsCount: 0 });
    if (preparation.summary.kind === "project") expect(preparation.summary.documents.length + preparation.summary.files.length).toBeGreaterThan(0);
    expect((await approveDeletion(deps, env.people.approver, row.id, comment, META)).status).toBe("succeeded");
  });
});

describe("a file", () => {
  test("in no chat is a project file, deleted only with its project named (so the project's holds are checked)", async () => {
    const attachments = (await env.client.projects.listAttachments(env.simulator.fixtures.projectWithoutChats)).data.data;
    const projectFile = attachments.find((attachment) => attachment.type === "project_file")!;
    await expect(
      prepareDeletion(deps, env.people.reviewer, { target: { kind: "file", id: projectFile.id }, idempotencyKey: randomUUID() }, META),
    ).rejects.toMatchObject({
      code: "invalid_request",
    });
    await expect(
      prepareDeletion(
        deps,
        env.people.reviewer,
        { target: { kind: "file", id: projectFile.id, projectId: env.simulator.fixtures.projectWithChats }, idempotencyKey: randomUUID() },
        META,
      ),
    ).rejects.toMatchObject({ code: "invalid_request" });
    const target: DeletionTarget = { kind: "file", id: projectFile.id, projectId: env.simulator.fixtures.projectWithoutChats };
    const { preparation, row } = await requestDeletion(deps, env.people.reviewer, target);
    expect(preparation.summary).toMatchObject({ kind: "file", chatIds: [], projectId: env.simulator.fixtures.projectWithoutChats });
    expect(row.holdKeys).toEqual([`project:${env.simulator.fixtures.projectWithoutChats}`]);
  });

  test("that does not exist is refused before anything is recorded", async () => {
    await expect(
      prepareDeletion(deps, env.people.reviewer, { target: { kind: "chat", id: ABSENT.chat }, idempotencyKey: randomUUID() }, META),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      prepareDeletion(deps, env.people.reviewer, { target: { kind: "chat", id: "claude_proj_x/../y" }, idempotencyKey: randomUUID() }, META),
    ).rejects.toMatchObject({
      code: "invalid_request",
    });
  });
});
