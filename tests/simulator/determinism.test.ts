import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "@/lib/simulator/server";
import { SMALL_SEED_1, SMALL_SEED_1_CODE_ARTIFACT, SMALL_SEED_1_SESSIONS } from "@/tests/support/simulator-ids";
import { call, FULL, qs, start } from "./helpers";

let a: RunningSimulator;
let b: RunningSimulator;
let other: RunningSimulator;
beforeAll(async () => {
  [a, b, other] = await Promise.all([start({ seed: 7 }), start({ seed: 7 }), start({ seed: 8 })]);
});
afterAll(() => Promise.all([a.close(), b.close(), other.close()]));

/** Responses that depend only on the dataset (no runtime activities, no request ids). */
async function snapshot(sim: RunningSimulator): Promise<string[]> {
  const f = sim.fixtures;
  const paths = [
    "/v1/compliance/organizations",
    `/v1/compliance/organizations/${f.organizations[0]!.uuid}/users`,
    "/v1/compliance/groups",
    "/v1/compliance/apps/chats?limit=1000",
    `/v1/compliance/apps/chats?order_by=updated_at&limit=1000`,
    `/v1/compliance/apps/chats/${f.toolsChat}/messages?tool_result_max_chars=-1`,
    `/v1/compliance/apps/chats/${f.filesChat}/messages`,
    `/v1/compliance/apps/chats/${f.previewCorpus.chat}/messages`,
    `/v1/compliance/apps/chats/${f.longChat.id}/messages?limit=200&order=desc`,
    "/v1/compliance/apps/projects?limit=100",
    "/v1/compliance/apps/sessions/local",
    `/v1/compliance/apps/sessions/local/${f.localSession}/messages`,
    `/v1/compliance/activities${qs({ "exclude_activity_types[]": "compliance_api_accessed", limit: 5000 })}`,
  ];
  const out: string[] = [];
  for (const p of paths) out.push((await call(sim, p)).text);
  const contents = [
    ...[...Object.values(f.uploadedFiles), ...Object.values(f.previewCorpus.files).map((file) => file.id)].map(
      (id) => `/v1/compliance/apps/chats/files/${id}/content`,
    ),
    ...[...f.previewCorpus.scriptedSvgArtifact.versionIds, ...f.previewCorpus.largeCodeArtifact.versionIds].map(
      (id) => `/v1/compliance/apps/artifacts/${id}/content`,
    ),
  ];
  for (const path of contents) {
    const res = await fetch(`${sim.url}${path}`, { headers: { "x-api-key": FULL } });
    out.push(
      createHash("md5")
        .update(Buffer.from(await res.arrayBuffer()))
        .digest("hex"),
    );
  }
  return out;
}

describe("determinism", () => {
  it("serves identical data for the same seed", async () => {
    expect(a.fixtures).toEqual(b.fixtures);
    const [sa, sb] = await Promise.all([snapshot(a), snapshot(b)]);
    expect(sa).toEqual(sb);
  });

  it("serves different data for another seed", async () => {
    expect(other.fixtures.toolsChat).not.toBe(a.fixtures.toolsChat);
    const [sa, so] = await Promise.all([snapshot(a), snapshot(other)]);
    const same = sa.filter((s, i) => s === so[i]).length;
    expect(same).toBeLessThan(sa.length / 4);
  });

  it("keeps every generated timestamp before the dataset epoch", async () => {
    const chats = await call(a, "/v1/compliance/apps/chats?order_by=updated_at&limit=1000");
    expect(chats.body.data.length).toBe(a.dataset.chats.count);
    for (const c of chats.body.data as Array<{ created_at: string; updated_at: string; deleted_at: string | null }>) {
      expect(c.created_at <= c.updated_at).toBe(true);
      expect(c.updated_at < "2026-09-30T00:00:00Z").toBe(true);
      if (c.deleted_at) expect(c.deleted_at < "2026-09-30T00:00:00Z").toBe(true);
      expect(c.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    }
  });
});

describe("ids the tests write down", () => {
  it("are the small dataset's sessions (seed 1)", async () => {
    const small = await startSimulator({ port: 0, dataset: "small", seed: 1 });
    try {
      const f = small.fixtures;
      expect({
        local: f.localSession,
        localNotCaptured: f.localSessionNotCaptured,
        remoteActive: f.remoteSessionActive,
        remotePending: f.remoteSessionPending,
        remoteAgentOwned: f.remoteSessionAgentOwned,
      }).toEqual(SMALL_SEED_1_SESSIONS);
      const messages = await call(small, `/v1/compliance/apps/chats/${SMALL_SEED_1.chat}/messages?limit=1`);
      const [first] = messages.body.chat_messages as Array<{ id: string; created_at: string }>;
      expect({ id: first!.id, createdAt: first!.created_at }).toEqual(SMALL_SEED_1.chatFirstMessage);
      expect(f.codeArtifact).toEqual(SMALL_SEED_1_CODE_ARTIFACT);
    } finally {
      await small.close();
    }
  });
});
