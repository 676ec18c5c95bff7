// The "documented fields and actor types" test reads fixtures/activity-types.json: the 467 activity
// types of the public reference (https://platform.claude.com/docs/en/api/compliance/activities/list),
// trimmed to each type's actor types and its fields' names and types, so that it runs anywhere.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIVITY_TYPE_NAMES } from "@/lib/reference/activity-type-names";
import type { RunningSimulator } from "@/lib/simulator/server";
import { ADMIN, call, qs, start } from "./helpers";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await start();
});
afterAll(() => sim.close());

type ActivityTypeReference = { activity_types: Array<{ type: string; actor_types: string[]; fields: Array<{ name: string; type: string }> }> };
type Activity = {
  id: string;
  type: string;
  created_at: string;
  organization_id: string | null;
  organization_uuid: string | null;
  actor: Record<string, unknown>;
} & Record<string, unknown>;

async function allStatic(): Promise<Activity[]> {
  const out: Activity[] = [];
  let cursor: string | null = null;
  do {
    const res: { body: { data: Activity[]; has_more: boolean; last_id: string } } = await call(
      sim,
      `/v1/compliance/activities${qs({ "exclude_activity_types[]": "compliance_api_accessed", limit: 5000, ...(cursor ? { after_id: cursor } : {}) })}`,
    );
    out.push(...res.body.data);
    cursor = res.body.has_more ? res.body.last_id : null;
  } while (cursor);
  return out;
}

describe("compliance_api_accessed", () => {
  it("records each served request with its key, request id, status and URL", async () => {
    sim.reset();
    const ok = await call(sim, "/v1/compliance/organizations?limit=1");
    const bad = await call(sim, "/v1/compliance/apps/chats?limit=0", { headers: { "user-agent": "docket-test/1.0" } });
    const admin = await call(sim, "/v1/compliance/apps/chats", { key: ADMIN });
    await call(sim, "/v1/compliance/organizations", { key: "sk-ant-api01-wrong" });
    const feed = await call(sim, `/v1/compliance/activities${qs({ "activity_types[]": "compliance_api_accessed", order: "asc" })}`);
    const rows = feed.body.data as Activity[];
    expect(rows).toHaveLength(3);
    const [first, second, third] = rows;
    expect(first).toMatchObject({
      type: "compliance_api_accessed",
      organization_id: null,
      organization_uuid: null,
      request_id: ok.headers.get("request-id"),
      request_method: "GET",
      status_code: 200,
      url: "https://api.anthropic.com/v1/compliance/organizations?limit=1",
      request_body: null,
      actor: { type: "api_actor", api_key_id: sim.fixtures.apiKeys[0]!.id, ip_address: "127.0.0.1" },
    });
    expect(first!.id).toMatch(/^activity_01[1-9A-HJ-NP-Za-km-z]{22}$/);
    expect(second).toMatchObject({ status_code: 400, request_id: bad.headers.get("request-id"), actor: { user_agent: "docket-test/1.0" } });
    expect(third).toMatchObject({ status_code: 403, request_id: admin.headers.get("request-id"), actor: { api_key_id: sim.fixtures.apiKeys[2]!.id } });
  });
});

describe("filters", () => {
  it("filters by actor (actor_ids[] and its alias user_ids[]), organisation and time", async () => {
    const user = sim.fixtures.userWithManyChats.id;
    const byActor = await call(sim, `/v1/compliance/activities${qs({ "actor_ids[]": user, limit: 5000 })}`);
    expect(byActor.body.data.length).toBeGreaterThan(10);
    expect(byActor.body.data.every((a: Activity) => a.actor.type === "user_actor" && a.actor.user_id === user)).toBe(true);
    const viaAlias = await call(sim, `/v1/compliance/activities${qs({ "user_ids[]": user, limit: 5000 })}`);
    expect(viaAlias.body.data).toEqual(byActor.body.data);

    const org = sim.fixtures.organizations[1]!;
    const byUuid = await call(sim, `/v1/compliance/activities${qs({ "organization_ids[]": org.uuid, limit: 5000 })}`);
    const byTagged = await call(sim, `/v1/compliance/activities${qs({ "organization_ids[]": org.id, limit: 5000 })}`);
    expect(byUuid.body.data.length).toBeGreaterThan(0);
    expect(byUuid.body.data.every((a: Activity) => a.organization_uuid === org.uuid)).toBe(true);
    expect(byTagged.body.data).toEqual(byUuid.body.data);

    const window = await call(
      sim,
      `/v1/compliance/activities${qs({ "created_at.gte": "2026-06-01T00:00:00Z", "created_at.lt": "2026-07-01T00:00:00+00:00", limit: 5000 })}`,
    );
    expect(window.body.data.length).toBeGreaterThan(0);
    expect(window.body.data.every((a: Activity) => a.created_at >= "2026-06-01" && a.created_at < "2026-07-01")).toBe(true);
  });
});

describe("generated feed", () => {
  it("uses documented types only, a wide variety of them, within the dataset's time span", async () => {
    const all = await allStatic();
    const types = new Set(all.map((a) => a.type));
    for (const t of types) expect(ACTIVITY_TYPE_NAMES.includes(t), t).toBe(true);
    expect(types.size).toBeGreaterThanOrEqual(30);
    expect(all.every((a) => a.created_at < "2026-09-30T00:00:00")).toBe(true);
    expect(new Set(all.map((a) => a.actor.type))).toEqual(
      new Set(["user_actor", "unauthenticated_user_actor", "scim_directory_sync_actor", "anthropic_actor", "system_actor", "admin_api_key_actor"]),
    );
  });

  it("matches the documented fields and actor types of each type", async () => {
    const doc = JSON.parse(readFileSync(new URL("./fixtures/activity-types.json", import.meta.url), "utf8")) as ActivityTypeReference;
    const byType = new Map(doc.activity_types.map((t) => [t.type, t]));
    const common = new Set(["id", "created_at", "organization_id", "organization_uuid", "actor", "type"]);
    for (const a of await allStatic()) {
      const spec = byType.get(a.type)!;
      expect(spec.actor_types, `${a.type} actor`).toContain(a.actor.type);
      const documented = new Set(spec.fields.map((f) => f.name));
      for (const key of Object.keys(a)) if (!common.has(key)) expect(documented.has(key), `${a.type}.${key}`).toBe(true);
      for (const f of spec.fields) {
        if (
          !f.type.startsWith("optional") &&
          !["type", "current_value", "previous_value"].includes(f.name) &&
          documented.has(f.name) &&
          a.type !== "claude_project_sharing_updated"
        ) {
          expect(a, `${a.type} lacks ${f.name}`).toHaveProperty(f.name);
        }
      }
    }
  });
});
