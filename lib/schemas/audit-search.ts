import { z } from "zod";
import { AUDIT_EXPORT_FORMATS, AuditEventFilter } from "./audit-event";

/**
 * The audit log's filters as they travel in a URL: flat strings, several actions comma-separated.
 * Shared by the page (to build links) and the routes (to parse them).
 */
export const AuditSearchParams = z
  .object({
    actor: z.string().optional(),
    action: z.string().optional(),
    targetType: z.string().optional(),
    targetId: z.string().optional(),
    organizationId: z.string().optional(),
    from: z.string().optional(),
    to: z.string().optional(),
  })
  .transform(({ action, ...rest }, ctx) => {
    const emptyToUndefined = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, value === "" ? undefined : value]));
    const actions = action
      ? action
          .split(",")
          .map((part) => part.trim())
          .filter(Boolean)
      : undefined;
    const parsed = AuditEventFilter.safeParse({ ...emptyToUndefined, actions: actions?.length ? actions : undefined });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
      return z.NEVER;
    }
    return parsed.data;
  });
export type AuditSearchParams = z.input<typeof AuditSearchParams>;

export const AuditListSearchParams = z
  .object({
    cursor: z
      .string()
      .regex(/^[1-9][0-9]{0,18}$/)
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .and(AuditSearchParams);

export const AuditExportSearchParams = z.object({ format: z.enum(AUDIT_EXPORT_FORMATS) }).and(AuditSearchParams);

/** The filters as a query string, empty ones left out, in a stable order (links and query keys). */
export function auditQueryString(filters: AuditSearchParams, extra: Record<string, string> = {}): string {
  const entries = Object.entries({ ...filters, ...extra }).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "");
  return new URLSearchParams(entries.sort(([a], [b]) => a.localeCompare(b))).toString();
}
