import "server-only";
import { getServerEnv } from "@/lib/server/env";
import { createComplianceClient, type ComplianceClient } from "./client";

const globalForClient = globalThis as unknown as { docketComplianceClient?: ComplianceClient };

/** A new client from the validated environment (for a job that must not share the request handlers' one). */
export function createAppComplianceClient(): ComplianceClient {
  const env = getServerEnv();
  return createComplianceClient({ baseUrl: env.COMPLIANCE_API_BASE_URL, apiKey: env.COMPLIANCE_API_KEY });
}

/** The process-wide client, created from the validated environment on first use. */
export function getComplianceClient(): ComplianceClient {
  globalForClient.docketComplianceClient ??= createAppComplianceClient();
  return globalForClient.docketComplianceClient;
}

/** Which kind of key Docket holds, from its documented prefix (an Admin API key reads the Activity Feed only). */
export function complianceKeyKind(): "compliance" | "admin" {
  return getServerEnv().COMPLIANCE_API_KEY.startsWith("sk-ant-admin") ? "admin" : "compliance";
}
