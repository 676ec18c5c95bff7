import "server-only";
import { getComplianceClient } from "@/lib/server/compliance";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { ComplianceApiError } from "@/lib/server/compliance/errors";
import { toReviewerFacingError } from "@/lib/server/compliance/reviewer-messages";
import { knownApiBudget } from "@/lib/server/compliance/transport";
import { getDb } from "@/lib/server/db";
import { reportedCapability } from "@/lib/server/deletion/capability";
import type { ServiceState, SystemStatus } from "@/lib/schemas/system-status";

async function checkDatabase(): Promise<ServiceState> {
  try {
    const rows = await getDb().$queryRaw<Array<{ applied: bigint }>>`SELECT count(*) AS applied FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
    const applied = Number(rows[0]?.applied ?? 0);
    return applied > 0
      ? { state: "ok", detail: `Connected; ${applied} migration${applied === 1 ? "" : "s"} applied.` }
      : { state: "degraded", detail: "Connected, but no migration has been applied." };
  } catch {
    return { state: "down", detail: "The audit database cannot be reached; nothing can be reviewed until it is back." };
  }
}

/** Whether the API answers Docket's key, and what the key may read (an Admin key reads only the feed). */
export async function checkComplianceApi(client: ComplianceClient): Promise<ServiceState> {
  try {
    await client.organizations.list({ limit: 1 });
    const budget = knownApiBudget(client.rateLimit);
    return { state: "ok", detail: budget ? `Reachable; ${budget.remaining} of ${budget.limit} requests left this minute.` : "Reachable." };
  } catch (error) {
    const facing = toReviewerFacingError(error);
    const scopeProblem = error instanceof ComplianceApiError && error.type === "permission_error";
    if (scopeProblem && (await readsTheFeed(client))) return { state: "degraded", detail: ACTIVITIES_ONLY, reach: "activities_only" };
    return { state: scopeProblem ? "degraded" : "down", detail: facing?.message ?? "The Compliance API could not be checked." };
  }
}

const ACTIVITIES_ONLY =
  "Docket's key reads only the Activity Feed (an Admin API key, or a Compliance Access Key with only read:compliance_activities): the Activity page works, " +
  "but chats, files, projects, sessions and the directory need a Compliance Access Key with read:compliance_user_data and read:compliance_org_data.";

async function readsTheFeed(client: ComplianceClient): Promise<boolean> {
  try {
    await client.activities.list({ limit: 1 });
    return true;
  } catch {
    return false;
  }
}

/**
 * The upstream check spends the organisation's shared rate-limit budget, and the health route is
 * public: one check serves every caller for this long, so polling it cannot drain the budget.
 */
const UPSTREAM_CHECK_REUSE_MS = 30_000;
// On globalThis, so that the home page and the health route (separate module graphs) share one check.
const globalForStatus = globalThis as typeof globalThis & { docketLastUpstreamCheck?: { at: number; result: Promise<ServiceState> } };

function checkComplianceApiAtMostEvery(reuseMs: number): Promise<ServiceState> {
  const now = Date.now();
  const last = globalForStatus.docketLastUpstreamCheck;
  if (last && now - last.at < reuseMs) return last.result;
  const result = checkComplianceApi(getComplianceClient());
  globalForStatus.docketLastUpstreamCheck = { at: now, result };
  return result;
}

/** Whether a worker can execute deletions, from its report: the web app never holds the delete key. */
async function checkDeletionWorker(): Promise<ServiceState> {
  try {
    const answer = await reportedCapability(getDb()).check();
    if (answer.reason !== "available") return { state: "degraded", detail: answer.message };
    return { state: "ok", detail: `A worker holds a delete key that may delete (reported ${answer.checkedAt!.toISOString().slice(11, 16)} UTC).` };
  } catch {
    return { state: "down", detail: "The worker's report cannot be read while the database is unreachable." };
  }
}

/** The health of what Docket depends on, checked in parallel. */
export async function checkSystemStatus(): Promise<SystemStatus> {
  const [database, complianceApi, deletionWorker] = await Promise.all([
    checkDatabase(),
    checkComplianceApiAtMostEvery(UPSTREAM_CHECK_REUSE_MS),
    checkDeletionWorker(),
  ]);
  return { database, complianceApi, deletionWorker, checkedAt: new Date().toISOString() };
}
