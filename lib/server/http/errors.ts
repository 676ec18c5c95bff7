import "server-only";
import type { ErrorEnvelope } from "@/lib/schemas/api-error";
import { InvalidCheckpointFileError } from "@/lib/server/audit/checkpoint";
import { AuditWriteError } from "@/lib/server/audit/record-audit-event";
import { toReviewerFacingError } from "@/lib/server/compliance/reviewer-messages";
import { DocketError } from "@/lib/server/docket-error";

/** Errors a route can raise on purpose, by code; the status and the reviewer's message come from the table. */
const APP_ERRORS = {
  unauthenticated: [401, "Sign in to continue."],
  no_role: [403, "Your account has no Docket role. Ask your administrator to add you to a Docket group."],
  forbidden: [403, "Your role does not allow this."],
  reviewer_rate_limited: [429, "You have made too many requests this minute. Try again shortly."],
  reauth_required: [401, "This step cannot be undone, so it needs a recent sign-in: sign in again to confirm it is you, then repeat it."],
  bad_origin: [403, "This request did not come from Docket's own pages, so it was refused."],
  invalid_request: [400, "The request is not valid."],
  payload_too_large: [413, "The request body is too large: Docket's forms send at most 64 KiB."],
  not_found: [404, "There is nothing here."],
  audit_unavailable: [503, "The audit log could not be written, so nothing was done or shown. Try again shortly."],
  delete_unavailable: [
    403,
    "Docket's delete key cannot delete (the worker has none, or it lacks the delete:compliance_user_data scope), so nothing was deleted.",
  ],
  legal_hold: [409, "An active legal hold covers this object, so it cannot be deleted."],
  confirmation_invalid: [400, "The confirmation is missing, expired or was made for something else. Open the delete dialog again."],
  confirmation_mismatch: [400, "The typed confirmation is neither the object's name nor its id."],
  idempotency_conflict: [422, "This confirmation was already used for a different deletion request. Open the delete dialog again."],
  deletion_open: [409, "A deletion request for this object is already open."],
  own_request: [403, "You made this deletion request, so another person must approve or reject it."],
  not_requester: [403, "Only the person who made this deletion request may cancel it."],
  deletion_state: [409, "This deletion request is not in a state that allows this."],
  deletion_expired: [409, "This deletion request has expired. Make a new one if the object must still be deleted."],
  hold_released: [409, "This legal hold was already released."],
  collection_state: [409, "This collection is not in a state that allows this."],
  outcome_unrecorded: [
    503,
    "The DELETE was sent, but its outcome could not be recorded. Nothing is reported as deleted until Docket's reconciler has read the object back.",
  ],
  checkpoint_unreadable: [
    409,
    "The signed checkpoint kept outside the database is unreadable or was altered, so the log cannot be verified against it. Treat the log as unverified and investigate.",
  ],
  internal: [500, "Docket failed unexpectedly. The error was logged with the request id."],
} as const;

export type AppErrorCode = keyof typeof APP_ERRORS;

export class AppError extends DocketError {
  static override readonly brand: string = "AppError";
  constructor(
    readonly code: AppErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? APP_ERRORS[code][1]);
    this.name = "AppError";
  }
}

/** The one mapping from any failure to what the browser receives. Unknown errors never reach it as text. */
export function toErrorResponse(error: unknown, requestId: string): Response {
  const headers = new Headers({ "cache-control": "no-store", "content-type": "application/json" });
  // Fail closed: whatever the request was for is neither done nor shown without its audit row.
  if (error instanceof AuditWriteError) {
    console.error(`[${requestId}] audit write failed: ${error.message}`);
    return toErrorResponse(new AppError("audit_unavailable"), requestId);
  }
  if (error instanceof InvalidCheckpointFileError) {
    console.error(`[${requestId}] ${error.message}`);
    return toErrorResponse(new AppError("checkpoint_unreadable"), requestId);
  }
  if (error instanceof AppError) {
    const retryAfter = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (typeof retryAfter === "number") headers.set("retry-after", String(retryAfter));
    return Response.json(
      { error: { code: error.code, message: error.message, requestId, upstreamRequestId: null, details: error.details } } satisfies ErrorEnvelope,
      {
        status: APP_ERRORS[error.code][0],
        headers,
      },
    );
  }
  const upstream = toReviewerFacingError(error);
  if (upstream) {
    if (upstream.retryAfterSeconds !== null) headers.set("retry-after", String(upstream.retryAfterSeconds));
    return Response.json(
      { error: { code: upstream.code, message: upstream.message, requestId, upstreamRequestId: upstream.upstreamRequestId } } satisfies ErrorEnvelope,
      { status: upstream.status, headers },
    );
  }
  console.error(`[${requestId}] unhandled error`, error);
  return Response.json({ error: { code: "internal", message: APP_ERRORS.internal[1], requestId, upstreamRequestId: null } } satisfies ErrorEnvelope, {
    status: 500,
    headers,
  });
}
