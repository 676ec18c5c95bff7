import "server-only";
import { z } from "zod";
import { isRfc3339 } from "@/lib/server/compliance/query-params";
import { AppError } from "@/lib/server/http/errors";

const timestamp = z.string().refine(isRfc3339, "must be an RFC 3339 timestamp such as 2024-03-01T00:00:00Z");
const DEFAULT_SPAN_MS = 7 * 86_400_000;
/** The report reads Docket's own tables; a year keeps its queries quick. */
const MAX_SPAN_MS = 366 * 86_400_000;

export const ApiUsageRequest = z.object({ from: timestamp.optional(), before: timestamp.optional() }).strict();
export type ApiUsageRequest = z.output<typeof ApiUsageRequest>;

export const ApiUsageExportRequest = z.object({ from: timestamp.optional(), before: timestamp.optional(), format: z.literal("csv") }).strict();

/** The period asked for, the last week by default; an empty or overlong one is refused. */
export function reportPeriod(request: ApiUsageRequest, now = new Date()): { from: Date; before: Date } {
  const before = request.before ? new Date(request.before) : now;
  const from = request.from ? new Date(request.from) : new Date(before.getTime() - DEFAULT_SPAN_MS);
  if (before <= from) throw new AppError("invalid_request", "The end of the period must come after its start.");
  if (before.getTime() - from.getTime() > MAX_SPAN_MS) throw new AppError("invalid_request", "A report covers at most a year: choose a shorter period.");
  return { from, before };
}
