import type { AuditEventInput } from "@/lib/server/audit/record-audit-event";
import type { Actor } from "@/lib/server/auth/session-store";
import { permissionsOf } from "@/lib/schemas/access";
import type { RequestMetadata } from "@/lib/server/http/request-metadata";
import type { AuditRecorder } from "@/lib/server/files/audit-recorder";

/** A signed-in reviewer, as the route wrapper hands it to the file verbs. */
export function reviewer(subject = "reviewer-1"): Actor {
  return {
    userId: `user-${subject}`,
    issuer: "https://idp.docket.test",
    subject,
    email: `${subject}@docket.test`,
    name: subject,
    roles: ["reviewer"],
    permissions: permissionsOf(["reviewer"]),
    sessionTokenHash: "0".repeat(64),
    sessionExpiresAt: new Date(Date.now() + 3_600_000),
    authenticatedAt: new Date(),
  };
}

export const REQUEST_METADATA: RequestMetadata = { requestId: "dkt_test", clientIp: "203.0.113.7", userAgent: "vitest" };

/** An audit recorder that keeps the rows in memory, in the order they were written. */
export function memoryRecorder(): { rows: AuditEventInput[]; record: AuditRecorder } {
  const rows: AuditEventInput[] = [];
  return {
    rows,
    record: async (event) => {
      rows.push(event);
    },
  };
}

/** Reads a response body to the end, or to the error that broke it off, keeping what arrived. */
export async function readBody(response: Response): Promise<{ bytes: Buffer; error: unknown }> {
  const chunks: Buffer[] = [];
  const reader = response.body!.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { bytes: Buffer.concat(chunks), error: null };
      chunks.push(Buffer.from(value));
    }
  } catch (error) {
    return { bytes: Buffer.concat(chunks), error };
  }
}
