import "server-only";
import { recordAuditEvent, type AuditEventInput } from "@/lib/server/audit/record-audit-event";
import { getDb } from "@/lib/server/db";

/** Appends one audit row or throws AuditWriteError; injected so the file verbs can be tested against any database. */
export type AuditRecorder = (event: AuditEventInput) => Promise<unknown>;

export const recordToAppDatabase: AuditRecorder = (event) => recordAuditEvent(getDb(), event);
