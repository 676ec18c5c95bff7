import type { z } from "zod";

/** An error answered by Docket's API, with what a reviewer needs to report it. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null,
    readonly upstreamRequestId: string | null,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

type ErrorEnvelope = { error?: { code?: string; message?: string; requestId?: string; upstreamRequestId?: string | null } };

/** Fetches one of Docket's own JSON routes and parses the answer; failures throw, never resolve empty. */
export async function apiFetch<S extends z.ZodType>(url: string, schema: S, init?: RequestInit): Promise<z.output<S>> {
  const response = await fetch(url, { ...init, headers: { accept: "application/json", ...init?.headers }, cache: "no-store" });
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = (body as ErrorEnvelope | null)?.error;
    throw new ApiRequestError(
      response.status,
      error?.code ?? "http_error",
      error?.message ?? `The request failed with status ${response.status}.`,
      error?.requestId ?? response.headers.get("x-request-id"),
      error?.upstreamRequestId ?? null,
    );
  }
  return schema.parse(body);
}
