// Approves (and so executes) a deletion in a process of its own, so a test can kill it mid-DELETE.
// Run with: node --conditions=react-server --import tsx approve-in-child.ts '<json>'
import { permissionsOf, type Role } from "@/lib/schemas/access";
import { createComplianceClient } from "@/lib/server/compliance/client";
import { createCapabilityProbe } from "@/lib/server/deletion/capability";
import { approveDeletion } from "@/lib/server/deletion/decide-deletion";
import { createDb } from "@/lib/server/db";

interface Job {
  databaseUrl: string;
  simulatorUrl: string;
  apiKey: string;
  deletionId: string;
  approver: { userId: string; subject: string; email: string; roles: Role[] };
}

const job = JSON.parse(process.argv[2] ?? "{}") as Job;
const db = createDb(job.databaseUrl);
const client = createComplianceClient({ baseUrl: job.simulatorUrl, apiKey: job.apiKey });
const now = () => new Date();
await approveDeletion(
  {
    db,
    client,
    capability: createCapabilityProbe(client, "compliance"),
    settings: { approvalsRequired: true, requestTtlHours: 72, snapshotDir: null, tokenSecret: "unused-here-by-approvals-at-least-32-chars" },
    now,
    // The test's database has no checkpoint file.
    checkpoints: null,
  },
  {
    userId: job.approver.userId,
    issuer: "https://idp.docket.test",
    subject: job.approver.subject,
    email: job.approver.email,
    name: job.approver.subject,
    roles: job.approver.roles,
    permissions: permissionsOf(job.approver.roles),
    sessionTokenHash: "0".repeat(64),
    sessionExpiresAt: new Date(Date.now() + 3_600_000),
  },
  job.deletionId,
  { comment: "Approved in a process that will not live to see the answer." },
  { requestId: "dkt_child", clientIp: null, userAgent: "approve-in-child" },
);
console.log("approved and settled");
await db.$disconnect();
await client.close();
