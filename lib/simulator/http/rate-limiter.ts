// The shared budget of the parent organisation: every key draws from one counter.
//
// Window: fixed 60-second windows. A window opens (aligned down to the whole second) with the
// first counted request after the previous one ended, and resets at open + 60 s. The reset time
// is therefore a whole second, like the docs example header.

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetMs: number;
}

const WINDOW_MS = 60_000;

/**
 * The remote session endpoints' second budget, on top of the shared one. Its size is undocumented;
 * this one lets a reviewer page through sessions and a collection feel it.
 */
export const REMOTE_SESSION_LIMIT_PER_MINUTE = 120;

export class RateLimiter {
  private windowStart = -Infinity;
  private used = 0;

  constructor(
    readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request if budget is left. */
  take(): RateDecision {
    const now = this.now();
    if (now >= this.windowStart + WINDOW_MS) {
      this.windowStart = Math.floor(now / 1000) * 1000;
      this.used = 0;
    }
    const resetMs = this.windowStart + WINDOW_MS;
    if (this.used >= this.limit) return { allowed: false, limit: this.limit, remaining: 0, resetMs };
    this.used++;
    return { allowed: true, limit: this.limit, remaining: this.limit - this.used, resetMs };
  }

  /** Seconds a client must wait: ceil(time to reset), at least 1. */
  retryAfterSeconds(resetMs: number): number {
    return Math.max(1, Math.ceil((resetMs - this.now()) / 1000));
  }

  reset(): void {
    this.windowStart = -Infinity;
    this.used = 0;
  }
}

export function rateLimitHeaders(d: RateDecision): Record<string, string> {
  return {
    "anthropic-ratelimit-requests-limit": String(d.limit),
    "anthropic-ratelimit-requests-remaining": String(d.remaining),
    "anthropic-ratelimit-requests-reset": new Date(d.resetMs).toISOString().replace(/\.\d{3}Z$/, "Z"),
  };
}
