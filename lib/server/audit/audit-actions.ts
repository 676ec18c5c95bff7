import "server-only";

/**
 * Every action the audit log may record, as `entity.verb`. The one list: the database only checks
 * the shape (CHECK in the auth_and_audit migration), this list decides the names.
 */
export const AUDIT_ACTIONS = [
  "session.sign_in",
  "session.sign_out",
  "session.expired",
  "session.revoked",
  "person.list",
  "person.disabled",
  "person.enabled",
  "access.denied",
  "organization.list",
  "user.list",
  "custodian.view",
  "directory.view",
  "chat.list",
  "chat.view",
  "chat.export",
  "message.view",
  "file.view",
  "file.download",
  "generated_file.view",
  "generated_file.download",
  "artifact.view",
  "artifact.download",
  "code_artifact.list",
  "code_artifact.view",
  "project.list",
  "project.view",
  "document.view",
  "activity.list",
  "activity.export",
  "session_transcript.list",
  "session_transcript.view",
  "session_transcript.export",
  "audit.view",
  "audit.export",
  "audit.verify",
  "audit.checkpoint_export",
  "api_usage.view",
  "api_usage.export",
  "api_usage.reconcile",
  "deletion.capability",
  "deletion.blocked",
  "deletion.prepared",
  "deletion.requested",
  "deletion.approved",
  "deletion.queued",
  "deletion.rejected",
  "deletion.snapshot",
  "deletion.executing",
  "deletion.succeeded",
  "deletion.failed",
  "deletion.unknown",
  "deletion.reconciled",
  "deletion.expired",
  "deletion.cancelled",
  "hold.created",
  "hold.released",
  "list.export",
  "collection.created",
  "collection.paused",
  "collection.resumed",
  "collection.cancelled",
  "collection.download",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * `intent` is written before an irreversible call, `denied` for refused access, `failure`
 * when the attempt was made and failed.
 */
export const AUDIT_OUTCOMES = ["success", "denied", "failure", "intent"] as const;

export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
