/**
 * The Activity Feed's 467 types grouped into families a reviewer recognises, so a filter or a chart
 * can speak of "sign-ins" or "files" rather than of forty type names. Client-safe.
 *
 * A type belongs to the first family whose rule matches its name; types the reference adds later fall
 * into "other" until a rule names them, and are still shown and filtered by their own name. The
 * documented types of each family are in types-by-family.ts, kept apart so browsers need not load them.
 */
export const ACTIVITY_FAMILIES = [
  "chats",
  "files",
  "projects",
  "artifacts",
  "sessions",
  "claude_code",
  "design",
  "sign_in",
  "people",
  "roles_groups",
  "keys_compliance",
  "connectors",
  "organisation",
  "platform",
  "billing",
  "other",
] as const;
export type ActivityFamily = (typeof ACTIVITY_FAMILIES)[number];

export const ACTIVITY_FAMILY_NAMES: Record<ActivityFamily, string> = {
  chats: "Chats",
  files: "Files",
  projects: "Projects",
  artifacts: "Artifacts",
  sessions: "Cowork and shared sessions",
  claude_code: "Claude Code and agents",
  design: "Claude Design",
  sign_in: "Sign-in and devices",
  people: "People and invitations",
  roles_groups: "Roles and groups",
  keys_compliance: "API keys and the Compliance API",
  connectors: "Connectors, plugins and extensions",
  organisation: "Organisation settings",
  platform: "Claude Console (platform)",
  billing: "Billing and usage",
  other: "Other",
};

/** Ordered: the first match wins, so narrower prefixes come before the broad `org_` and `platform_`. */
const RULES: ReadonlyArray<readonly [ActivityFamily, RegExp]> = [
  ["artifacts", /^(claude_artifact_|claude_published_artifact_)/],
  ["chats", /^claude_chat_/],
  ["files", /^(claude_file_|platform_file_|org_sync_)/],
  ["projects", /^(claude_project_|group_project_|owned_projects_)/],
  ["sessions", /^(cowork_session_|org_cowork_|session_share_|pending_share_)/],
  ["claude_code", /^(claude_code_|ccr_|cli_plugin_|tunnel_|claude_command_|ghe_|claude_github_|github_token_|org_claude_code_)/],
  ["design", /^design_project_/],
  [
    "sign_in",
    /^(sso_login_|sso_second_factor_|magic_link_login_|social_login_|user_logged_out|session_revoked|step_up_|trusted_device_|phone_code_|anonymous_mobile_|age_verified|abuse_decision_|lti_launch_|org_user_trusted_devices_)/,
  ],
  [
    "people",
    /^(org_user_|org_users_|org_invite|org_join_|org_parent_join_|org_member|scim_user_|end_user_|claude_user_|account_deleted|user_consent_|integration_user_|admin_request_)/,
  ],
  ["roles_groups", /^(rbac_|group_|role_assignment_)/],
  ["keys_compliance", /^(api_key_|admin_api_key_|compliance_api_|scoped_api_key_|service_key_|audit_log_|org_compliance_|org_external_key_|org_data_export_)/],
  [
    "connectors",
    /^(mcp_|desktop_extension_|claude_plugin_|claude_skill_|plugin_installation_|marketplace_|admin_connector_|org_connector_|inference_hooks_|slack_workspace_|claude_gdrive_)/,
  ],
  [
    "billing",
    /^(extra_usage_|prepaid_|invoice_|payment_method_|subscription_|billing_emails_|seat_tier|workspace_spend_|workspace_member_spend_|platform_spend_|platform_billing_|platform_cost_|platform_usage_)/,
  ],
  ["platform", /^(platform_|service_created|service_deleted)/],
  [
    "organisation",
    /^(org_|organization_|claude_organization_|domain_claim_|primary_owner_|managed_organization_|claude_pubsec_|lti_platform_|verification_|org_analytics_)/,
  ],
];

export function familyOf(type: string): ActivityFamily {
  for (const [family, rule] of RULES) if (rule.test(type)) return family;
  return "other";
}

/**
 * What a custodian did, in the five kinds the custodian page charts: deletions first (a deleted chat is
 * a deletion before it is a chat), then sign-ins, chats, sessions and files; everything else is "other".
 */
export const CUSTODIAN_ACTIVITY_KINDS = ["chats", "sessions", "files", "deletions", "sign_ins", "other"] as const;
export type CustodianActivityKind = (typeof CUSTODIAN_ACTIVITY_KINDS)[number];

export const CUSTODIAN_ACTIVITY_KIND_NAMES: Record<CustodianActivityKind, string> = {
  chats: "Chats",
  sessions: "Sessions",
  files: "Files",
  deletions: "Deletions",
  sign_ins: "Sign-ins",
  other: "Other",
};

export function custodianKindOf(type: string): CustodianActivityKind {
  if (/_deleted$|_deletion_/.test(type)) return "deletions";
  const family = familyOf(type);
  if (family === "sign_in") return /_succeeded$|^lti_launch_success$/.test(type) ? "sign_ins" : "other";
  if (family === "chats" || family === "artifacts") return "chats";
  if (family === "sessions") return "sessions";
  if (family === "files" || type.startsWith("claude_project_file_") || type.startsWith("claude_project_document_")) return "files";
  return "other";
}
