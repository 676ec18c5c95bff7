import "server-only";
import { createDatabaseCallLog } from "@/lib/server/api-usage/call-log";
import { getDb } from "@/lib/server/db";
import { getServerEnv, type WorkerEnv } from "@/lib/server/env";
import { countApiRequestForReviewer } from "@/lib/server/http/reviewer-limits";
import { createComplianceClient, type ComplianceClient } from "./client";
import { createSharedBudget } from "./shared-budget";
import type { ApiCallLog, RequestBudget } from "./transport";

// One client per process, whichever module graph (pages, route handlers, instrumentation) asks first:
// its rate-limit state is the process's one view of the organisation's budget. Its errors are
// recognised in every graph (docket-error.ts).
const globalForClient = globalThis as unknown as { docketComplianceClient?: ComplianceClient };

/** The process-wide client, created from the validated environment on first use. */
export function getComplianceClient(): ComplianceClient {
  if (!globalForClient.docketComplianceClient) {
    const env = getServerEnv();
    const shared = createSharedBudget(getDb(), { kind: "interactive", interactiveReserve: env.DOCKET_INTERACTIVE_RESERVE });
    // A person's share is checked before the organisation's: past it, the request is not sent.
    const budget: RequestBudget = {
      async beforeRequest(signal) {
        await countApiRequestForReviewer();
        await shared.beforeRequest(signal);
      },
      afterResponse: (report) => shared.afterResponse(report),
    };
    globalForClient.docketComplianceClient = createComplianceClient({
      baseUrl: env.COMPLIANCE_API_BASE_URL,
      apiKey: env.COMPLIANCE_API_KEY,
      budget,
      callLog: createDatabaseCallLog(getDb(), "web").log,
    });
  }
  return globalForClient.docketComplianceClient;
}

/** A client for background work (the worker), counted in the shared budget it is given. */
export function createBackgroundComplianceClient(
  env: Pick<WorkerEnv, "COMPLIANCE_API_BASE_URL" | "COMPLIANCE_API_KEY">,
  budget: RequestBudget,
  callLog?: ApiCallLog,
): ComplianceClient {
  return createComplianceClient({ baseUrl: env.COMPLIANCE_API_BASE_URL, apiKey: env.COMPLIANCE_API_KEY, budget, callLog });
}

/**
 * The worker's client for DELETEs, with the delete key (COMPLIANCE_API_DELETE_KEY), counted in the
 * same budget; null when the worker was given none. The web app's environment cannot hold that key.
 */
export function createDeleteComplianceClient(
  env: Pick<WorkerEnv, "COMPLIANCE_API_BASE_URL" | "COMPLIANCE_API_DELETE_KEY">,
  budget: RequestBudget,
  callLog?: ApiCallLog,
): { client: ComplianceClient; kind: "compliance" | "admin" } | null {
  const apiKey = env.COMPLIANCE_API_DELETE_KEY;
  if (!apiKey) return null;
  return {
    client: createComplianceClient({ baseUrl: env.COMPLIANCE_API_BASE_URL, apiKey, budget, callLog }),
    kind: apiKey.startsWith("sk-ant-admin") ? "admin" : "compliance",
  };
}

/** Which kind of key Docket holds, from its documented prefix (an Admin API key reads the Activity Feed only). */
export function complianceKeyKind(): "compliance" | "admin" {
  return getServerEnv().COMPLIANCE_API_KEY.startsWith("sk-ant-admin") ? "admin" : "compliance";
}
