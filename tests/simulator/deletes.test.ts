import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/lib/simulator/server";
import { call, expectError, qs, READONLY, start } from "./helpers";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await start();
});
beforeEach(() => sim.reset());
afterAll(() => sim.close());

/** Shaped like the API's chat ids, but all "0": base58 has no "0", so no chat has it. */
const ABSENT_CHAT = `claude_chat_01${"0".repeat(22)}`;

const del = (path: string) => call(sim, path, { method: "DELETE" });

async function userChatIds(): Promise<string[]> {
  const res = await call(sim, `/v1/compliance/apps/chats${qs({ "user_ids[]": sim.fixtures.userWithManyChats.id, limit: 1000 })}`);
  return res.body.data.map((c: { id: string }) => c.id);
}

describe("chat hard delete", () => {
  it("confirms, then the chat is gone from lists, messages and a second delete", async () => {
    const id = sim.fixtures.filesChat;
    const res = await del(`/v1/compliance/apps/chats/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id, type: "claude_chat_deleted" });
    expect(await userChatIds()).not.toContain(id);
    expect(expectError(await call(sim, `/v1/compliance/apps/chats/${id}/messages`), 404, "not_found_error")).toBe(`Chat ${id} not found.`);
    expectError(await del(`/v1/compliance/apps/chats/${id}`), 404, "not_found_error");
  });

  it("takes the chat's files, generated files and artifacts with it", async () => {
    const f = sim.fixtures;
    expect((await call(sim, `/v1/compliance/apps/chats/files/${f.uploadedFiles.pdf}`)).status).toBe(200);
    await del(`/v1/compliance/apps/chats/${f.filesChat}`);
    await del(`/v1/compliance/apps/chats/${f.artifactsChat.id}`);
    expectError(await call(sim, `/v1/compliance/apps/chats/files/${f.uploadedFiles.pdf}`), 404, "not_found_error");
    expectError(await call(sim, `/v1/compliance/apps/chats/files/${f.uploadedFiles.png}/content`), 404, "not_found_error");
    expectError(await call(sim, `/v1/compliance/apps/chats/generated-files/${f.generatedFile}`), 404, "not_found_error");
    expectError(await call(sim, `/v1/compliance/apps/artifacts/${f.artifactsChat.artifacts[0]!.versionIds[0]}`), 404, "not_found_error");
  });

  it("keeps an after_id cursor that points at a deleted chat usable", async () => {
    const user = sim.fixtures.userWithManyChats.id;
    const all = await userChatIds();
    const first = await call(sim, `/v1/compliance/apps/chats${qs({ "user_ids[]": user, limit: 3 })}`);
    await del(`/v1/compliance/apps/chats/${all[2]}`);
    const next = await call(sim, `/v1/compliance/apps/chats${qs({ "user_ids[]": user, limit: 3, after_id: first.body.last_id })}`);
    expect(next.status).toBe(200);
    expect(next.body.data.map((c: { id: string }) => c.id)).toEqual(all.slice(3, 6));
  });

  it("records claude_chat_deleted with an api_actor", async () => {
    const id = sim.fixtures.hostileChat;
    await del(`/v1/compliance/apps/chats/${id}`);
    const feed = await call(sim, `/v1/compliance/activities${qs({ "activity_types[]": "claude_chat_deleted", limit: 1 })}`);
    expect(feed.body.data[0]).toMatchObject({
      type: "claude_chat_deleted",
      claude_chat_id: id,
      actor: { type: "api_actor", api_key_id: sim.fixtures.apiKeys[0]!.id },
    });
  });
});

describe("files and project documents", () => {
  it("deletes a chat file: gone from metadata, content and the message's files", async () => {
    const f = sim.fixtures;
    const res = await del(`/v1/compliance/apps/chats/files/${f.uploadedFiles.csv}`);
    expect(res.body).toEqual({ id: f.uploadedFiles.csv, type: "claude_file_deleted" });
    expectError(await call(sim, `/v1/compliance/apps/chats/files/${f.uploadedFiles.csv}`), 404, "not_found_error");
    const messages = await call(sim, `/v1/compliance/apps/chats/${f.filesChat}/messages`);
    const listed = messages.body.chat_messages.flatMap((m: { files: Array<{ id: string }> | null }) => m.files ?? []).map((x: { id: string }) => x.id);
    expect(listed).not.toContain(f.uploadedFiles.csv);
    expect(listed).toContain(f.uploadedFiles.docx);
  });

  it("deletes a project document and then 404s it", async () => {
    const doc = sim.fixtures.projectDocument;
    const res = await del(`/v1/compliance/apps/projects/documents/${doc}`);
    expect(res.body).toEqual({ id: doc, type: "claude_project_document_deleted" });
    expect(expectError(await call(sim, `/v1/compliance/apps/projects/documents/${doc}`), 404, "not_found_error")).toBe(
      "No project document found with provided id, or it has already been deleted.",
    );
    const attachments = await call(sim, `/v1/compliance/apps/projects/${sim.fixtures.projectWithoutChats}/attachments`);
    expect(attachments.body.data.map((a: { id: string }) => a.id)).not.toContain(doc);
  });
});

describe("project hard delete", () => {
  it("refuses with 409 while chats are attached, succeeds once they are deleted", async () => {
    const project = sim.fixtures.projectWithChats;
    expect(expectError(await del(`/v1/compliance/apps/projects/${project}`), 409, "conflict_error")).toBe(
      `The "${project}" project cannot be deleted as it has chats attached to it. Delete or detach all chats, and try deleting the project again.`,
    );
    const owners = sim.dataset.dir.users.map((u) => u.id);
    for (let i = 0; i < owners.length; i += 10) {
      const chats = await call(sim, `/v1/compliance/apps/chats${qs({ "user_ids[]": owners.slice(i, i + 10), "project_ids[]": project, limit: 1000 })}`);
      for (const c of chats.body.data as Array<{ id: string }>) expect((await del(`/v1/compliance/apps/chats/${c.id}`)).status).toBe(200);
    }
    expect((await call(sim, `/v1/compliance/apps/projects/${project}`)).body.chats_count).toBe(0);
    expect((await del(`/v1/compliance/apps/projects/${project}`)).body).toEqual({ id: project, type: "claude_project_deleted" });
  });

  it("takes the project's documents and files with it", async () => {
    const project = sim.fixtures.projectWithoutChats;
    const attachments = (await call(sim, `/v1/compliance/apps/projects/${project}/attachments`)).body.data as Array<{ id: string; type: string }>;
    expect(attachments.some((a) => a.type === "project_file")).toBe(true);
    expect(attachments.some((a) => a.type === "project_doc")).toBe(true);
    expect((await del(`/v1/compliance/apps/projects/${project}`)).status).toBe(200);
    expect(expectError(await call(sim, `/v1/compliance/apps/projects/${project}`), 404, "not_found_error")).toBe("No project is found with the provided id.");
    for (const a of attachments) {
      const path = a.type === "project_file" ? `/v1/compliance/apps/chats/files/${a.id}` : `/v1/compliance/apps/projects/documents/${a.id}`;
      expectError(await call(sim, path), 404, "not_found_error");
    }
    const list = await call(sim, "/v1/compliance/apps/projects?limit=100");
    expect(list.body.data.map((p: { id: string }) => p.id)).not.toContain(project);
  });
});

describe("reset", () => {
  it("restores deleted content and clears runtime activities", async () => {
    await del(`/v1/compliance/apps/chats/${sim.fixtures.toolsChat}`);
    sim.reset();
    expect((await call(sim, `/v1/compliance/apps/chats/${sim.fixtures.toolsChat}/messages?limit=1`)).status).toBe(200);
    const feed = await call(sim, `/v1/compliance/activities${qs({ "activity_types[]": "compliance_api_accessed", limit: 10 })}`);
    // Only the GET just above was recorded since the reset.
    expect(feed.body.data).toHaveLength(1);
  });
});

describe("deletes by a key without the delete scope", () => {
  it("refuse every kind with 403 before looking the object up, and delete nothing", async () => {
    const f = sim.fixtures;
    const paths = [
      `/v1/compliance/apps/chats/${f.filesChat}`,
      `/v1/compliance/apps/chats/files/${f.uploadedFiles.csv}`,
      `/v1/compliance/apps/projects/documents/${f.projectDocument}`,
      `/v1/compliance/apps/projects/${f.projectWithoutChats}`,
      // An id no object has: the scope is checked first, so this is 403 too.
      `/v1/compliance/apps/chats/${ABSENT_CHAT}`,
    ];
    for (const path of paths) {
      expect(expectError(await call(sim, path, { method: "DELETE", key: READONLY }), 403, "permission_error")).toMatch(
        /Needed: \['delete:compliance_user_data'\]$/,
      );
    }
    expect((await call(sim, `/v1/compliance/apps/chats/${f.filesChat}/messages?limit=1`)).status).toBe(200);
    expect((await call(sim, `/v1/compliance/apps/chats/files/${f.uploadedFiles.csv}`)).status).toBe(200);
    expect((await call(sim, `/v1/compliance/apps/projects/documents/${f.projectDocument}`)).status).toBe(200);
    expect((await call(sim, `/v1/compliance/apps/projects/${f.projectWithoutChats}`)).status).toBe(200);
    expectError(await call(sim, `/v1/compliance/apps/chats/${ABSENT_CHAT}`, { method: "DELETE" }), 404, "not_found_error");
  });
});

describe("a DELETE held by a latency fault", () => {
  it("is listed in flight until answered, and still happens if its client leaves meanwhile", async () => {
    const id = sim.fixtures.toolsChat;
    const path = `/v1/compliance/apps/chats/${id}`;
    sim.setFaults([{ match: { method: "DELETE", path }, times: 1, fault: { type: "latency", ms: 300 } }]);
    const abort = new AbortController();
    const leaving = fetch(`${sim.url}${path}`, { method: "DELETE", headers: { "x-api-key": "sk-ant-api01-simulator-full" }, signal: abort.signal }).catch(
      (error: unknown) => error,
    );
    await expect.poll(() => sim.inFlight().map((entry) => entry.path)).toContain(path);
    const control = await fetch(`${sim.url}/_simulator/requests`).then((response) => response.json() as Promise<{ inFlight: Array<{ path: string }> }>);
    expect(control.inFlight.map((entry) => entry.path)).toContain(path);
    abort.abort();
    expect(await leaving).toBeInstanceOf(Error);
    await expect
      .poll(() =>
        sim
          .requestLog()
          .filter((entry) => entry.method === "DELETE" && entry.path === path)
          .map((entry) => entry.status),
      )
      .toEqual([200]);
    expect(sim.inFlight()).toEqual([]);
    expectError(await call(sim, `${path}/messages`), 404, "not_found_error");
  });
});
