import "server-only";
import { DocketError } from "@/lib/server/docket-error";

/**
 * Errors of the Compliance API client. Messages never contain the access key: they are built from
 * the upstream error body (which never echoes it) or from our own text.
 */

/** The documented error.type values; anything else the API may add is kept as a string. */
export type ComplianceErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "permission_error"
  | "not_found_error"
  | "conflict_error"
  | "rate_limit_error"
  | "api_error"
  | "overloaded_error"
  | "timeout_error"
  | (string & {});

export abstract class ComplianceError extends DocketError {
  static override readonly brand: string = "ComplianceError";
  abstract readonly kind: string;
}

/** The API answered with a non-2xx status. Match on `type`, never on `message`. */
export class ComplianceApiError extends ComplianceError {
  static override readonly brand: string = "ComplianceApiError";
  readonly kind = "api";
  constructor(
    readonly status: number,
    readonly type: ComplianceErrorType,
    message: string,
    readonly requestId: string | null,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = "ComplianceApiError";
  }
}

/** A parameter or id was refused before any request was sent. */
export class ComplianceRequestValidationError extends ComplianceError {
  static override readonly brand: string = "ComplianceRequestValidationError";
  readonly kind = "validation";
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
    this.name = "ComplianceRequestValidationError";
  }
}

/** The connection failed, or a connect / headers / body timeout fired. */
export class ComplianceNetworkError extends ComplianceError {
  static override readonly brand: string = "ComplianceNetworkError";
  readonly kind = "network";
  constructor(
    readonly phase: "connect" | "headers" | "body" | "aborted" | "socket",
    message: string,
    readonly code: string | null,
  ) {
    super(message);
    this.name = "ComplianceNetworkError";
  }
}

/** The API answered 2xx with a body we could not read or that does not match the documented shape. */
export class ComplianceResponseError extends ComplianceError {
  static override readonly brand: string = "ComplianceResponseError";
  readonly kind = "response";
  constructor(
    message: string,
    readonly requestId: string | null,
  ) {
    super(message);
    this.name = "ComplianceResponseError";
  }
}

/** A paginated walk could not end normally (a repeated cursor or too many pages). */
export class CompliancePaginationError extends ComplianceError {
  static override readonly brand: string = "CompliancePaginationError";
  readonly kind = "pagination";
  constructor(message: string) {
    super(message);
    this.name = "CompliancePaginationError";
  }
}
