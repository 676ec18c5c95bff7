import "server-only";

import { z } from "zod";
import { AUDIT_BODY_VERSION, bodySha256, toHex, type AuditEventBody, type Queryable } from "@/lib/server/audit/audit-chain";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from "@/lib/server/audit/audit-actions";
import { canonicalJson, toAuditJson, toAuditString, type JsonValue } from "@/lib/server/audit/canonical-json";
import { appCheckpointScheduler, type CheckpointScheduler } from "@/lib/server/audit/checkpoint";
import { DocketError } from "@/lib/server/docket-error";

const MAX_PARAMS_BYTES = 16 * 1024;
const MAX_TEXT = 1024;
// Both come from request headers the client controls: cut, rather than refuse the request for them.
const MAX_HEADER_TEXT = 512;

/** An optional text column: stored well-formed and without U+0000; "" means absent (null). */
const text = (max: number) =>
  z
    .string()
    .nullish()
    .transform((value) => (value ? toAuditString(value) : "") || null)
    .refine((value) => value === null || value.length <= max, `must be at most ${max} characters`);

const headerText = z
  .string()
  .nullish()
  // Cut before normalising: a cut through a surrogate pair leaves a lone half, which normalising repairs.
  .transform((value) => (value ? toAuditString(value.slice(0, MAX_HEADER_TEXT)) || null : null));

const AuditEventInput = z
  .object({
    /** null for the system, or for a request whose user is unknown. */
    actor: z
      .object({
        issuer: text(MAX_TEXT),
        /** May be missing: a refused sign-in is recorded even when the IdP sent no subject. */
        subject: text(MAX_TEXT),
        email: text(MAX_TEXT),
        // A set: sorted and without duplicates, so the same roles always hash the same.
        roles: z
          .array(z.string().min(1).max(100))
          .max(50)
          .transform((roles) => [...new Set(roles.map(toAuditString))].sort()),
      })
      .nullable(),
    action: z.enum(AUDIT_ACTIONS),
    target: z.object({ type: text(100), id: text(MAX_TEXT) }).optional(),
    organizationId: text(MAX_TEXT),
    /** Filters and request parameters; never content. */
    params: z
      .record(z.string(), z.unknown())
      .optional()
      .transform((params, ctx): JsonValue => {
        try {
          const json = toAuditJson(params ?? {});
          if (Buffer.byteLength(canonicalJson(json)) > MAX_PARAMS_BYTES)
            ctx.addIssue({ code: "custom", message: `must be at most ${MAX_PARAMS_BYTES} bytes as JSON` });
          return json;
        } catch (error) {
          ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : "is not JSON" });
          return z.NEVER;
        }
      }),
    outcome: z.enum(AUDIT_OUTCOMES),
    requestId: text(MAX_TEXT),
    upstreamRequestId: text(MAX_TEXT),
    clientIp: headerText,
    userAgent: headerText,
  })
  .strict();

export type AuditEventInput = z.input<typeof AuditEventInput>;

export interface RecordedAuditEvent {
  seq: bigint;
  /** Hex. */
  rowHash: string;
}

/**
 * The audit row could not be written. Callers fail closed on it: content whose read was not
 * recorded is not returned, and a deletion whose intent was not recorded is not attempted.
 */
export class AuditWriteError extends DocketError {
  static override readonly brand: string = "AuditWriteError";
  constructor(
    readonly reason: "invalid" | "database",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "AuditWriteError";
  }
}

export interface RecordOptions {
  /** Where to ask for a checkpoint after the append; null for none. Default: the app's scheduler. */
  checkpoints?: Pick<CheckpointScheduler, "schedule"> | null;
  /** The event's time (tests); default now. */
  now?: () => Date;
}

/**
 * Appends one event to the audit chain and returns its position, or throws AuditWriteError.
 *
 * `db` may be a transaction client, so that the event commits or rolls back with the change it
 * records. The chain trigger holds a lock until that transaction ends: make the append the
 * transaction's last statement.
 */
export async function recordAuditEvent(db: Queryable, event: AuditEventInput, options: RecordOptions = {}): Promise<RecordedAuditEvent> {
  const parsed = AuditEventInput.safeParse(event);
  if (!parsed.success) {
    // Paths and rules only: the values may be personal data.
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "event"}: ${issue.message}`).join("; ");
    throw new AuditWriteError("invalid", `audit event refused: ${problems}`);
  }
  const input = parsed.data;
  // Milliseconds, as timestamptz(3) stores them, so the stored time renders back to this string.
  const occurredAt = (options.now?.() ?? new Date()).toISOString();
  const body: AuditEventBody = {
    v: AUDIT_BODY_VERSION,
    occurred_at: occurredAt,
    actor_issuer: input.actor?.issuer ?? null,
    actor_subject: input.actor?.subject ?? null,
    actor_email: input.actor?.email ?? null,
    actor_roles: input.actor?.roles ?? [],
    action: input.action,
    target_type: input.target?.type ?? null,
    target_id: input.target?.id ?? null,
    organization_id: input.organizationId,
    params: input.params,
    outcome: input.outcome,
    request_id: input.requestId,
    upstream_request_id: input.upstreamRequestId,
    client_ip: input.clientIp,
    user_agent: input.userAgent,
  };

  let rows: Array<{ seq: bigint; row_hash: Uint8Array }>;
  try {
    rows = await db.$queryRaw`
      INSERT INTO audit_event (occurred_at, actor_issuer, actor_subject, actor_email, actor_roles, action,
        target_type, target_id, organization_id, params, outcome, request_id, upstream_request_id, client_ip,
        user_agent, body_sha256)
      VALUES (${occurredAt}::timestamptz, ${body.actor_issuer}::text, ${body.actor_subject}::text, ${body.actor_email}::text,
        ${body.actor_roles}::text[], ${body.action}::text, ${body.target_type}::text, ${body.target_id}::text,
        ${body.organization_id}::text, ${JSON.stringify(body.params)}::jsonb, ${body.outcome}::text, ${body.request_id}::text,
        ${body.upstream_request_id}::text, ${body.client_ip}::text, ${body.user_agent}::text, ${bodySha256(body)})
      RETURNING seq, row_hash`;
  } catch (error) {
    // The driver's message can quote the row, so it stays in `cause` for whoever logs it on purpose.
    throw new AuditWriteError("database", "audit event not written: the database refused or could not be reached", { cause: error });
  }
  const row = rows[0];
  if (!row) throw new AuditWriteError("database", "audit event not written: the insert returned no row");

  (options.checkpoints === undefined ? appCheckpointScheduler() : options.checkpoints)?.schedule();
  return { seq: row.seq, rowHash: toHex(row.row_hash) };
}
