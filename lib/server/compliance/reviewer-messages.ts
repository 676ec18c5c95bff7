import "server-only";
import {
  ComplianceApiError,
  ComplianceError,
  ComplianceNetworkError,
  CompliancePaginationError,
  ComplianceRequestValidationError,
  ComplianceResponseError,
} from "./errors";

export interface ReviewerFacingError {
  /** The status Docket answers with (429 for a used-up budget, 502/504 for other upstream trouble, never the upstream's 401). */
  status: number;
  code: string;
  message: string;
  upstreamRequestId: string | null;
  retryAfterSeconds: number | null;
}

/**
 * The one table from Compliance API failures to what a reviewer reads. The upstream message is shown
 * for 400, 404 and 409, where it tells the reviewer what to change; credentials problems are an
 * administrator's to fix, so they are described, not forwarded.
 */
export function toReviewerFacingError(error: unknown): ReviewerFacingError | null {
  if (!(error instanceof ComplianceError)) return null;
  const base = { upstreamRequestId: null, retryAfterSeconds: null };
  if (error instanceof ComplianceRequestValidationError) return { ...base, status: 400, code: "invalid_parameter", message: error.message };
  if (error instanceof ComplianceNetworkError) {
    return error.phase === "aborted"
      ? { ...base, status: 499, code: "cancelled", message: error.message }
      : { ...base, status: error.phase === "connect" ? 502 : 504, code: "upstream_unreachable", message: error.message };
  }
  if (error instanceof ComplianceResponseError)
    return { ...base, status: 502, code: "upstream_invalid_response", message: error.message, upstreamRequestId: error.requestId };
  if (error instanceof CompliancePaginationError) return { ...base, status: 502, code: "upstream_pagination", message: error.message };
  if (!(error instanceof ComplianceApiError)) return null;

  const withId = { upstreamRequestId: error.requestId, retryAfterSeconds: null };
  switch (error.type) {
    case "invalid_request_error":
      return { ...withId, status: 400, code: "upstream_invalid_request", message: `The Compliance API refused the request: ${error.message}` };
    case "not_found_error":
      return {
        ...withId,
        status: 404,
        code: "not_found",
        message: `${error.message} It may have been deleted, or it belongs to an organisation Docket's key cannot read.`,
      };
    case "conflict_error":
      return { ...withId, status: 409, code: "conflict", message: error.message };
    case "authentication_error":
      return {
        ...withId,
        status: 502,
        code: "upstream_key_refused",
        message: "The Compliance API refused Docket's access key (invalid or revoked). An administrator must configure a valid key.",
      };
    case "permission_error":
      return { ...withId, status: 502, code: "upstream_scope_missing", message: `Docket's access key lacks a scope this needs. ${error.message}` };
    case "rate_limit_error":
      return {
        ...withId,
        status: 429,
        code: "upstream_rate_limited",
        message: "The organisation's Compliance API budget for this minute is used up (it is shared by every tool using the API). Try again shortly.",
        retryAfterSeconds: error.retryAfterSeconds,
      };
    default:
      return {
        ...withId,
        status: 502,
        code: "upstream_error",
        message: `The Compliance API failed (status ${error.status}). Try again; if it persists, quote the request id to Anthropic support.`,
      };
  }
}
