import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "./errors";

export interface ReviewerLimits {
  /** Requests one person may make to Docket's routes per minute. */
  routeRequestsPerMinute: number;
  /** The share of the Compliance API's per-minute limit the requests made for one person may take. */
  apiShare: number;
}

type Usage = { count: number; window_start: Date; request_limit: number | null };

const people = new AsyncLocalStorage<{ userId: string; db: PrismaClient; limits: ReviewerLimits }>();

/** Runs a route's action as the person's: Compliance API requests made meanwhile count against their share. */
export function asReviewer<T>(context: { userId: string; db: PrismaClient; limits: ReviewerLimits }, action: () => Promise<T>): Promise<T> {
  return people.run(context, action);
}

function refusal(what: string, count: number, allowed: number, windowStart: Date, now: Date): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + 60_000 - now.getTime()) / 1000));
  return new AppError(
    "reviewer_rate_limited",
    `You have made ${count} ${what} this minute, and Docket allows one person ${allowed}, so others can work too. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`,
    { retryAfterSeconds },
  );
}

/**
 * Counts one request of a person to Docket's routes, in this minute's row (shared by every web
 * replica), and refuses it past the limit. A person's first request of a minute clears their rows of
 * earlier hours.
 */
export async function countRouteRequest(db: PrismaClient, userId: string, limits: ReviewerLimits, now = new Date()): Promise<void> {
  const [usage] = await db.$queryRaw<Usage[]>`
    INSERT INTO reviewer_usage (user_id, window_start, route_requests) VALUES (${userId}::uuid, date_trunc('minute', ${now}::timestamptz), 1)
    ON CONFLICT (user_id, window_start) DO UPDATE SET route_requests = reviewer_usage.route_requests + 1
    RETURNING route_requests AS count, window_start, NULL::int AS request_limit`;
  if (usage!.count === 1)
    await db.$executeRaw`DELETE FROM reviewer_usage WHERE user_id = ${userId}::uuid AND window_start < ${now}::timestamptz - interval '1 hour'`;
  if (usage!.count > limits.routeRequestsPerMinute) throw refusal("requests", usage!.count, limits.routeRequestsPerMinute, usage!.window_start, now);
}

/**
 * Counts one Compliance API request made for the person whose route is running (nothing outside a
 * route), and refuses it before it is sent once their share of the API's limit is used: fan-out reads
 * (a project's chats, a deletion's preparation) count every request they make.
 */
export async function countApiRequestForReviewer(now = new Date()): Promise<void> {
  const person = people.getStore();
  if (!person) return;
  const [usage] = await person.db.$queryRaw<Usage[]>`
    INSERT INTO reviewer_usage (user_id, window_start, api_requests) VALUES (${person.userId}::uuid, date_trunc('minute', ${now}::timestamptz), 1)
    ON CONFLICT (user_id, window_start) DO UPDATE SET api_requests = reviewer_usage.api_requests + 1
    RETURNING api_requests AS count, window_start, (SELECT request_limit FROM api_budget WHERE id = 'compliance_api') AS request_limit`;
  const allowed = Math.max(1, Math.floor((usage!.request_limit ?? DEFAULT_API_LIMIT) * person.limits.apiShare));
  if (usage!.count > allowed) throw refusal("Compliance API requests", usage!.count, allowed, usage!.window_start, now);
}

/** The documented per-minute limit, until the API has reported its own into the shared budget. */
const DEFAULT_API_LIMIT = 600;
