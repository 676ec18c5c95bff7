import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { decideRetry, DEFAULT_RETRY_OPTIONS, parseRetryAfter } from "@/lib/server/compliance/retry-policy";

const response = (status: number, extra: { shouldRetryHeader?: string; retryAfterMs?: number } = {}) => ({
  kind: "response" as const,
  status,
  shouldRetryHeader: extra.shouldRetryHeader ?? null,
  retryAfterMs: extra.retryAfterMs ?? null,
});

describe("decideRetry", () => {
  test.each([429, 500, 502, 503, 504, 529])("retries a GET answered %i", (status) => {
    expect(decideRetry("GET", response(status), 1, DEFAULT_RETRY_OPTIONS).retry).toBe(true);
  });

  test.each([400, 401, 403, 404, 409, 422])("does not retry a GET answered %i", (status) => {
    expect(decideRetry("GET", response(status), 1, DEFAULT_RETRY_OPTIONS).retry).toBe(false);
  });

  test("never retries a DELETE, whatever happened", () => {
    for (const outcome of [
      response(503),
      response(429, { retryAfterMs: 1000 }),
      response(500, { shouldRetryHeader: "true" }),
      { kind: "network" as const, phase: "socket" },
    ]) {
      expect(decideRetry("DELETE", outcome, 1, DEFAULT_RETRY_OPTIONS).retry).toBe(false);
    }
  });

  test("honours x-should-retry: false on a 500 and never retries a 409 even when told to", () => {
    expect(decideRetry("GET", response(500, { shouldRetryHeader: "false" }), 1, DEFAULT_RETRY_OPTIONS).retry).toBe(false);
    expect(decideRetry("GET", response(409, { shouldRetryHeader: "true" }), 1, DEFAULT_RETRY_OPTIONS).retry).toBe(false);
  });

  test("waits exactly retry-after, and gives up at once when it is longer than the cap", () => {
    expect(decideRetry("GET", response(429, { retryAfterMs: 3000 }), 1, DEFAULT_RETRY_OPTIONS)).toEqual({ retry: true, delayMs: 3000 });
    expect(decideRetry("GET", response(429, { retryAfterMs: 3_600_000 }), 1, DEFAULT_RETRY_OPTIONS)).toEqual({ retry: false });
  });

  test("a retry-after of 1 s that keeps being answered backs off exponentially, as the remote sessions' second budget asks", () => {
    const delays = [1, 2, 3].map((attempt) => decideRetry("GET", response(429, { retryAfterMs: 1000 }), attempt, DEFAULT_RETRY_OPTIONS));
    expect(delays).toEqual([
      { retry: true, delayMs: 1000 },
      { retry: true, delayMs: 1000 },
      { retry: true, delayMs: 2000 },
    ]);
    const slower = { ...DEFAULT_RETRY_OPTIONS, baseDelayMs: 1000, maxAttempts: 10 };
    expect(decideRetry("GET", response(429, { retryAfterMs: 1000 }), 5, slower)).toEqual({ retry: true, delayMs: slower.maxDelayMs });
  });

  test("retries connection failures of a read but not a cancelled one", () => {
    expect(decideRetry("GET", { kind: "network", phase: "connect" }, 1, DEFAULT_RETRY_OPTIONS).retry).toBe(true);
    expect(decideRetry("GET", { kind: "network", phase: "aborted" }, 1, DEFAULT_RETRY_OPTIONS).retry).toBe(false);
  });

  test("backoff stays within its exponential bound and attempts never exceed the maximum", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (attempt, random) => {
        const decision = decideRetry("GET", response(503), attempt, DEFAULT_RETRY_OPTIONS, () => random);
        if (attempt >= DEFAULT_RETRY_OPTIONS.maxAttempts) {
          expect(decision.retry).toBe(false);
        } else {
          expect(decision.retry).toBe(true);
          const bound = Math.min(DEFAULT_RETRY_OPTIONS.maxDelayMs, DEFAULT_RETRY_OPTIONS.baseDelayMs * 2 ** (attempt - 1));
          expect(decision.retry && decision.delayMs).toBeLessThanOrEqual(bound);
        }
      }),
    );
  });
});

describe("parseRetryAfter", () => {
  test("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("25")).toBe(25_000);
    expect(parseRetryAfter("1.5")).toBe(1500);
    expect(parseRetryAfter("Tue, 21 Apr 2026 14:38:25 GMT", Date.parse("2026-04-21T14:38:02Z"))).toBe(23_000);
    expect(parseRetryAfter("soon")).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});
