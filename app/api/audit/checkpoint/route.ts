import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { appCheckpointSettings, publicKeyPem, readCheckpoint } from "@/lib/server/audit/checkpoint";
import { auditActorOf } from "@/lib/server/auth/session-store";
import { getDb } from "@/lib/server/db";
import { defineRoute } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The signed chain head and the public key that verifies it, for an auditor to keep outside Docket. */
export const GET = defineRoute({ permission: "audit.export" }, async ({ actor, metadata }) => {
  const settings = await appCheckpointSettings();
  const checkpoint = await readCheckpoint(settings.file);
  await recordAuditEvent(getDb(), {
    actor: auditActorOf(actor),
    action: "audit.checkpoint_export",
    params: { seq: checkpoint?.seq ?? null },
    outcome: "success",
    ...metadata,
  });
  return Response.json(
    { checkpoint, publicKeyPem: await publicKeyPem(settings) },
    {
      headers: { "content-disposition": 'attachment; filename="docket-audit-checkpoint.json"' },
    },
  );
});
