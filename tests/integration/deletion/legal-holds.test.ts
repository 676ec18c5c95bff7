// Legal holds: placed and released on record, and what each kind of hold covers.
import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DeletionTarget } from "@/lib/schemas/deletions";
import { CreateLegalHoldBody, LegalHoldDto, type HoldScope } from "@/lib/schemas/legal-holds";
import { listProjectChats } from "@/lib/server/console/list-project-chats";
import { createDeletion } from "@/lib/server/deletion/create-deletion";
import type { DeletionDeps } from "@/lib/server/deletion/deletion-deps";
import { prepareDeletion } from "@/lib/server/deletion/prepare-deletion";
import { createLegalHold, getLegalHold, listLegalHolds, releaseLegalHold } from "@/lib/server/legal-holds/legal-holds";
import { superuserQuery } from "@/tests/support/database";
import { actionsOf, auditOf, commitBody, deletesOf, depsFor, META, requestDeletion, type DeletionTestEnv, setUpDeletionSuite } from "./deletion-fixtures";

let env: DeletionTestEnv;
let db: PrismaClient;
let superuserUrl: string;
let deps: DeletionDeps;
setUpDeletionSuite((fresh) => ({ env, db, superuserUrl, deps } = fresh));

const hold = (scope: Partial<HoldScope>, matterName = "Acme v. Example") =>
  createLegalHold(
    db,
    env.people.admin,
    CreateLegalHoldBody.parse({ matterName, reason: "Litigation reasonably anticipated", startsOn: "2026-10-01", scope }),
    META,
    { now: new Date("2026-11-20T09:00:00Z"), checkpoints: null },
  );

const prepare = (target: DeletionTarget) => prepareDeletion(deps, env.people.reviewer, { target, idempotencyKey: randomUUID() }, META);

async function ownerOf(chatId: string): Promise<string> {
  return (await env.client.chats.getMessages(chatId, { limit: 1 })).data.user!.id;
}

describe("a hold's life", () => {
  test("is placed with its matter, reason, start and scope; released with a reason; both audited and kept", async () => {
    const chatId = env.simulator.fixtures.toolsChat;
    const placed = await hold({ chatIds: [chatId, chatId], userIds: [] });
    expect(LegalHoldDto.parse(placed)).toEqual(placed);
    expect(placed).toMatchObject({
      matterName: "Acme v. Example",
      startsOn: "2026-10-01",
      status: "active",
      scope: { userIds: [], projectIds: [], chatIds: [chatId] },
      createdBy: { email: "admin@docket.test" },
      releasedAt: null,
    });
    const released = await releaseLegalHold(db, env.people.admin, placed.id, { reason: "Matter settled" }, META, { checkpoints: null });
    expect(released).toMatchObject({ status: "released", releaseReason: "Matter settled", releasedBy: { email: "admin@docket.test" } });
    await expect(releaseLegalHold(db, env.people.admin, placed.id, { reason: "Again" }, META, { checkpoints: null })).rejects.toMatchObject({
      code: "hold_released",
    });
    await expect(getLegalHold(db, randomUUID())).rejects.toMatchObject({ code: "not_found" });
    expect((await listLegalHolds(db, { status: "released" })).map((listed) => listed.id)).toEqual([placed.id]);
    expect(await listLegalHolds(db, { status: "active" })).toEqual([]);
    const events = await db.auditEvent.findMany({ where: { targetType: "legal_hold", targetId: placed.id }, orderBy: { seq: "asc" } });
    expect(events.map((event) => `${event.action}:${event.actorSubject}`)).toEqual(["hold.created:admin", "hold.released:admin"]);
    // A hold is released, never removed; its scope never changes.
    await expect(superuserQuery(superuserUrl, "DELETE FROM legal_hold")).rejects.toThrow(/legal_hold: DELETE refused/);
    await expect(superuserQuery(superuserUrl, "UPDATE legal_hold_scope SET object_id = 'x'")).rejects.toThrow(/legal_hold_scope: UPDATE refused/);
  });

  test("is refused without a scope, with a malformed id, or starting in the future", async () => {
    const base = { matterName: "M", reason: "R", startsOn: "2026-10-01" };
    expect(CreateLegalHoldBody.safeParse({ ...base, scope: {} }).success).toBe(false);
    expect(CreateLegalHoldBody.safeParse({ ...base, scope: { chatIds: ["claude_proj_x"] } }).success).toBe(false);
    expect(CreateLegalHoldBody.safeParse({ ...base, matterName: " ", scope: { userIds: ["user_x"] } }).success).toBe(false);
    await expect(
      createLegalHold(db, env.people.admin, CreateLegalHoldBody.parse({ ...base, startsOn: "2026-12-01", scope: { userIds: ["user_x"] } }), META, {
        now: new Date("2026-11-20T09:00:00Z"),
        checkpoints: null,
      }),
    ).rejects.toMatchObject({ code: "invalid_request" });
  });
});

describe("what a hold covers (refused when requested, with the holds named)", () => {
  test("a custodian: their chats and the files in them", async () => {
    const chatId = env.simulator.fixtures.filesChat;
    const placed = await hold({ userIds: [await ownerOf(chatId)] });
    await expect(prepare({ kind: "chat", id: chatId })).rejects.toMatchObject({
      code: "legal_hold",
      details: { holds: [{ id: placed.id, matterName: "Acme v. Example" }] },
    });
    await expect(prepare({ kind: "file", id: env.simulator.fixtures.uploadedFiles.pdf! })).rejects.toMatchObject({ code: "legal_hold" });
  });

  test("a custodian: their Claude Code artifacts too", async () => {
    const owned = (await env.client.codeArtifacts.list({ limit: 100 })).data.data.find((artifact) => artifact.owner_user_id !== null)!;
    const other = (await env.client.codeArtifacts.list({ limit: 100 })).data.data.find(
      (artifact) => artifact.owner_user_id !== null && artifact.owner_user_id !== owned.owner_user_id,
    )!;
    const placed = await hold({ userIds: [owned.owner_user_id!] });
    await expect(prepare({ kind: "code_artifact", id: owned.id })).rejects.toMatchObject({
      code: "legal_hold",
      details: { holds: [{ id: placed.id, matterName: "Acme v. Example" }] },
    });
    await expect(prepare({ kind: "code_artifact", id: other.id })).resolves.toMatchObject({ target: { id: other.id } });
  });

  test("a chat: the chat and its files, not other chats", async () => {
    const chatId = env.simulator.fixtures.filesChat;
    await hold({ chatIds: [chatId] });
    await expect(prepare({ kind: "chat", id: chatId })).rejects.toMatchObject({ code: "legal_hold" });
    await expect(prepare({ kind: "file", id: env.simulator.fixtures.uploadedFiles.csv! })).rejects.toMatchObject({ code: "legal_hold" });
    await expect(prepare({ kind: "chat", id: env.simulator.fixtures.toolsChat })).resolves.toMatchObject({ target: { id: env.simulator.fixtures.toolsChat } });
  });

  test("a project: the project, its documents and files, and the chats in it", async () => {
    const { projectWithChats, projectWithoutChats, projectDocument } = env.simulator.fixtures;
    await hold({ projectIds: [projectWithChats, projectWithoutChats] });
    await expect(prepare({ kind: "project", id: projectWithoutChats })).rejects.toMatchObject({ code: "legal_hold" });
    await expect(prepare({ kind: "project_document", id: projectDocument })).rejects.toMatchObject({ code: "legal_hold" });
    const projectFile = (await env.client.projects.listAttachments(projectWithoutChats)).data.data.find((attachment) => attachment.type === "project_file")!;
    await expect(prepare({ kind: "file", id: projectFile.id, projectId: projectWithoutChats })).rejects.toMatchObject({ code: "legal_hold" });
    await expect(prepare({ kind: "project", id: projectWithChats })).rejects.toMatchObject({ code: "legal_hold" });
    const inProject = (await listProjectChats(env.client, projectWithChats, { limit: 1 })).dto.chats[0]!;
    await expect(prepare({ kind: "chat", id: inProject.id })).rejects.toMatchObject({ code: "legal_hold" });
  });

  test("a commit refused for a hold placed after prepare is audited; once released, the deletion goes ahead", async () => {
    const target: DeletionTarget = { kind: "chat", id: env.simulator.fixtures.toolsChat };
    const idempotencyKey = randomUUID();
    const { confirmationToken } = await prepareDeletion(deps, env.people.reviewer, { target, idempotencyKey }, META);
    const placed = await hold({ chatIds: [target.id] });
    await expect(createDeletion(deps, env.people.reviewer, commitBody(target, idempotencyKey, confirmationToken), META)).rejects.toMatchObject({
      code: "legal_hold",
    });
    expect(await db.deletionRequest.count()).toBe(0);
    expect(actionsOf(await auditOf(db, target)).at(-1)).toBe("deletion.blocked:denied");
    await releaseLegalHold(db, env.people.admin, placed.id, { reason: "Matter closed" }, META, { checkpoints: null });
    const solo = depsFor(env, db, { settings: { approvalsRequired: false } });
    expect((await requestDeletion(solo, env.people.reviewer, target)).row.status).toBe("succeeded");
    expect(deletesOf(env.simulator, target)).toEqual([200]);
  });
});
