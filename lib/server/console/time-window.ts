import "server-only";
import { AppError } from "@/lib/server/http/errors";
import type { TimeRange } from "@/lib/server/compliance/query-params";

/** A `from` (inclusive) to `before` (exclusive) window as the API's created_at range; refused when empty. */
export function createdWindow(request: { from?: string; before?: string }): TimeRange | undefined {
  if (request.from !== undefined && request.before !== undefined && Date.parse(request.before) <= Date.parse(request.from)) {
    throw new AppError("invalid_request", "The end of the time range must come after its start.");
  }
  return request.from === undefined && request.before === undefined ? undefined : { gte: request.from, lt: request.before };
}
