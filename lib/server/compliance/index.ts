import "server-only";
import { getServerEnv } from "@/lib/server/env";
import { createComplianceClient, type ComplianceClient } from "./client";

const globalForClient = globalThis as unknown as { docketComplianceClient?: ComplianceClient };

/** The process-wide client, created from the validated environment on first use. */
export function getComplianceClient(): ComplianceClient {
  if (!globalForClient.docketComplianceClient) {
    const env = getServerEnv();
    globalForClient.docketComplianceClient = createComplianceClient({ baseUrl: env.COMPLIANCE_API_BASE_URL, apiKey: env.COMPLIANCE_API_KEY });
  }
  return globalForClient.docketComplianceClient;
}
