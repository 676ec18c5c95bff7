import "server-only";
import type { DeletionCapability } from "@/lib/schemas/deletions";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { ComplianceApiError } from "@/lib/server/compliance/errors";

export type CapabilityReason = DeletionCapability["reason"];

export interface CapabilityAnswer {
  reason: CapabilityReason;
  message: string;
  checkedAt: Date;
  /** The upstream answer that decided it, for the audit log. */
  evidence: { status: number | null; type: string | null; requestId: string | null };
}

/**
 * The probe's object: a chat id shaped like the API's (`claude_chat_01` and 22 more characters) whose
 * body is all "0". The API issues bodies in base58, which has no "0", so no chat ever has this id; and
 * the probe reads it first and sends the DELETE only once the API has said 404 for it. Its DELETE
 * therefore cannot destroy anything: it answers 404 (past the scope check) or 403 (scope missing).
 */
export const PROBE_CHAT_ID = `claude_chat_01${"0".repeat(22)}`;

const MESSAGES: Record<CapabilityReason, string> = {
  available: "Docket's Compliance API key may delete.",
  delete_scope_missing:
    "Deleting is unavailable: Docket's Compliance API key lacks the delete:compliance_user_data scope. An administrator must configure a key created with it.",
  admin_key: "Deleting is unavailable: Docket is configured with an Admin API key, which can only read the Activity Feed.",
  unverified: "Docket could not find out whether its Compliance API key may delete (the API did not answer as expected). Try again shortly.",
};

/** How long an inconclusive probe is remembered before the next request may try again. */
const UNVERIFIED_RETRY_MS = 30_000;

export interface DeletionCapabilityProbe {
  /** The answer, probing upstream at most once per process (again only after an inconclusive one). */
  check(): Promise<CapabilityAnswer>;
  /** A real DELETE was refused for the scope: no need to probe to know. */
  markScopeMissing(evidence: CapabilityAnswer["evidence"]): void;
}

/**
 * Finds out once, cheaply (two requests), whether the key has the delete scope. Scopes are fixed when
 * a key is created and the API has no endpoint that lists a key's own scopes, so the answer is what a
 * DELETE says: the API checks scopes before it looks the object up (the 403 is documented as
 * consuming quota, i.e. after authentication and rate limiting, and it names the scopes the key has).
 * `onAnswer` is told each new conclusive answer (for the audit log).
 */
export function createCapabilityProbe(
  client: ComplianceClient,
  keyKind: "compliance" | "admin",
  onAnswer: (answer: CapabilityAnswer) => Promise<void> = async () => undefined,
  now: () => Date = () => new Date(),
): DeletionCapabilityProbe {
  let settled: CapabilityAnswer | null = null;
  let inconclusive: CapabilityAnswer | null = null;
  let inFlight: Promise<CapabilityAnswer> | null = null;

  const answer = (reason: CapabilityReason, evidence: CapabilityAnswer["evidence"], detail?: string): CapabilityAnswer => ({
    reason,
    message: detail ? `${MESSAGES[reason]} (${detail})` : MESSAGES[reason],
    checkedAt: now(),
    evidence,
  });

  async function probe(): Promise<CapabilityAnswer> {
    if (keyKind === "admin") return answer("admin_key", { status: null, type: null, requestId: null });
    const readBack = await client.chats.getMessages(PROBE_CHAT_ID, { limit: 1 }).then(
      (result) => ({ status: 200, type: null, requestId: result.requestId }),
      (error: unknown) => (error instanceof ComplianceApiError ? { status: error.status, type: error.type, requestId: error.requestId } : null),
    );
    // Anything but "no such chat" and the DELETE is not sent: then the probe could touch something.
    if (readBack?.status !== 404) return answer("unverified", readBack ?? { status: null, type: null, requestId: null });
    try {
      const deleted = await client.chats.delete(PROBE_CHAT_ID);
      return answer("available", { status: 200, type: deleted.data.type ?? null, requestId: deleted.requestId });
    } catch (error) {
      if (!(error instanceof ComplianceApiError)) return answer("unverified", { status: null, type: null, requestId: null });
      const evidence = { status: error.status, type: error.type, requestId: error.requestId };
      if (error.status === 404) return answer("available", evidence);
      if (error.status === 403 && error.type === "permission_error") return answer("delete_scope_missing", evidence, error.message);
      return answer("unverified", evidence);
    }
  }

  return {
    async check() {
      if (settled) return settled;
      if (inconclusive && now().getTime() - inconclusive.checkedAt.getTime() < UNVERIFIED_RETRY_MS) return inconclusive;
      inFlight ??= probe()
        .then(async (result) => {
          if (result.reason === "unverified") {
            inconclusive = result;
          } else {
            settled = result;
            await onAnswer(result).catch((error: unknown) => console.error("[deletion] capability answer not audited", error));
          }
          return result;
        })
        .finally(() => {
          inFlight = null;
        });
      return inFlight;
    },
    markScopeMissing(evidence) {
      const previous = settled;
      settled = answer("delete_scope_missing", evidence);
      if (previous?.reason !== "delete_scope_missing") {
        void onAnswer(settled).catch((error: unknown) => console.error("[deletion] capability answer not audited", error));
      }
    },
  };
}

export function toCapabilityDto(answer: CapabilityAnswer, settings: { approvalsRequired: boolean; requestTtlHours: number }): DeletionCapability {
  return {
    canDelete: answer.reason === "available",
    reason: answer.reason,
    message: answer.message,
    checkedAt: answer.checkedAt.toISOString(),
    approvalsRequired: settings.approvalsRequired,
    requestTtlHours: settings.requestTtlHours,
  };
}
