import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { RequestBudget } from "./transport";

/** The documented budget (600 requests a minute per parent organisation), until the API reports its own. */
export const DOCUMENTED_REQUESTS_PER_MINUTE = 600;
const WINDOW_MS = 60_000;
const BUDGET_ID = "compliance_api";
/** A waiting background request looks again at least this often: another process may have freed budget or been told a new limit. */
const RECHECK_MS = 1_000;

type Decision = { allowed: boolean; resets_at: Date; blocked_until: Date | null };

export interface SharedBudgetOptions {
  /** "interactive": a person waits for the answer; it never waits for budget. "background": the worker. */
  kind: "interactive" | "background";
  /** The share of each window kept for people (DOCKET_INTERACTIVE_RESERVE). */
  interactiveReserve: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

/**
 * The Compliance API's per-minute budget, shared by every Docket process through one PostgreSQL row:
 * each process counts its requests there, and every answer's anthropic-ratelimit-* headers re-size it
 * (the limit, when the window resets, and what is left, which also counts other tools of the
 * organisation). People come first: background work may use only what the reserve leaves of each
 * window and waits for the next one, while an interactive request is counted and sent at once. A 429
 * stops background work until its retry-after has passed.
 */
export function createSharedBudget(db: PrismaClient, options: SharedBudgetOptions): RequestBudget {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const backgroundShare = Math.max(0, Math.min(1, 1 - options.interactiveReserve));
  let rowExists: Promise<unknown> | null = null;

  /** Counts one request if the caller's share allows it now (one statement, under the row's lock); otherwise says how long to wait. */
  async function tryTake(): Promise<number> {
    const at = new Date(now());
    rowExists ??= db.$executeRaw`
      INSERT INTO api_budget (id, request_limit, used, window_resets_at, updated_at)
      VALUES (${BUDGET_ID}, ${DOCUMENTED_REQUESTS_PER_MINUTE}, 0, ${new Date(at.getTime() + WINDOW_MS)}, ${at})
      ON CONFLICT (id) DO NOTHING`;
    await rowExists;
    const [decision] = await db.$queryRaw<Decision[]>`
      WITH current AS (
        SELECT id, request_limit, blocked_until,
               CASE WHEN window_resets_at <= ${at} THEN 0 ELSE used END AS used,
               CASE WHEN window_resets_at <= ${at} THEN ${new Date(at.getTime() + WINDOW_MS)}::timestamptz ELSE window_resets_at END AS resets_at
          FROM api_budget WHERE id = ${BUDGET_ID} FOR UPDATE
      ), decision AS (
        SELECT *, (${options.kind} = 'interactive'
                   OR ((blocked_until IS NULL OR blocked_until <= ${at}) AND used < floor(request_limit * ${backgroundShare}::float8))) AS allowed
          FROM current
      )
      UPDATE api_budget SET used = decision.used + CASE WHEN decision.allowed THEN 1 ELSE 0 END,
                            window_resets_at = decision.resets_at, updated_at = ${at}
        FROM decision WHERE api_budget.id = decision.id
      RETURNING decision.allowed, decision.resets_at, decision.blocked_until`;
    if (!decision || decision.allowed) return 0;
    const until = decision.blocked_until && decision.blocked_until > at ? decision.blocked_until : decision.resets_at;
    return Math.max(1, until.getTime() - at.getTime());
  }

  const budget: RequestBudget = {
    async beforeRequest(signal) {
      for (;;) {
        const waitMs = await tryTake();
        if (waitMs === 0) return;
        await sleep(Math.min(Math.max(waitMs, 50), RECHECK_MS), signal);
      }
    },
    async afterResponse({ status, limit, remaining, resetsAt, retryAfterMs }) {
      const at = now();
      const reset = resetsAt === null ? null : new Date(resetsAt);
      const validReset = reset !== null && !Number.isNaN(reset.getTime()) && reset.getTime() > at ? reset : null;
      const blockedUntil = status === 429 ? new Date(at + (retryAfterMs ?? WINDOW_MS)) : null;
      if (limit === null && remaining === null && blockedUntil === null) return;
      // What the API says is used (limit - remaining) counts others' requests too: never lower than ours.
      await db.$executeRaw`
        UPDATE api_budget SET
          request_limit = COALESCE(${limit}::int, request_limit),
          window_resets_at = CASE WHEN ${validReset}::timestamptz IS NOT NULL THEN ${validReset}::timestamptz ELSE window_resets_at END,
          used = CASE WHEN ${remaining}::int IS NULL THEN used
                      ELSE GREATEST(CASE WHEN ${validReset}::timestamptz IS NOT NULL AND ${validReset}::timestamptz <> window_resets_at THEN 0 ELSE used END,
                                    COALESCE(${limit}::int, request_limit) - ${remaining}::int) END,
          blocked_until = CASE WHEN ${blockedUntil}::timestamptz IS NOT NULL THEN GREATEST(COALESCE(blocked_until, ${blockedUntil}::timestamptz), ${blockedUntil}::timestamptz) ELSE blocked_until END,
          updated_at = ${new Date(at)}
        WHERE id = ${BUDGET_ID}`;
    },
  };
  if (options.kind === "background") return budget;
  // A person's read neither waits for the count nor fails with it: the count is what the worker needs
  // to leave room, and the API itself is the judge of its budget, its 429 reaching the reviewer.
  return {
    beforeRequest(signal) {
      budget.beforeRequest(signal).catch((error: unknown) => console.warn("[budget] not counted:", error));
      return Promise.resolve();
    },
    afterResponse(report) {
      budget.afterResponse(report).catch((error: unknown) => console.warn("[budget] answer not recorded:", error));
      return Promise.resolve();
    },
  };
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason as Error);
      },
      { once: true },
    );
  });
}
