// The keys the simulator accepts (design.md "Fixed names") plus one deactivated key that exists
// only as a settings `api_keys[]` row, as the docs say deactivated keys stay listed for audit.

import { type IdCodec, Kind, PREFIX } from "./ids";
import { DATASET_EPOCH_US, US_PER_DAY } from "./time";

export const SCOPE = {
  activities: "read:compliance_activities",
  userData: "read:compliance_user_data",
  orgData: "read:compliance_org_data",
  delete: "delete:compliance_user_data",
} as const;

export interface SimulatorKey {
  /** Null for keys that are listed but cannot authenticate. */
  secret: string | null;
  id: string;
  name: string;
  scopes: readonly string[];
  kind: "compliance_access_key" | "admin_api_key";
  isActive: boolean;
  createdUs: number;
}

export const FULL_KEY = "sk-ant-api01-simulator-full";
export const READONLY_KEY = "sk-ant-api01-simulator-readonly";
export const ADMIN_KEY = "sk-ant-admin01-simulator";

export function simulatorKeys(ids: IdCodec): SimulatorKey[] {
  const at = (daysAgo: number): number => DATASET_EPOCH_US - daysAgo * US_PER_DAY + 34_567_891;
  return [
    {
      secret: FULL_KEY,
      id: ids.tagged(PREFIX.apiKey, Kind.ApiKey, 1),
      name: "Docket eDiscovery (read + delete)",
      scopes: [SCOPE.userData, SCOPE.orgData, SCOPE.activities, SCOPE.delete],
      kind: "compliance_access_key",
      isActive: true,
      createdUs: at(120),
    },
    {
      secret: READONLY_KEY,
      id: ids.tagged(PREFIX.apiKey, Kind.ApiKey, 2),
      name: "Docket read-only audit",
      scopes: [SCOPE.userData, SCOPE.orgData, SCOPE.activities],
      kind: "compliance_access_key",
      isActive: true,
      createdUs: at(118),
    },
    {
      secret: null,
      id: ids.tagged(PREFIX.apiKey, Kind.ApiKey, 3),
      name: "Legacy settings export",
      scopes: ["read:compliance_org_settings"],
      kind: "compliance_access_key",
      isActive: false,
      createdUs: at(300),
    },
    {
      // Admin API keys come from Claude Console and carry only the Activity Feed scope.
      secret: ADMIN_KEY,
      id: ids.tagged(PREFIX.apiKey, Kind.ApiKey, 4),
      name: "SIEM activity collector (Console admin key)",
      scopes: [SCOPE.activities],
      kind: "admin_api_key",
      isActive: true,
      createdUs: at(90),
    },
  ];
}
