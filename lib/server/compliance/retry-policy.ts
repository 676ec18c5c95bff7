import "server-only";

export interface RetryOptions {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A longer retry-after is not waited for: the caller gets the 429 and its retry-after at once. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 20_000 };

export type AttemptOutcome =
  { kind: "response"; status: number; shouldRetryHeader: string | null; retryAfterMs: number | null } | { kind: "network"; phase: string };

export type RetryDecision = { retry: false } | { retry: true; delayMs: number };

/** Statuses the Compliance errors page documents as transient. 409 is never here: it is a state conflict. */
const TRANSIENT_STATUSES = new Set([408, 429, 500, 502, 503, 504, 529]);

/**
 * Whether to try a request again, and after how long. Only reads are retried: a DELETE that timed out
 * may have happened, and only a read-back can tell (the deletion reconciler's job, not the transport's).
 */
export function decideRetry(
  method: string,
  outcome: AttemptOutcome,
  attempt: number,
  options: RetryOptions,
  random: () => number = Math.random,
): RetryDecision {
  if (method !== "GET" || attempt >= options.maxAttempts) return { retry: false };
  const backoff = () => Math.floor(random() * Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1)));

  if (outcome.kind === "network") return outcome.phase === "aborted" ? { retry: false } : { retry: true, delayMs: backoff() };

  if (outcome.status === 409) return { retry: false };
  if (outcome.shouldRetryHeader === "false") return { retry: false };
  const transient = TRANSIENT_STATUSES.has(outcome.status) || outcome.shouldRetryHeader === "true";
  if (!transient) return { retry: false };
  if (outcome.retryAfterMs !== null) {
    if (outcome.retryAfterMs > options.maxRetryAfterMs) return { retry: false };
    // The remote session endpoints' second budget always says 1 s, a minimum: a repeated refusal backs off.
    const repeatedBackoff = attempt > 1 ? Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1)) : 0;
    return { retry: true, delayMs: Math.max(outcome.retryAfterMs, repeatedBackoff) };
  }
  return { retry: true, delayMs: backoff() };
}

/** retry-after is seconds (possibly fractional) or an HTTP date. Returns null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === "") return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
