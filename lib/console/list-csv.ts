import type { CodeArtifactSummary } from "@/lib/schemas/code-artifacts";
import type { ChatSummary, CustodianPage, ProjectSummary } from "@/lib/schemas/console";
import type { DeletionRequestDto } from "@/lib/schemas/deletions";
import type { LegalHoldDto } from "@/lib/schemas/legal-holds";
import type { SessionSummary } from "@/lib/schemas/sessions";

/**
 * The columns of each list downloaded as CSV: every field the page has, times exactly as the API gave
 * them (RFC 3339, UTC), so the file is evidence, whatever zone the reviewer reads the page in.
 */
export interface CsvTable {
  header: string[];
  rows: Array<Array<string | null>>;
}

type Custodian = CustodianPage["users"][number];
type Person = { email: string | null; name: string | null };

const yesNo = (value: boolean | null) => (value === null ? null : value ? "yes" : "no");
const personOf = (person: Person | null) => (person ? (person.email ?? person.name) : null);

export function custodiansCsv(custodians: readonly Custodian[]): CsvTable {
  return {
    header: ["user_id", "full_name", "email", "organization_role", "created_at"],
    rows: custodians.map((user) => [user.id, user.fullName, user.email, user.organizationRole, user.createdAt]),
  };
}

export function chatsCsv(chats: readonly ChatSummary[]): CsvTable {
  return {
    header: [
      "chat_id",
      "name",
      "owner_id",
      "owner_email",
      "model",
      "project_id",
      "organization_uuid",
      "created_at",
      "updated_at",
      "deleted_by_user",
      "deleted_at",
    ],
    rows: chats.map((chat) => [
      chat.id,
      chat.name,
      chat.owner?.id ?? null,
      chat.owner?.email ?? null,
      chat.model,
      chat.projectId,
      chat.organizationUuid,
      chat.createdAt,
      chat.updatedAt,
      yesNo(chat.deleted),
      chat.deletedAt,
    ]),
  };
}

export function sessionsCsv(sessions: readonly SessionSummary[]): CsvTable {
  return {
    header: [
      "session_id",
      "kind",
      "product_surface",
      "owner_id",
      "owner_email",
      "agent_id",
      "started_by_id",
      "organization_uuid",
      "workspace_id",
      "project_id",
      "status",
      "created_at",
      "updated_at",
    ],
    rows: sessions.map((session) => [
      session.id,
      session.kind,
      session.productSurface,
      session.user?.id ?? null,
      session.user?.email ?? null,
      session.agentId,
      session.startedBy?.id ?? null,
      session.organizationUuid,
      session.workspaceId,
      session.projectId,
      session.status,
      session.createdAt,
      session.updatedAt,
    ]),
  };
}

export function codeArtifactsCsv(artifacts: readonly CodeArtifactSummary[]): CsvTable {
  return {
    header: ["artifact_id", "published_name", "owner_id", "owner_email", "read_mode", "organization_uuid", "updated_at", "versions", "published_version_id"],
    rows: artifacts.map((artifact) => [
      artifact.id,
      (artifact.versions.find((version) => version.id === artifact.publishedVersionId) ?? artifact.versions[0])?.name ?? null,
      artifact.ownerUserId,
      artifact.ownerEmail,
      artifact.readMode,
      artifact.organizationUuid,
      artifact.updatedAt,
      String(artifact.versions.length),
      artifact.publishedVersionId,
    ]),
  };
}

export function projectsCsv(projects: readonly ProjectSummary[]): CsvTable {
  return {
    header: ["project_id", "name", "owner_id", "owner_email", "private", "organization_uuid", "created_at", "updated_at", "deleted_by_user", "deleted_at"],
    rows: projects.map((project) => [
      project.id,
      project.name,
      project.owner?.id ?? null,
      project.owner?.email ?? null,
      yesNo(project.isPrivate),
      project.organizationUuid,
      project.createdAt,
      project.updatedAt,
      yesNo(project.deleted),
      project.deletedAt,
    ]),
  };
}

export function deletionRequestsCsv(requests: readonly DeletionRequestDto[]): CsvTable {
  return {
    header: [
      "request_id",
      "status",
      "target_kind",
      "target_id",
      "target_name",
      "reason",
      "reason_text",
      "reference",
      "requested_by",
      "requested_at",
      "decided_by",
      "decided_at",
      "decision_comment",
      "expires_at",
      "completed_at",
      "upstream_request_id",
    ],
    rows: requests.map((request) => [
      request.id,
      request.status,
      request.target.kind,
      request.target.id,
      request.target.name,
      request.reason.code,
      request.reason.text,
      request.reference,
      personOf(request.requestedBy),
      request.requestedAt,
      personOf(request.decidedBy),
      request.decidedAt,
      request.decisionComment,
      request.expiresAt,
      request.completedAt,
      request.upstream?.requestId ?? null,
    ]),
  };
}

export function legalHoldsCsv(holds: readonly LegalHoldDto[]): CsvTable {
  return {
    header: [
      "hold_id",
      "matter",
      "status",
      "reason",
      "starts_on",
      "custodians",
      "projects",
      "chats",
      "created_by",
      "created_at",
      "released_by",
      "released_at",
      "release_reason",
    ],
    rows: holds.map((hold) => [
      hold.id,
      hold.matterName,
      hold.status,
      hold.reason,
      hold.startsOn,
      hold.scope.userIds.join(" "),
      hold.scope.projectIds.join(" "),
      hold.scope.chatIds.join(" "),
      personOf(hold.createdBy),
      hold.createdAt,
      personOf(hold.releasedBy),
      hold.releasedAt,
      hold.releaseReason,
    ]),
  };
}
