import { createHash } from "node:crypto";
import { request } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/lib/simulator/server";
import { State } from "@/lib/simulator/state";
import { call, expectError, FULL, start } from "./helpers";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await start();
});
beforeEach(() => sim.reset());
afterAll(() => sim.close());

const control = (path: string, method = "GET", body?: unknown) =>
  fetch(`${sim.url}/_simulator/${path}`, {
    method,
    headers: body ? { "content-type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });

/** Raw GET that reports the bytes received before the body ended, failed or was abandoned. */
function rawBody(
  path: string,
  stopAfterBytes?: number,
): Promise<{ status: number; bytes: number; outcome: "end" | "error" | "stopped"; headers: Record<string, unknown> }> {
  return new Promise((resolve) => {
    const req = request(`${sim.url}${path}`, { headers: { "x-api-key": FULL } }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        if (stopAfterBytes !== undefined && bytes >= stopAfterBytes) {
          resolve({ status: res.statusCode!, bytes, outcome: "stopped", headers: res.headers });
          req.destroy();
        }
      });
      res.on("end", () => resolve({ status: res.statusCode!, bytes, outcome: "end", headers: res.headers }));
      res.on("error", () => resolve({ status: res.statusCode!, bytes, outcome: "error", headers: res.headers }));
    });
    req.on("error", () => undefined);
    req.end();
  });
}

describe("fault rules", () => {
  it("applies a status fault to the next N matching requests, then expires", async () => {
    sim.setFaults([{ match: { path: "/v1/compliance/apps/chats" }, times: 2, fault: { type: "status", status: 503 } }]);
    const other = await call(sim, "/v1/compliance/organizations");
    expect(other.status).toBe(200);
    const first = await call(sim, "/v1/compliance/apps/chats");
    expectError(first, 503, "overloaded_error");
    expect(first.headers.get("x-should-retry")).toBeNull();
    expect((await call(sim, "/v1/compliance/apps/chats")).status).toBe(503);
    expect((await call(sim, "/v1/compliance/apps/chats")).status).toBe(200);
  });

  it("marks deterministic 500s with x-should-retry: false and maps 529 to overloaded_error", async () => {
    sim.setFaults([
      { match: { method: "GET", path: "^/v1/compliance/organizations$" }, fault: { type: "status", status: 500, shouldRetry: false } },
      { match: { path: "/v1/compliance/groups" }, fault: { type: "status", status: 529 } },
    ]);
    const internal = await call(sim, "/v1/compliance/organizations");
    expectError(internal, 500, "api_error");
    expect(internal.headers.get("x-should-retry")).toBe("false");
    expectError(await call(sim, "/v1/compliance/groups"), 529, "overloaded_error");
    expect((await call(sim, `/v1/compliance/organizations/${sim.fixtures.organizations[0]!.uuid}/users`)).status).toBe(200);
  });

  it("forces a 429 with the requested retry-after", async () => {
    sim.setFaults([{ times: 1, fault: { type: "rate_limit", retryAfterSeconds: 7 } }]);
    const res = await call(sim, "/v1/compliance/activities");
    expectError(res, 429, "rate_limit_error");
    expect(res.headers.get("retry-after")).toBe("7");
    expect((await call(sim, "/v1/compliance/activities")).status).toBe(200);
  });

  it("answers a scope fault as a key created without the endpoint's scope would be answered", async () => {
    sim.setFaults([{ match: { method: "GET", path: "/v1/compliance/apps/chats" }, times: 1, fault: { type: "scope_denied" } }]);
    expect(expectError(await call(sim, "/v1/compliance/apps/chats"), 403, "permission_error")).toBe(
      "Missing required scopes. Got: ['delete:compliance_user_data', 'read:compliance_activities', 'read:compliance_org_data'] Needed: ['read:compliance_user_data']",
    );
    expect((await call(sim, "/v1/compliance/apps/chats")).status).toBe(200);
  });

  it("adds latency", async () => {
    sim.setFaults([{ times: 1, fault: { type: "latency", ms: 150 } }]);
    const t0 = performance.now();
    await call(sim, "/v1/compliance/organizations");
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it("resets the connection after N bytes of a download", async () => {
    sim.setFaults([{ fault: { type: "reset_body", afterBytes: 100 } }]);
    const res = await rawBody(`/v1/compliance/apps/chats/files/${sim.fixtures.uploadedFiles.pdf}/content`);
    expect(res.status).toBe(200);
    expect(res.outcome).toBe("error");
    expect(res.bytes).toBe(100);
  });

  it("stalls a body after N bytes without ending it", async () => {
    sim.setFaults([{ fault: { type: "stall_body", afterBytes: 64 } }]);
    const res = await rawBody(`/v1/compliance/apps/chats/files/${sim.fixtures.uploadedFiles.docx}/content`, 64);
    expect(res.outcome).toBe("stopped");
    expect(res.bytes).toBe(64);
  });

  it("slows a JSON body down", async () => {
    sim.setFaults([{ times: 1, fault: { type: "slow_body", bytesPerSecond: 4000 } }]);
    const t0 = performance.now();
    const res = await call(sim, "/v1/compliance/organizations");
    const seconds = (performance.now() - t0) / 1000;
    expect(res.status).toBe(200);
    expect(seconds).toBeGreaterThanOrEqual((res.text.length / 4000) * 0.8);
  });

  it("sends a wrong Content-MD5 when asked", async () => {
    const path = `/v1/compliance/apps/chats/files/${sim.fixtures.uploadedFiles.png}/content`;
    sim.setFaults([{ times: 1, fault: { type: "wrong_md5" } }]);
    const bad = await fetch(`${sim.url}${path}`, { headers: { "x-api-key": FULL } });
    const bytes = Buffer.from(await bad.arrayBuffer());
    const actual = createHash("md5").update(bytes).digest("base64");
    expect(bad.headers.get("content-md5")).not.toBe(actual);
    const good = await fetch(`${sim.url}${path}`, { headers: { "x-api-key": FULL } });
    expect(good.headers.get("content-md5")).toBe(
      createHash("md5")
        .update(Buffer.from(await good.arrayBuffer()))
        .digest("base64"),
    );
  });

  it("draws probabilities from the seeded generator (same outcome on every run)", async () => {
    const outcomes = async () => {
      sim.setFaults([{ probability: 0.5, fault: { type: "status", status: 502 } }]);
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await call(sim, "/v1/compliance/organizations")).status);
      return statuses;
    };
    const a = await outcomes();
    sim.reset();
    const b = await outcomes();
    expect(a).toEqual(b);
    expect(a).toContain(502);
    expect(a).toContain(200);
  });
});

describe("control endpoints", () => {
  it("sets, lists and clears faults over HTTP, rejecting invalid rules", async () => {
    expect((await control("faults", "PUT", { rules: [{ fault: { type: "status", status: 418 } }] })).status).toBe(400);
    const put = await control("faults", "PUT", { rules: [{ times: 3, fault: { type: "latency", ms: 1 } }] });
    expect(put.status).toBe(200);
    await call(sim, "/v1/compliance/organizations");
    expect(await (await control("faults")).json()).toEqual({ rules: [{ times: 2, fault: { type: "latency", ms: 1 } }] });
    await control("faults", "DELETE");
    expect(await (await control("faults")).json()).toEqual({ rules: [] });
  });

  it("logs API requests (not control calls) and clears the log", async () => {
    await control("requests", "DELETE");
    await call(sim, `/v1/compliance/apps/chats/${sim.fixtures.softDeletedChat}`, { method: "DELETE" });
    await call(sim, "/v1/compliance/organizations?limit=2", { key: null });
    const log = (await (await control("requests")).json()) as {
      data: Array<{ method: string; path: string; query: string; status: number; request_id: string }>;
    };
    expect(log.data.map((r) => [r.method, r.path, r.query, r.status])).toEqual([
      ["DELETE", `/v1/compliance/apps/chats/${sim.fixtures.softDeletedChat}`, "", 200],
      ["GET", "/v1/compliance/organizations", "limit=2", 401],
    ]);
    expect(log.data[0]!.request_id).toMatch(/^req_/);
  });

  it("counts every API request by status (429s and 401s too) until a reset or a DELETE of the counts", async () => {
    const limited = await start({ rateLimitPerMinute: 3 });
    const counts = async () => (await (await fetch(`${limited.url}/_simulator/request-counts`)).json()) as { total: number; byStatus: Record<string, number> };
    try {
      for (let i = 0; i < 5; i++) await call(limited, "/v1/compliance/organizations");
      await call(limited, "/v1/compliance/organizations", { key: null });
      await fetch(`${limited.url}/_simulator/fixtures`);
      expect(await counts()).toEqual({ total: 6, byStatus: { "200": 3, "401": 1, "429": 2 } });
      // Clearing the log leaves the counts.
      await fetch(`${limited.url}/_simulator/requests`, { method: "DELETE" });
      expect((await counts()).total).toBe(6);
      expect(await (await fetch(`${limited.url}/_simulator/request-counts`, { method: "DELETE" })).json()).toEqual({ total: 0, byStatus: {} });
      await call(limited, "/v1/compliance/organizations");
      expect(await counts()).toEqual({ total: 1, byStatus: { "429": 1 } });
      await fetch(`${limited.url}/_simulator/reset`, { method: "POST" });
      expect(await counts()).toEqual({ total: 0, byStatus: {} });
    } finally {
      await limited.close();
    }
  });

  it("keeps counting past the log's bound", () => {
    const state = new State(sim.dataset.ids);
    const entry = { method: "GET", path: "/v1/compliance/organizations", query: "", status: 200, request_id: "req_1", time: new Date().toISOString() };
    for (let i = 0; i < 10_001; i++) state.logRequest(entry);
    expect(state.requests.length).toBeLessThan(10_001);
    expect(state.answeredByStatus.get(200)).toBe(10_001);
  });

  it("serves fixtures and resets state", async () => {
    const fixtures = (await (await control("fixtures")).json()) as typeof sim.fixtures;
    expect(fixtures.longChat.messageCount).toBe(10_000);
    await call(sim, `/v1/compliance/apps/chats/${fixtures.toolsChat}`, { method: "DELETE" });
    expect((await control("reset", "POST")).status).toBe(200);
    expect((await call(sim, `/v1/compliance/apps/chats/${fixtures.toolsChat}/messages?limit=1`)).status).toBe(200);
  });

  it("does not exist when control is disabled", async () => {
    const plain = await start({ control: false });
    try {
      const res = await fetch(`${plain.url}/_simulator/fixtures`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { type: string } }).error.type).toBe("not_found_error");
    } finally {
      await plain.close();
    }
  });
});
