import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { Permission } from "@/lib/schemas/access";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { decideAccess, sessionCookieName } from "@/lib/server/auth/guard";
import { auditActorOf, type Actor } from "@/lib/server/auth/session-store";
import { getDb } from "@/lib/server/db";
import { getServerEnv } from "@/lib/server/env";
import { AppError, toErrorResponse } from "./errors";
import { requestMetadata, type RequestMetadata } from "./request-metadata";
import { asReviewer, countRouteRequest } from "./reviewer-limits";
import { ROUTE_POLICY } from "./security-headers";

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Request bodies are small forms (ids, reasons, comments); anything larger is refused unread. */
const MAX_BODY_BYTES = 64 * 1024;

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  /** "signed_in": anyone with a Docket role (a preference of their own, say). */
  permission: Permission | "signed_in";
  params?: P;
  query?: Q;
  /** A JSON body, for mutations. */
  body?: B;
  /**
   * An irreversible step: the person must have signed in at the IdP within DOCKET_STEP_UP_MINUTES
   * (a function: when only some configurations make it irreversible).
   */
  recentSignIn?: true | (() => boolean);
}

export interface RouteInput<P, Q, B> {
  actor: Actor;
  params: P;
  query: Q;
  body: B;
  request: NextRequest;
  metadata: RequestMetadata;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * Every route handler is this: authenticate, authorise (deny by default), check the Origin of a
 * mutation, validate params and query with zod, run the action, and map any failure through one table.
 * Responses are never cached: they are one reviewer's view.
 */
export function defineRoute<P extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined>(
  spec: RouteSpec<P, Q, B>,
  action: (input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>) => Promise<Response>,
) {
  return async (request: NextRequest, context: RouteContext): Promise<Response> => {
    const metadata = requestMetadata(request.headers);
    try {
      if (MUTATING.has(request.method)) assertSameOrigin(request);
      else assertNotCrossSite(request);
      const decision = await decideAccess(request.cookies.get(sessionCookieName())?.value, spec.permission);
      if (decision.kind === "anonymous") throw new AppError("unauthenticated");
      if (decision.kind !== "allowed") {
        await recordAuditEvent(getDb(), {
          actor: auditActorOf(decision.actor),
          action: "access.denied",
          target: { type: "route", id: `${request.method} ${request.nextUrl.pathname}` },
          params: { permission: spec.permission },
          outcome: "denied",
          ...metadata,
        });
        throw new AppError(decision.kind === "no_role" ? "no_role" : "forbidden");
      }
      if (spec.recentSignIn === true || spec.recentSignIn?.()) await requireRecentSignIn(decision.actor, request, metadata);
      const env = getServerEnv();
      const limits = { routeRequestsPerMinute: env.DOCKET_REVIEWER_REQUESTS_PER_MINUTE, apiShare: env.DOCKET_REVIEWER_API_SHARE };
      await countRouteRequest(getDb(), decision.actor.userId, limits);
      const params = parseOrThrow(spec.params, await context.params, "path");
      const query = parseOrThrow(spec.query, singleValuedQuery(request.nextUrl.searchParams), "query");
      const body = spec.body ? parseOrThrow(spec.body, await readJsonBody(request), "body") : (undefined as z.output<B>);
      const response = await asReviewer({ userId: decision.actor.userId, db: getDb(), limits }, () =>
        action({ actor: decision.actor, params, query, body, request, metadata }),
      );
      response.headers.set("cache-control", "no-store");
      response.headers.set("x-request-id", metadata.requestId);
      return withRoutePolicy(response);
    } catch (error) {
      return withRoutePolicy(toErrorResponse(error, metadata.requestId));
    }
  };
}

/**
 * Step-up before the irreversible: a session may be hours old, and a cookie left on an unlocked
 * machine should not approve a deletion. Refused (and audited) unless the IdP authenticated the
 * person within DOCKET_STEP_UP_MINUTES; the page then sends them to sign in again.
 */
async function requireRecentSignIn(actor: Actor, request: NextRequest, metadata: RequestMetadata): Promise<void> {
  const maxAgeSeconds = getServerEnv().DOCKET_STEP_UP_MINUTES * 60;
  const ageSeconds = Math.floor((Date.now() - actor.authenticatedAt.getTime()) / 1000);
  if (ageSeconds <= maxAgeSeconds) return;
  await recordAuditEvent(getDb(), {
    actor: auditActorOf(actor),
    action: "access.denied",
    target: { type: "route", id: `${request.method} ${request.nextUrl.pathname}` },
    params: { reason: "step_up", signedInSecondsAgo: ageSeconds, maxAgeSeconds },
    outcome: "denied",
    ...metadata,
  });
  throw new AppError("reauth_required", undefined, { maxAgeSeconds });
}

/** A handler serving content sets a stricter policy of its own (a CSP sandbox); the rest get ROUTE_POLICY. */
function withRoutePolicy(response: Response): Response {
  if (!response.headers.has("content-security-policy")) response.headers.set("content-security-policy", ROUTE_POLICY);
  return response;
}

/** A key given twice (`?after=a&after=b`) would leave which one counts to the parser: it is refused instead. */
function singleValuedQuery(searchParams: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of searchParams) {
    if (Object.hasOwn(query, key)) throw new AppError("invalid_request", `Invalid query parameter: ${key} is given more than once.`);
    query[key] = value;
  }
  return query;
}

function parseOrThrow<S extends z.ZodType>(schema: S | undefined, value: unknown, where: string): z.output<S> {
  if (!schema) return undefined as z.output<S>;
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError(
      "invalid_request",
      `Invalid ${where} parameter: ${result.error.issues.map((issue) => `${issue.path.join(".") || where} ${issue.message}`).join("; ")}`,
    );
  }
  return result.data;
}

async function readJsonBody(request: NextRequest): Promise<unknown> {
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
    throw new AppError("invalid_request", "Send the request body as JSON (Content-Type: application/json).");
  }
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw new AppError("payload_too_large");
  const text = await readCappedText(request.body, MAX_BODY_BYTES);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("invalid_request", "The request body is not valid JSON.");
  }
}

/**
 * The body as UTF-8 text, read chunk by chunk and abandoned as soon as it passes `maxBytes`: a body
 * sent without a length (chunked) cannot make Docket hold more than the cap plus one chunk.
 */
export async function readCappedText(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<string> {
  if (!body) return "";
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AppError("payload_too_large");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size).toString("utf8");
}

/** Mutations must come from Docket's own origin: a missing or foreign Origin is refused. */
function assertSameOrigin(request: NextRequest): void {
  const expected = new URL(getServerEnv().NEXTAUTH_URL).origin;
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  if (origin !== expected || (fetchSite !== null && fetchSite !== "same-origin")) throw new AppError("bad_origin");
}

/**
 * A read another site started (a link, an image, a form it made the browser send) is refused before it
 * is authenticated, so no other site can plant a "download" or a "view" in a reviewer's audit trail.
 * A link opened from outside any page (a bookmark, an email) says `none`, and is served.
 */
function assertNotCrossSite(request: NextRequest): void {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite === "cross-site" || fetchSite === "same-site") throw new AppError("bad_origin");
}

/** Request parameters as the audit log records them: the ones given, nothing undefined. */
export function givenParams(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}
