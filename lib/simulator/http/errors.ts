// The error envelope and every message the docs give verbatim. Where the docs give none, the
// message is our own (marked "undocumented") and names the parameter at fault.

export type ErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "permission_error"
  | "not_found_error"
  | "conflict_error"
  | "rate_limit_error"
  | "api_error"
  | "overloaded_error"
  | "timeout_error";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: ErrorType,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/**
 * The compliance pages only show `{"error": {...}}`; the platform-wide format adds
 * `type: "error"` and `request_id` (notes §1.5). Emitting both keeps clients that read either.
 */
export function errorBody(type: ErrorType, message: string, requestId: string): Record<string, unknown> {
  return { type: "error", error: { type, message }, request_id: requestId };
}

const invalid = (message: string): ApiError => new ApiError(400, "invalid_request_error", message);
const notFound = (message: string): ApiError => new ApiError(404, "not_found_error", message);

/** Python-list rendering used by the documented 403 message: `['a', 'b']`. */
function pyList(items: readonly string[]): string {
  return `[${items.map((s) => `'${s}'`).join(", ")}]`;
}

export const Errors = {
  invalidTimestamp: (param: string, value: string) =>
    invalid(
      `The \`${param}\` parameter contains an invalid timestamp format. Timestamps must be provided in RFC 3339 format e.g., "2024-03-01T00:00:00Z". Got "${value}".`,
    ),
  invalidLimit: (max: number, got: string) => invalid(`The limit parameter must be between 1 and ${max}, inclusive. Got ${got}.`),
  invalidActivityCursor: (param: "after_id" | "before_id", value: string) => invalid(`Invalid \`${param}\`. No activity found for \`${param}\` "${value}"`),
  /** Documented for the local session endpoints; reused for every page-token endpoint. */
  invalidPage: () => invalid("The page parameter is not a valid cursor for this request."),
  localSessionsLtNotAfterGte: () => invalid("created_at.lt must be strictly after created_at.gte."),
  /** Undocumented wording from here on. */
  invalid,
  invalidCursor: (param: string, what: string, value: string) => invalid(`Invalid \`${param}\`. No ${what} found for \`${param}\` "${value}"`),
  bothCursors: () => invalid("Only one of `after_id` or `before_id` may be set."),
  invalidEnum: (param: string, value: string, allowed: readonly string[]) =>
    invalid(`Invalid value for \`${param}\`: "${value}". Expected one of: ${allowed.map((a) => `"${a}"`).join(", ")}.`),
  authentication: () => new ApiError(401, "authentication_error", "The API key provided is invalid or has been revoked."),
  missingScopes: (got: readonly string[], needed: readonly string[]) =>
    new ApiError(403, "permission_error", `Missing required scopes. Got: ${pyList(got)} Needed: ${pyList(needed)}`),
  chatNotFound: (id: string) => notFound(`Chat ${id} not found.`),
  fileNotFound: () => notFound("No file found with provided id, or it has already been deleted."),
  projectNotFound: () => notFound("No project is found with the provided id."),
  projectDocNotFound: () => notFound("No project document found with provided id, or it has already been deleted."),
  orgNotFound: (id: string) => notFound(`The "${id}" organization does not exist or the requester is not authorized to access it.`),
  roleNotFound: () => notFound("Role not found."),
  groupNotFound: () => notFound("Group not found."),
  settingsNotFound: (id: string) => notFound(`organization \`${id}\` not found in this organization's hierarchy`),
  localSessionNotFound: () => notFound("Local session not found."),
  remoteSessionNotFound: () => notFound("Remote session not found."),
  /** Undocumented: generated files share the uploaded-file wording. */
  generatedFileNotFound: () => notFound("No file found with provided id, or it has already been deleted."),
  /** Undocumented: artifact versions. */
  artifactNotFound: () => notFound("No artifact version found with provided id, or it has already been deleted."),
  unknownPath: () => notFound("Not found"),
  projectHasChats: (id: string) =>
    new ApiError(
      409,
      "conflict_error",
      `The "${id}" project cannot be deleted as it has chats attached to it. Delete or detach all chats, and try deleting the project again.`,
    ),
  rateLimited: (limit: number, retryAfter: number, extra: Record<string, string>) =>
    new ApiError(
      429,
      "rate_limit_error",
      `Compliance API rate limit of ${limit} requests per minute per parent organization has been exceeded. Retry after the time indicated by the retry-after header. Quote the request-id response header when contacting Anthropic support.`,
      { "retry-after": String(retryAfter), ...extra },
    ),
};
