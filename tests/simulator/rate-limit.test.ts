import { afterEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/lib/simulator/server";
import { ABSENT } from "@/tests/support/simulator-ids";
import { ADMIN, call, expectError, READONLY, start } from "./helpers";

let sim: RunningSimulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

const remaining = (h: Headers) => Number(h.get("anthropic-ratelimit-requests-remaining"));

describe("shared rate limit", () => {
  it("counts every key against one budget and reports it on every authenticated response", async () => {
    sim = await start({ rateLimitPerMinute: 5 });
    const a = await call(sim, "/v1/compliance/organizations");
    const b = await call(sim, "/v1/compliance/activities?limit=1", { key: ADMIN });
    const c = await call(sim, "/v1/compliance/apps/chats?limit=0", { key: READONLY });
    const d = await call(sim, `/v1/compliance/apps/chats/${ABSENT.chat}/messages`);
    expect([a, b, c, d].map((r) => r.status)).toEqual([200, 200, 400, 404]);
    expect([a, b, c, d].map((r) => remaining(r.headers))).toEqual([4, 3, 2, 1]);
    for (const r of [a, b, c, d]) {
      expect(r.headers.get("anthropic-ratelimit-requests-limit")).toBe("5");
      expect(r.headers.get("anthropic-ratelimit-requests-reset")).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    }
  });

  it("rejects bad keys before the limiter and charges one unit for a 403", async () => {
    sim = await start({ rateLimitPerMinute: 3 });
    for (let i = 0; i < 10; i++) expect((await call(sim, "/v1/compliance/organizations", { key: "sk-ant-api03-nope" })).status).toBe(401);
    const forbidden = await call(sim, "/v1/compliance/apps/chats", { key: ADMIN });
    expect(forbidden.status).toBe(403);
    expect(remaining(forbidden.headers)).toBe(2);
  });

  it("answers 429 with the configured limit in the message and a usable retry-after", async () => {
    sim = await start({ rateLimitPerMinute: 2 });
    await call(sim, "/v1/compliance/organizations");
    await call(sim, "/v1/compliance/organizations");
    const limited = await call(sim, "/v1/compliance/organizations");
    expect(expectError(limited, 429, "rate_limit_error")).toBe(
      "Compliance API rate limit of 2 requests per minute per parent organization has been exceeded. Retry after the time indicated by the retry-after header. Quote the request-id response header when contacting Anthropic support.",
    );
    const retryAfter = limited.headers.get("retry-after")!;
    expect(retryAfter).toMatch(/^\d+$/);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    expect(remaining(limited.headers)).toBe(0);
    const reset = Date.parse(limited.headers.get("anthropic-ratelimit-requests-reset")!);
    expect(Math.abs(reset - (Date.now() + Number(retryAfter) * 1000))).toBeLessThan(2000);
    sim.reset();
    expect((await call(sim, "/v1/compliance/organizations")).status).toBe(200);
  });
});

describe("the remote session endpoints' second budget", () => {
  it("refuses past its own size with a retry-after of 1 and the shared limit's headers; local sessions and other endpoints go on", async () => {
    sim = await start({ rateLimitPerMinute: 100, remoteSessionLimitPerMinute: 2 });
    const allowed = [await call(sim, "/v1/compliance/apps/sessions/remote?limit=1"), await call(sim, "/v1/compliance/apps/sessions/remote?limit=1")];
    expect(allowed.map((r) => r.status)).toEqual([200, 200]);
    const refused = await call(sim, "/v1/compliance/apps/sessions/remote?limit=1");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(remaining(refused.headers)).toBeGreaterThan(90);
    expect(refused.headers.get("anthropic-ratelimit-requests-limit")).toBe("100");
    expect((await call(sim, "/v1/compliance/apps/sessions/local?limit=1")).status).toBe(200);
    expect((await call(sim, "/v1/compliance/organizations")).status).toBe(200);
  });
});
