// What only the audit tests need on top of tests/support/database.ts: an attacker's edits, and events.
import type { AuditEventInput } from "@/lib/server/audit/record-audit-event";
import { superuserQuery } from "@/tests/support/database";

/**
 * What an attacker with superuser rights can do: switch the append-only trigger off, change rows,
 * switch it back on. All in one transaction, as a careful attacker would.
 */
export async function tamper(url: string, ...statements: string[]): Promise<void> {
  await superuserQuery(
    url,
    [
      "BEGIN",
      "ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only",
      ...statements,
      "ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only",
      "COMMIT",
    ].join(";\n"),
  );
}

/** A plausible content read, different for each `index`. */
export function sampleEvent(index: number, overrides: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    actor: { issuer: "https://idp.docket.test", subject: `u-${index % 3}`, email: `user${index % 3}@docket.test`, roles: ["reviewer"] },
    action: "chat.view",
    target: { type: "chat", id: `chat_${index}` },
    organizationId: "org_1",
    params: { index },
    outcome: "success",
    requestId: `dkt_${index}`,
    ...overrides,
  };
}
