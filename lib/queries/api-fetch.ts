import type { z } from "zod";
import { ErrorEnvelope } from "@/lib/schemas/api-error";
import { readApiBudget, type ApiBudget } from "@/lib/schemas/api-budget";
import { publishApiBudget } from "./api-budget-store";

/** An error answered by Docket's API, with what a reviewer needs to report it and what the page acts on. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null,
    readonly upstreamRequestId: string | null,
    /** Seconds the server asked to wait before trying again, when it said. */
    readonly retryAfterSeconds: number | null = null,
    /** The envelope's `details`: the holds blocking a deletion, the request already open, … */
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

/** The code Docket's routes answer when the organisation's Compliance API budget is used up. */
const UPSTREAM_RATE_LIMITED = "upstream_rate_limited";

export interface ApiFetchOptions {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * The one way the browser calls Docket's own JSON routes, reads and mutations alike: the answer is
 * parsed with `schema`, a refusal throws an ApiRequestError (never resolves empty), and every answer's
 * news of the Compliance API budget is published for the page.
 */
export async function apiFetch<S extends z.ZodType>(url: string, schema: S, { method = "GET", body, signal }: ApiFetchOptions = {}): Promise<z.output<S>> {
  const response = await fetch(url, {
    method,
    signal,
    cache: "no-store",
    headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => null)) as unknown;
  const budget = readApiBudget(response.headers);
  if (budget) publishApiBudget(budget);
  if (!response.ok) {
    const error = apiRequestErrorOf(response, answer);
    const usedUp = budgetUsedUpBy(error.code, error.retryAfterSeconds, budget?.limit ?? 0, new Date());
    if (usedUp) publishApiBudget(usedUp);
    throw error;
  }
  return schema.parse(answer);
}

/** The budget a refusal says is used up (and when it comes back), or null for any other refusal. */
export function budgetUsedUpBy(code: string, retryAfterSeconds: number | null, limit: number, now: Date): ApiBudget | null {
  if (code !== UPSTREAM_RATE_LIMITED) return null;
  return { remaining: 0, limit, resetsAt: retryAfterSeconds ? new Date(now.getTime() + retryAfterSeconds * 1000).toISOString() : null };
}

/** A refusal from one of Docket's routes, from its error envelope; a body that is none still gives its status. */
export function apiRequestErrorOf(response: Response, body: unknown): ApiRequestError {
  const envelope = ErrorEnvelope.safeParse(body);
  const error = envelope.success ? envelope.data.error : null;
  const retryAfter = Number(response.headers.get("retry-after"));
  return new ApiRequestError(
    response.status,
    error?.code ?? "http_error",
    error?.message ?? `The request failed with status ${response.status}.`,
    error?.requestId ?? response.headers.get("x-request-id"),
    error?.upstreamRequestId ?? null,
    Number.isInteger(retryAfter) && retryAfter > 0 ? retryAfter : null,
    error?.details,
  );
}
