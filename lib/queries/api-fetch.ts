import type { z } from "zod";
import { readApiBudget, type ApiBudget } from "@/lib/schemas/api-budget";
import { publishApiBudget } from "./api-budget-store";

/** An error answered by Docket's API, with what a reviewer needs to report it. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null,
    readonly upstreamRequestId: string | null,
    /** Seconds the server asked to wait before trying again, when it said. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

/** The code Docket's routes answer when the organisation's Compliance API budget is used up. */
const UPSTREAM_RATE_LIMITED = "upstream_rate_limited";

type ErrorEnvelope = { error?: { code?: string; message?: string; requestId?: string; upstreamRequestId?: string | null } };

/** Fetches one of Docket's own JSON routes and parses the answer; failures throw, never resolve empty. */
export async function apiFetch<S extends z.ZodType>(url: string, schema: S, init?: RequestInit): Promise<z.output<S>> {
  const response = await fetch(url, { ...init, headers: { accept: "application/json", ...init?.headers }, cache: "no-store" });
  const body = (await response.json().catch(() => null)) as unknown;
  const budget = readApiBudget(response.headers);
  if (budget) publishApiBudget(budget);
  if (!response.ok) {
    const error = toApiRequestError(response, body);
    const usedUp = budgetUsedUpBy(error.code, error.retryAfterSeconds, budget?.limit ?? 0, new Date());
    if (usedUp) publishApiBudget(usedUp);
    throw error;
  }
  return schema.parse(body);
}

/** The budget a refusal says is used up (and when it comes back), or null for any other refusal. */
export function budgetUsedUpBy(code: string, retryAfterSeconds: number | null, limit: number, now: Date): ApiBudget | null {
  if (code !== UPSTREAM_RATE_LIMITED) return null;
  return { remaining: 0, limit, resetsAt: retryAfterSeconds ? new Date(now.getTime() + retryAfterSeconds * 1000).toISOString() : null };
}

/** A refusal from one of Docket's routes, from its error envelope (see lib/server/http/errors.ts). */
export function toApiRequestError(response: Response, body: unknown): ApiRequestError {
  const error = (body as ErrorEnvelope | null)?.error;
  const retryAfter = Number(response.headers.get("retry-after"));
  return new ApiRequestError(
    response.status,
    error?.code ?? "http_error",
    error?.message ?? `The request failed with status ${response.status}.`,
    error?.requestId ?? response.headers.get("x-request-id"),
    error?.upstreamRequestId ?? null,
    Number.isInteger(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}
