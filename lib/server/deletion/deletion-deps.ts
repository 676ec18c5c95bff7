import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent, type RecordOptions } from "@/lib/server/audit/record-audit-event";
import { complianceKeyKind, getComplianceClient } from "@/lib/server/compliance";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { getDb } from "@/lib/server/db";
import { getServerEnv } from "@/lib/server/env";
import { createCapabilityProbe, type CapabilityAnswer, type DeletionCapabilityProbe } from "./capability";

export interface DeletionSettings {
  /** DOCKET_DELETE_APPROVALS: a second person approves each deletion. */
  approvalsRequired: boolean;
  requestTtlHours: number;
  /** Where the bytes of files about to be deleted are kept; null: hashes and metadata only. */
  snapshotDir: string | null;
  /** Signs the confirmation tokens (a key is derived from it). */
  tokenSecret: string;
}

/** What the deletion verbs work with; the app's come from the environment, tests build their own. */
export interface DeletionDeps {
  db: PrismaClient;
  client: ComplianceClient;
  capability: DeletionCapabilityProbe;
  settings: DeletionSettings;
  now: () => Date;
  /** Where audit appends ask for a checkpoint (RecordOptions); undefined: the app's scheduler. */
  checkpoints?: RecordOptions["checkpoints"];
}

/** The conclusive capability answer, in the audit log once per process and answer. */
export function auditCapabilityAnswer(db: PrismaClient, checkpoints?: RecordOptions["checkpoints"]) {
  return async (answer: CapabilityAnswer): Promise<void> => {
    await recordAuditEvent(
      db,
      {
        actor: null,
        action: "deletion.capability",
        params: { reason: answer.reason, upstreamStatus: answer.evidence.status, upstreamType: answer.evidence.type },
        outcome: answer.reason === "available" ? "success" : "denied",
        upstreamRequestId: answer.evidence.requestId,
      },
      { checkpoints },
    );
  };
}

const globalForDeletion = globalThis as typeof globalThis & { docketDeletionCapability?: DeletionCapabilityProbe };

/** The app's dependencies; the capability answer is cached for the life of the process. */
export function appDeletionDeps(): DeletionDeps {
  const env = getServerEnv();
  const db = getDb();
  const client = getComplianceClient();
  globalForDeletion.docketDeletionCapability ??= createCapabilityProbe(client, complianceKeyKind(), auditCapabilityAnswer(db));
  return {
    db,
    client,
    capability: globalForDeletion.docketDeletionCapability,
    settings: {
      approvalsRequired: env.DOCKET_DELETE_APPROVALS,
      requestTtlHours: env.DOCKET_DELETE_REQUEST_TTL_HOURS,
      snapshotDir: env.DOCKET_DELETE_SNAPSHOT_DIR ?? null,
      tokenSecret: env.NEXTAUTH_SECRET,
    },
    now: () => new Date(),
  };
}
