import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DeletionCapability } from "@/lib/schemas/deletions";

export type CapabilityReason = DeletionCapability["reason"];

/** The upstream answer that decided a capability, for the audit log. */
export interface CapabilityEvidence {
  status: number | null;
  type: string | null;
  requestId: string | null;
}

export interface CapabilityAnswer {
  reason: CapabilityReason;
  message: string;
  /** When it was found out; null: nobody has yet. */
  checkedAt: Date | null;
  evidence: CapabilityEvidence;
}

export const CAPABILITY_MESSAGES: Record<CapabilityReason, string> = {
  available: "Docket's delete key may delete.",
  delete_scope_missing:
    "Deleting is unavailable: the worker's delete key (COMPLIANCE_API_DELETE_KEY) lacks the delete:compliance_user_data scope. An administrator must configure a key created with it.",
  admin_key: "Deleting is unavailable: the worker's delete key is an Admin API key, which can only read the Activity Feed.",
  no_delete_key:
    "Deleting is unavailable: no Docket worker holds a delete key. An administrator must give the worker (npm run worker) a Compliance Access Key with the delete:compliance_user_data scope in COMPLIANCE_API_DELETE_KEY.",
  unverified: "Docket could not find out whether its delete key may delete (the API did not answer as expected). It tries again shortly.",
};

/** Reasons that refuse a deletion outright; an unverified answer does not (the DELETE itself will tell). */
export function refusesDeletion(reason: CapabilityReason): boolean {
  return reason === "delete_scope_missing" || reason === "admin_key" || reason === "no_delete_key";
}

/** What the web app knows of deleting: what a worker last reported, since it never holds the delete key. */
export interface DeletionCapabilityView {
  check(): Promise<CapabilityAnswer>;
}

/** The one row workers write their report to. */
export const DELETE_KEY_REPORT_ID = "delete-key";

/**
 * A worker reports when it starts and every REPORT_INTERVAL_MS after; a report older than this means
 * no worker is running, so approved deletions would wait.
 */
export const REPORT_STALE_MS = 30 * 60_000;

const NO_REPORT: CapabilityEvidence = { status: null, type: null, requestId: null };

/** Reads the workers' report on every call: it is one indexed row, and a worker may change it at any time. */
export function reportedCapability(db: PrismaClient, now: () => Date = () => new Date()): DeletionCapabilityView {
  return {
    async check() {
      const row = await db.deleteKeyReport.findUnique({ where: { id: DELETE_KEY_REPORT_ID } });
      if (!row) {
        return {
          reason: "unverified",
          message:
            "No Docket worker has reported on its delete key yet. Deletions are executed by the worker (npm run worker); start it with COMPLIANCE_API_DELETE_KEY.",
          checkedAt: null,
          evidence: NO_REPORT,
        };
      }
      if (now().getTime() - row.checkedAt.getTime() > REPORT_STALE_MS) {
        return {
          reason: "unverified",
          message: `No Docket worker has reported since ${row.checkedAt.toISOString()}: approved deletions wait until a worker (npm run worker) runs again.`,
          checkedAt: row.checkedAt,
          evidence: NO_REPORT,
        };
      }
      const evidence = row.evidence as Partial<CapabilityEvidence> | null;
      return {
        reason: row.reason as CapabilityReason,
        message: row.message,
        checkedAt: row.checkedAt,
        evidence: { status: evidence?.status ?? null, type: evidence?.type ?? null, requestId: evidence?.requestId ?? null },
      };
    },
  };
}

export function toCapabilityDto(answer: CapabilityAnswer, settings: { approvalsRequired: boolean; requestTtlHours: number }): DeletionCapability {
  return {
    canDelete: answer.reason === "available",
    reason: answer.reason,
    message: answer.message,
    checkedAt: answer.checkedAt?.toISOString() ?? null,
    approvalsRequired: settings.approvalsRequired,
    requestTtlHours: settings.requestTtlHours,
  };
}
