import "server-only";
import type { Readable } from "node:stream";
import { Agent, request, type Dispatcher } from "undici";
import type { z } from "zod";
import type { ApiBudget } from "@/lib/schemas/api-budget";
import { DocketError } from "@/lib/server/docket-error";
import { ComplianceApiError, ComplianceNetworkError, ComplianceResponseError, type ComplianceError } from "./errors";
import { decideRetry, parseRetryAfter, type AttemptOutcome, type RetryOptions } from "./retry-policy";

export interface Timeouts {
  connectMs: number;
  /** From sending the request to receiving the response headers. */
  headersMs: number;
  /** The longest pause between two chunks of a body. */
  bodyIdleMs: number;
  /** The whole JSON call, retries and waits included. Downloads have no total: they may be large. */
  totalMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 5_000, headersMs: 30_000, bodyIdleMs: 30_000, totalMs: 60_000 };

export interface RateLimitState {
  limit: number | null;
  remaining: number | null;
  resetsAt: string | null;
  observedAt: string;
}

/** The budget an upstream answer reported, when it said both how much is left and of what. */
export function knownApiBudget(state: RateLimitState | null): ApiBudget | null {
  if (state?.remaining == null || state.limit == null) return null;
  return { remaining: state.remaining, limit: state.limit, resetsAt: state.resetsAt };
}

/** What an answer said of the budget, for a budget shared with other processes. */
export interface BudgetReport {
  status: number;
  limit: number | null;
  remaining: number | null;
  resetsAt: string | null;
  retryAfterMs: number | null;
}

/** A rate budget consulted before every request (retries included) and told what every answer said of it. */
export interface RequestBudget {
  beforeRequest(signal?: AbortSignal): Promise<void>;
  afterResponse(report: BudgetReport): Promise<void>;
}

/** One request as it was sent and answered, for Docket's record of its own use of the API. */
export interface ApiCallRecord {
  method: "GET" | "DELETE";
  /** Path and query, without the origin. */
  path: string;
  startedAt: Date;
  durationMs: number;
  /** Null when no answer came. */
  status: number | null;
  requestId: string | null;
}

/** Told of every request the transport sends, retries included; must not throw or block. */
export type ApiCallLog = (call: ApiCallRecord) => void;

export interface TransportOptions {
  origin: URL;
  apiKey: string;
  retry: RetryOptions;
  timeouts: Timeouts;
  /** JSON bodies larger than this are refused rather than buffered. */
  maxJsonBytes: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  budget?: RequestBudget;
  callLog?: ApiCallLog;
}

export interface StreamResponse {
  status: number;
  headers: Record<string, string>;
  body: Readable;
  requestId: string | null;
}

const ANTHROPIC_VERSION = "2023-06-01";

/**
 * The one place that sends requests to the Compliance API, and the only holder of the key.
 * The key goes into one outgoing header and nowhere else: errors are built from status codes and
 * upstream error bodies, never from our request.
 */
export class ComplianceTransport {
  readonly #origin: URL;
  readonly #apiKey: string;
  readonly #dispatcher: Dispatcher;
  readonly #options: TransportOptions;
  #rateLimit: RateLimitState | null = null;
  #requestsSent = 0;

  constructor(options: TransportOptions) {
    this.#origin = options.origin;
    this.#apiKey = options.apiKey;
    this.#options = options;
    this.#dispatcher = new Agent({
      connect: { timeout: options.timeouts.connectMs },
      headersTimeout: options.timeouts.headersMs,
      bodyTimeout: options.timeouts.bodyIdleMs,
      keepAliveTimeout: 10_000,
    });
  }

  /** Requests sent by this transport, retries included: what a collection reports as used. */
  get requestsSent(): number {
    return this.#requestsSent;
  }

  /** The rate-limit headers of the last response that carried them. */
  get rateLimit(): RateLimitState | null {
    return this.#rateLimit;
  }

  async requestJson<S extends z.ZodType>(
    method: "GET" | "DELETE",
    url: URL,
    schema: S,
    signal?: AbortSignal,
  ): Promise<{ data: z.output<S>; raw: unknown; requestId: string | null }> {
    const deadline = AbortSignal.timeout(this.#options.timeouts.totalMs);
    const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
    // A read whose body breaks off is retried whole, like one that failed before its headers.
    const { text, requestId } = await this.#withRetries(method, combined, async () => {
      const response = await this.#sendOnce(method, url, "application/json", combined, signal);
      return { text: await this.#readText(response, combined, signal), requestId: response.requestId };
    });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ComplianceResponseError("The Compliance API returned a response that is not JSON.", requestId);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? issue.path.join(".") || "(root)" : "(root)";
      throw new ComplianceResponseError(
        `The Compliance API returned a response Docket does not understand (at ${where}: ${issue?.message ?? "invalid"}).`,
        requestId,
      );
    }
    return { data: parsed.data, raw: json, requestId };
  }

  /** Opens a download: the body is returned unread, so memory stays constant whatever its size. */
  async openStream(url: URL, signal?: AbortSignal): Promise<StreamResponse> {
    return this.#withRetries("GET", signal, () => this.#sendOnce("GET", url, "*/*", signal, signal));
  }

  async #withRetries<T>(method: "GET" | "DELETE", signal: AbortSignal | undefined, attemptOnce: () => Promise<T>): Promise<T> {
    const sleep = this.#options.sleep ?? abortableSleep;
    for (let attempt = 1; ; attempt++) {
      try {
        return await attemptOnce();
      } catch (error) {
        if (!(error instanceof FailedAttempt)) throw error;
        const decision = decideRetry(method, error.outcome, attempt, this.#options.retry, this.#options.random);
        if (!decision.retry) throw error.error;
        try {
          await sleep(decision.delayMs, signal);
        } catch {
          throw error.error;
        }
      }
    }
  }

  async #sendOnce(
    method: "GET" | "DELETE",
    url: URL,
    accept: string,
    signal: AbortSignal | undefined,
    callerSignal: AbortSignal | undefined,
  ): Promise<StreamResponse> {
    if (url.origin !== this.#origin.origin || !url.pathname.startsWith("/v1/compliance/")) {
      throw new ComplianceResponseError("Refused to send the access key outside the Compliance API.", null);
    }
    await this.#options.budget?.beforeRequest(signal);
    this.#requestsSent++;
    const startedAt = new Date();
    const logCall = (status: number | null, requestId: string | null) =>
      this.#options.callLog?.({ method, path: url.pathname + url.search, startedAt, durationMs: Date.now() - startedAt.getTime(), status, requestId });
    let response: Dispatcher.ResponseData;
    try {
      response = await request(url, {
        method,
        dispatcher: this.#dispatcher,
        signal,
        headers: {
          "x-api-key": this.#apiKey,
          "anthropic-version": ANTHROPIC_VERSION,
          accept,
          // Undecoded bytes, so Content-MD5 and Content-Length describe exactly what we pass on.
          "accept-encoding": "identity",
          "user-agent": "docket",
        },
      });
    } catch (error) {
      logCall(null, null);
      throw networkFailure(error, callerSignal);
    }
    const headers = flattenHeaders(response.headers);
    const requestId = headers["request-id"] ?? null;
    logCall(response.statusCode, requestId);
    const rateLimit = this.#recordRateLimit(headers);
    const retryAfterMs = parseRetryAfter(headers["retry-after"] ?? null);
    await this.#options.budget?.afterResponse({
      status: response.statusCode,
      limit: rateLimit?.limit ?? null,
      remaining: rateLimit?.remaining ?? null,
      resetsAt: rateLimit?.resetsAt ?? null,
      retryAfterMs,
    });
    if (response.statusCode >= 200 && response.statusCode < 300) {
      return { status: response.statusCode, headers, body: response.body, requestId };
    }
    const apiError = await toApiError(response.statusCode, response.body, requestId, retryAfterMs);
    throw new FailedAttempt(apiError, {
      kind: "response",
      status: response.statusCode,
      shouldRetryHeader: headers["x-should-retry"] ?? null,
      retryAfterMs,
    });
  }

  async #readText(response: StreamResponse, signal: AbortSignal, callerSignal: AbortSignal | undefined): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of response.body) {
        size += (chunk as Buffer).length;
        if (size > this.#options.maxJsonBytes) {
          response.body.destroy();
          throw new ComplianceResponseError(
            `The Compliance API response is larger than ${this.#options.maxJsonBytes} bytes; request a smaller page.`,
            response.requestId,
          );
        }
        chunks.push(chunk as Buffer);
        if (signal.aborted) throw signal.reason;
      }
    } catch (error) {
      if (error instanceof ComplianceResponseError) throw error;
      throw networkFailure(error, callerSignal);
    }
    return Buffer.concat(chunks).toString("utf8");
  }

  #recordRateLimit(headers: Record<string, string>): RateLimitState | null {
    const limit = headers["anthropic-ratelimit-requests-limit"];
    const remaining = headers["anthropic-ratelimit-requests-remaining"];
    if (limit === undefined && remaining === undefined) return null;
    const toNumber = (value: string | undefined) => (value !== undefined && /^\d+$/.test(value) ? Number(value) : null);
    this.#rateLimit = {
      limit: toNumber(limit),
      remaining: toNumber(remaining),
      resetsAt: headers["anthropic-ratelimit-requests-reset"] ?? null,
      observedAt: new Date().toISOString(),
    };
    return this.#rateLimit;
  }

  async close(): Promise<void> {
    await this.#dispatcher.close();
  }
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

const FALLBACK_MESSAGES: Record<number, [string, string]> = {
  400: ["invalid_request_error", "The Compliance API refused the request."],
  401: ["authentication_error", "The Compliance API did not accept the access key."],
  403: ["permission_error", "The access key lacks the scope this request needs."],
  404: ["not_found_error", "The Compliance API has no such object."],
  409: ["conflict_error", "The request conflicts with the object's current state."],
  429: ["rate_limit_error", "The Compliance API rate limit was exceeded."],
  529: ["overloaded_error", "The Compliance API is overloaded."],
};

async function toApiError(status: number, body: Readable, requestId: string | null, retryAfterMs: number | null): Promise<ComplianceApiError> {
  let type: string | undefined;
  let message: string | undefined;
  try {
    const text = await readCapped(body, 65_536);
    const parsed = JSON.parse(text) as { error?: { type?: unknown; message?: unknown } };
    if (typeof parsed.error?.type === "string") type = parsed.error.type;
    if (typeof parsed.error?.message === "string") message = parsed.error.message;
  } catch {
    // A non-JSON error body (a proxy's HTML page, say) is not shown: the status says enough.
  }
  const [fallbackType, fallbackMessage] = FALLBACK_MESSAGES[status] ?? [
    "api_error",
    status >= 500 ? "The Compliance API had an internal error." : `The Compliance API answered with status ${status}.`,
  ];
  if (status >= 300 && status < 400) {
    return new ComplianceApiError(status, "api_error", "The Compliance API answered with a redirect, which Docket does not follow.", requestId);
  }
  return new ComplianceApiError(
    status,
    type ?? fallbackType,
    message ?? fallbackMessage,
    requestId,
    retryAfterMs === null ? null : Math.ceil(retryAfterMs / 1000),
  );
}

async function readCapped(body: Readable, cap: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > cap) {
      body.destroy();
      break;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const NETWORK_PHASES: Record<string, ComplianceNetworkError["phase"]> = {
  UND_ERR_CONNECT_TIMEOUT: "connect",
  ECONNREFUSED: "connect",
  ENOTFOUND: "connect",
  EAI_AGAIN: "connect",
  UND_ERR_HEADERS_TIMEOUT: "headers",
  UND_ERR_BODY_TIMEOUT: "body",
  UND_ERR_SOCKET: "socket",
  ECONNRESET: "socket",
  EPIPE: "socket",
};

const PHASE_MESSAGES: Record<ComplianceNetworkError["phase"], string> = {
  connect: "Docket could not connect to the Compliance API.",
  headers: "The Compliance API did not answer in time.",
  body: "The Compliance API stopped sending data before the response was complete.",
  socket: "The connection to the Compliance API was interrupted.",
  aborted: "The request to the Compliance API was cancelled.",
};

/** One attempt failed; the outcome says whether another may be made. */
class FailedAttempt extends DocketError {
  static override readonly brand: string = "FailedAttempt";
  constructor(
    readonly error: ComplianceError,
    readonly outcome: AttemptOutcome,
  ) {
    super(error.message);
  }
}

function networkFailure(error: unknown, callerSignal: AbortSignal | undefined): FailedAttempt {
  const networkError = toNetworkError(error, callerSignal);
  return new FailedAttempt(networkError, { kind: "network", phase: networkError.phase });
}

function toNetworkError(error: unknown, callerSignal: AbortSignal | undefined): ComplianceNetworkError {
  if (error instanceof ComplianceNetworkError) return error;
  if (callerSignal?.aborted) return new ComplianceNetworkError("aborted", PHASE_MESSAGES.aborted, null);
  const code = typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : null;
  const name = error instanceof Error ? error.name : "";
  // Our own total deadline fired (AbortSignal.timeout): report it as a slow answer.
  const phase = code !== null ? (NETWORK_PHASES[code] ?? "socket") : name === "TimeoutError" || name === "AbortError" ? "headers" : "socket";
  return new ComplianceNetworkError(phase, PHASE_MESSAGES[phase], code);
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
