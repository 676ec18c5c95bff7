import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { DeletionTarget } from "@/lib/schemas/deletions";

/** Long enough to read the dialog and type a name; short enough that a leaked token is soon useless. */
export const CONFIRMATION_TOKEN_TTL_MS = 5 * 60_000;

const Payload = z
  .object({
    v: z.literal(1),
    /** Docket user id of the person who prepared it. */
    sub: z.string(),
    kind: z.string(),
    id: z.string(),
    pid: z.string().nullable(),
    key: z.string(),
    exp: z.number().int(),
  })
  .strict();
type Payload = z.infer<typeof Payload>;

export interface TokenBinding {
  userId: string;
  target: DeletionTarget;
  idempotencyKey: string;
}

/** A key of its own, derived from the session secret: a token can never pass for anything else. */
function macKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "docket", "deletion-confirmation-token-v1", 32));
}

function mac(secret: string, encodedPayload: string): Buffer {
  return createHmac("sha256", macKey(secret)).update(encodedPayload).digest();
}

/** An HMAC-signed token binding who prepared which deletion, with which idempotency key, until when. */
export function signConfirmationToken(secret: string, binding: TokenBinding, now: Date): { token: string; expiresAt: Date } {
  const expiresAt = new Date(now.getTime() + CONFIRMATION_TOKEN_TTL_MS);
  const payload: Payload = {
    v: 1,
    sub: binding.userId,
    kind: binding.target.kind,
    id: binding.target.id,
    pid: binding.target.projectId ?? null,
    key: binding.idempotencyKey,
    exp: expiresAt.getTime(),
  };
  const encoded = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return { token: `${encoded}.${mac(secret, encoded).toString("base64url")}`, expiresAt };
}

export type TokenCheck = "valid" | "invalid" | "expired";

/**
 * "invalid" unless the token is ours, unaltered, and made for this person, target and key; then
 * "expired" once past its time. The binding is checked before the expiry so that an expired token
 * made for the same request can still replay it (see create-deletion.ts).
 */
export function checkConfirmationToken(secret: string, token: string, binding: TokenBinding, now: Date): TokenCheck {
  const [encoded, signature, extra] = token.split(".");
  if (!encoded || !signature || extra !== undefined) return "invalid";
  // Compared as written, so a token has exactly one spelling.
  const expected = Buffer.from(mac(secret, encoded).toString("base64url"));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "invalid";
  let payload: Payload;
  try {
    payload = Payload.parse(JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")));
  } catch {
    return "invalid";
  }
  const matches =
    payload.sub === binding.userId &&
    payload.kind === binding.target.kind &&
    payload.id === binding.target.id &&
    payload.pid === (binding.target.projectId ?? null) &&
    payload.key === binding.idempotencyKey;
  if (!matches) return "invalid";
  return payload.exp > now.getTime() ? "valid" : "expired";
}
