import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { RecordOptions } from "@/lib/server/audit/record-audit-event";
import { getComplianceClient } from "@/lib/server/compliance";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { getDb } from "@/lib/server/db";
import { getServerEnv } from "@/lib/server/env";
import { queueDeletionExecutionFromApp } from "@/lib/server/jobs/deletion-queue";
import { reportedCapability, type DeletionCapabilityView } from "./capability";

export interface DeletionSettings {
  /** DOCKET_DELETE_APPROVALS: a second person approves each deletion. */
  approvalsRequired: boolean;
  requestTtlHours: number;
  /** Signs the confirmation tokens (a key is derived from it). */
  tokenSecret: string;
}

/**
 * What the web app's deletion verbs work with: the read key's client, never the delete key, which only
 * the worker holds. The app's come from the environment, tests build their own.
 */
export interface DeletionDeps {
  db: PrismaClient;
  client: ComplianceClient;
  capability: DeletionCapabilityView;
  settings: DeletionSettings;
  now: () => Date;
  /** Where audit appends ask for a checkpoint (RecordOptions); undefined: the app's scheduler. */
  checkpoints?: RecordOptions["checkpoints"];
  /**
   * Wakes the worker for an approved request. Only a wake-up: the request is marked queued in the
   * database first, and the worker's sweep finds it even if this is lost.
   */
  queueExecution: (deletionId: string) => Promise<void>;
}

/** The app's dependencies. */
export function appDeletionDeps(): DeletionDeps {
  const env = getServerEnv();
  const db = getDb();
  return {
    db,
    client: getComplianceClient(),
    capability: reportedCapability(db),
    settings: {
      approvalsRequired: env.DOCKET_DELETE_APPROVALS,
      requestTtlHours: env.DOCKET_DELETE_REQUEST_TTL_HOURS,
      tokenSecret: env.NEXTAUTH_SECRET,
    },
    now: () => new Date(),
    queueExecution: (deletionId) => queueDeletionExecutionFromApp(env.DATABASE_URL, deletionId),
  };
}
