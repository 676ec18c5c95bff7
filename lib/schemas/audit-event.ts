import { z } from "zod";

// What the server tells the auditor pages about the audit log. Client-safe: hashes are hex and
// sequence numbers strings (bigint does not survive JSON).

const HexSha256 = z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hex digits");
const Seq = z.string().regex(/^[1-9][0-9]{0,18}$/, "must be a positive integer");
const EntityVerb = z.string().regex(/^[a-z_]+\.[a-z_]+$/, "must be written entity.verb");

/** Every filter is optional and they combine with AND. */
export const AuditEventFilter = z.object({
  /** Part of the actor's subject or email, case-insensitive. */
  actor: z.string().trim().min(1).max(200).optional(),
  /** The actor's exact subject (served by an index, unlike `actor`). */
  actorSubject: z.string().min(1).max(512).optional(),
  /** Any of these actions. */
  actions: z.array(EntityVerb).min(1).max(50).optional(),
  targetType: z.string().min(1).max(100).optional(),
  targetId: z.string().min(1).max(512).optional(),
  organizationId: z.string().min(1).max(200).optional(),
  /** Inclusive. */
  from: z.iso.datetime({ offset: true }).optional(),
  /** Exclusive. */
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditEventFilter = z.infer<typeof AuditEventFilter>;

export const AuditEventListQuery = AuditEventFilter.extend({
  /** The nextCursor of the previous page: events older than it. */
  cursor: Seq.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditEventListQuery = z.input<typeof AuditEventListQuery>;

export const AuditEventDto = z.object({
  seq: Seq,
  occurredAt: z.iso.datetime(),
  actor: z.object({ issuer: z.string().nullable(), subject: z.string().nullable(), email: z.string().nullable(), roles: z.array(z.string()) }).nullable(),
  action: EntityVerb,
  target: z.object({ type: z.string().nullable(), id: z.string().nullable() }).nullable(),
  organizationId: z.string().nullable(),
  /** Filters and request parameters as recorded; render as text, never as HTML. */
  params: z.record(z.string(), z.json()),
  outcome: z.string(),
  requestId: z.string().nullable(),
  upstreamRequestId: z.string().nullable(),
  clientIp: z.string().nullable(),
  userAgent: z.string().nullable(),
  bodySha256: HexSha256,
  prevHash: HexSha256,
  rowHash: HexSha256,
});
export type AuditEventDto = z.infer<typeof AuditEventDto>;

export const AuditEventPage = z.object({
  items: z.array(AuditEventDto),
  nextCursor: Seq.nullable(),
});
export type AuditEventPage = z.infer<typeof AuditEventPage>;

export const AUDIT_EXPORT_FORMATS = ["csv", "jsonl"] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

/** The chain head signed with Ed25519 over the RFC 8785 form of every field but `signature`. */
export const SignedCheckpoint = z
  .object({
    v: z.literal(1),
    seq: Seq,
    rowHash: HexSha256,
    signedAt: z.iso.datetime(),
    /** First 16 hex digits of the SHA-256 of the signer's SPKI DER public key. */
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    signature: z.base64(),
  })
  .strict();
export type SignedCheckpoint = z.infer<typeof SignedCheckpoint>;

export const CHAIN_BREAK_KINDS = ["gap", "prev_hash", "body", "row_hash", "truncated", "rewritten", "bad_signature"] as const;

const ChainHeadDto = z.object({ seq: Seq, rowHash: HexSha256 });

export const AuditVerifyReport = z.object({
  ok: z.boolean(),
  rowsChecked: z.number().int().nonnegative(),
  /** The newest row when verification started; rows appended during it are left to the next run. */
  head: ChainHeadDto.nullable(),
  /** The first problem in chain order; checkpoint problems come after any break in the rows. */
  firstBreak: z.object({ seq: Seq, kind: z.enum(CHAIN_BREAK_KINDS), expected: z.string(), found: z.string() }).nullable(),
  checkpoint: z
    .object({
      seq: Seq,
      rowHash: HexSha256,
      signedAt: z.string(),
      keyId: z.string(),
      status: z.enum(["matches", "truncated", "rewritten", "bad_signature"]),
    })
    .nullable(),
  durationMs: z.number().nonnegative(),
});
export type AuditVerifyReport = z.infer<typeof AuditVerifyReport>;
export type ChainBreak = NonNullable<AuditVerifyReport["firstBreak"]>;
