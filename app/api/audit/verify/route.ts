import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { appCheckpointSettings, InvalidCheckpointFileError, readCheckpoint } from "@/lib/server/audit/checkpoint";
import { verifyAuditChain } from "@/lib/server/audit/verify-chain";
import { auditActorOf } from "@/lib/server/auth/session-store";
import { getDb } from "@/lib/server/db";
import { defineRoute } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Verifies the whole chain against the signed checkpoint and records the verdict. */
export const POST = defineRoute({ permission: "audit.verify" }, async ({ actor, metadata }) => {
  const db = getDb();
  const settings = await appCheckpointSettings();
  const checkpoint = await readCheckpoint(settings.file).catch(async (error: unknown) => {
    // An altered checkpoint is itself a finding: record the failed verification before answering.
    if (error instanceof InvalidCheckpointFileError) {
      await recordAuditEvent(db, { actor: auditActorOf(actor), action: "audit.verify", params: { checkpoint: "unreadable" }, outcome: "failure", ...metadata });
    }
    throw error;
  });
  // The key held outside the host when there is one: a checkpoint re-signed with a stolen or swapped
  // signing key does not verify with it.
  const report = await verifyAuditChain(db, { checkpoint, publicKey: checkpoint ? (settings.verifyKey ?? settings.signingKey) : null });
  await recordAuditEvent(db, {
    actor: auditActorOf(actor),
    action: "audit.verify",
    params: {
      rowsChecked: report.rowsChecked,
      head: report.head?.seq ?? null,
      firstBreak: report.firstBreak ? `${report.firstBreak.kind}@${report.firstBreak.seq}` : null,
    },
    outcome: report.ok ? "success" : "failure",
    ...metadata,
  });
  return Response.json(report);
});
