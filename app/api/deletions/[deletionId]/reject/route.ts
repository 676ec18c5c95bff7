import { DeletionDecisionBody } from "@/lib/schemas/deletions";
import { rejectDeletion } from "@/lib/server/deletion/decide-deletion";
import { appDeletionDeps } from "@/lib/server/deletion/deletion-deps";
import { toDeletionDto } from "@/lib/server/deletion/deletion-dto";
import { DeletionPath } from "@/lib/server/deletion/request-schemas";
import { defineRoute } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Rejects another person's request, with a comment. */
export const POST = defineRoute(
  { permission: "deletion.approve", params: DeletionPath, body: DeletionDecisionBody, recentSignIn: true },
  async ({ actor, params, body, metadata }) =>
    Response.json(toDeletionDto(await rejectDeletion(appDeletionDeps(), actor, params.deletionId, body, metadata), actor)),
);
