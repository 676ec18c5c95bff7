// Effective organisation settings: a realistic subset of each documented row type. Rows an
// organisation cannot control are omitted (docs: a missing row is "not controllable", not "off").

import type { SimulatorKey } from "./api-keys";
import type { Org } from "./directory";
import { formatUs } from "./time";

type Row =
  | { name: string; type: "boolean"; value: boolean }
  | { name: string; type: "integer"; value: number | null }
  | { name: string; type: "string"; value: string | null }
  | { name: string; type: "string_list"; value: string[] }
  | { name: "sso_provisioning_mode"; type: "provisioning_mode"; value: string }
  | { name: "data_retention_periods"; type: "data_retention"; value: Record<string, unknown> };

const CLAUDE_BOOLEANS: ReadonlyArray<[string, boolean]> = [
  ["ai_powered_artifacts_enabled", true],
  ["artifact_connectors_enabled", false],
  ["chat_enabled", true],
  ["claude_ai_chat_sharing_enabled", false],
  ["claude_code_desktop_enabled", true],
  ["claude_code_web_enabled", true],
  ["code_execution_enabled", true],
  ["code_execution_network_egress_enabled", false],
  ["content_redaction_enabled", true],
  ["directory_sync_enabled", true],
  ["frontier_data_use_enabled", false],
  ["hipaa_compliance_enabled", false],
  ["ip_allowlist_enabled", true],
  ["memory_enabled", true],
  ["public_projects_enabled", false],
  ["skills_enabled", true],
  ["sso_claude_ai_enforced", true],
  ["sso_enabled", true],
  ["web_search_enabled", true],
];

const CONSOLE_BOOLEANS: ReadonlyArray<[string, boolean]> = [
  ["api_workbench_feedback_collection_enabled", false],
  ["ip_allowlist_enabled", false],
  ["sso_console_enforced", true],
  ["sso_enabled", true],
];

const RETENTION: ReadonlyArray<Record<string, unknown>> = [
  { chat: { type: "fixed", timescale: "day", duration: 90 } },
  { all: { type: "indefinite" } },
  { chat: { type: "fixed", timescale: "month", duration: 24 }, project: { type: "fixed", timescale: "month", duration: 12 } },
];

export function effectiveSettings(org: Org, keys: readonly SimulatorKey[], keyCreatorId: string): Record<string, unknown> {
  const rows: Row[] = [];
  const booleans = org.kind === "console" ? CONSOLE_BOOLEANS : CLAUDE_BOOLEANS;
  booleans.forEach(([name, value], i) => {
    // Vary a few flags per org so the orgs are distinguishable.
    rows.push({ name, type: "boolean", value: (org.index + i) % 7 === 0 ? !value : value });
  });
  rows.push({ name: "account_session_duration_seconds", type: "integer", value: org.index % 2 === 0 ? 43_200 : null });
  if (org.kind === "claude_ai") {
    rows.push({ name: "claude_code_default_worker_environment_id", type: "string", value: org.index === 0 ? "env_01PqRsTuVwXyZa2BcDeFgH" : null });
    rows.push({ name: "allowed_invite_domains", type: "string_list", value: ["acme-corp.example", "acme-legal.example"] });
    rows.push({ name: "disabled_admin_request_types", type: "string_list", value: org.index === 1 ? ["seat_upgrade"] : [] });
    rows.push({ name: "sso_provisioning_mode", type: "provisioning_mode", value: org.index === 0 ? "scim_advanced" : "jit_permissive" });
    rows.push({ name: "data_retention_periods", type: "data_retention", value: RETENTION[org.index % RETENTION.length]! });
  }
  rows.push({ name: "ip_allowlist_ip_ranges", type: "string_list", value: org.kind === "console" ? [] : ["10.0.0.0/8", "203.0.113.0/24"] });
  return {
    type: "effective_organization_settings",
    organization_id: org.uuid,
    settings: rows,
    // Compliance Access Keys of the parent only: Admin API keys are Console keys, not listed here.
    api_keys: keys
      .filter((k) => k.kind === "compliance_access_key")
      .sort((a, b) => a.createdUs - b.createdUs)
      .map((k) => ({
        type: "compliance_api_key",
        id: k.id,
        name: k.name,
        scopes: [...k.scopes],
        is_active: k.isActive,
        created_at: formatUs(k.createdUs),
        // The deactivated legacy key was created by automation.
        created_by_id: k.isActive ? keyCreatorId : null,
        expires_at: null,
      })),
  };
}
