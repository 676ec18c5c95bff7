import "server-only";

/**
 * Identifier formats of the Compliance API. Tagged ids are a documented prefix followed by an
 * alphanumeric body; the alphabet deliberately excludes ".", "/", "%", "?", "#", "\" and "_" so that no
 * id can add a path segment, a query or another resource's prefix (claude_proj_doc_… is not a project).
 * Ids the docs call opaque (generated files, sessions) may also contain "-" and "_".
 */
const TAGGED_BODY = "[A-Za-z0-9]{1,128}";
const OPAQUE_BODY = "[A-Za-z0-9_-]{1,512}";

export const ID_PATTERNS = {
  organization: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
  taggedOrganization: new RegExp(`^org_${TAGGED_BODY}$`),
  user: new RegExp(`^user_${TAGGED_BODY}$`),
  role: new RegExp(`^rbac_role_${TAGGED_BODY}$`),
  group: new RegExp(`^rbac_group_${TAGGED_BODY}$`),
  chat: new RegExp(`^claude_chat_${TAGGED_BODY}$`),
  chatMessage: new RegExp(`^claude_chat_msg_${TAGGED_BODY}$`),
  file: new RegExp(`^claude_file_${TAGGED_BODY}$`),
  generatedFile: new RegExp(`^claude_gen_file_${OPAQUE_BODY}$`),
  artifactVersion: new RegExp(`^claude_artifact_version_${TAGGED_BODY}$`),
  project: new RegExp(`^claude_proj_${TAGGED_BODY}$`),
  projectDocument: new RegExp(`^claude_proj_doc_${TAGGED_BODY}$`),
  localSession: new RegExp(`^clls_${OPAQUE_BODY}$`),
  remoteSession: new RegExp(`^cse_${OPAQUE_BODY}$`),
  codeArtifact: new RegExp(`^cart_${TAGGED_BODY}$`),
  /** Opaque (the docs' example is "1741803761-9f3a"). */
  codeArtifactVersion: new RegExp(`^${OPAQUE_BODY}$`),
} as const;

export type IdKind = keyof typeof ID_PATTERNS;

/** What a reviewer would call each kind, for error messages. */
export const ID_DESCRIPTIONS: Record<IdKind, string> = {
  organization: "an organisation UUID",
  taggedOrganization: "an org_… organisation id",
  user: "a user_… id",
  role: "an rbac_role_… id",
  group: "an rbac_group_… id",
  chat: "a claude_chat_… id",
  chatMessage: "a claude_chat_msg_… id",
  file: "a claude_file_… id",
  generatedFile: "a claude_gen_file_… id",
  artifactVersion: "a claude_artifact_version_… id",
  project: "a claude_proj_… id",
  projectDocument: "a claude_proj_doc_… id",
  localSession: "a clls_… session id",
  remoteSession: "a cse_… session id",
  codeArtifact: "a cart_… code artifact id",
  codeArtifactVersion: "a code artifact version id (letters, digits, - and _)",
};

export function isId(kind: IdKind, value: unknown): value is string {
  return typeof value === "string" && ID_PATTERNS[kind].test(value);
}

/** organization_ids[] filters accept either form of an organisation id. */
export function isOrganizationReference(value: unknown): value is string {
  return isId("organization", value) || isId("taggedOrganization", value);
}
