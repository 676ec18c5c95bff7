import { runApprovedDeletion } from "@/lib/server/deletion/decide-deletion";
import { appDeletionDeps } from "@/lib/server/deletion/deletion-deps";
import { toDeletionDto } from "@/lib/server/deletion/deletion-dto";
import { DeletionPath } from "@/lib/server/deletion/request-schemas";
import { defineRoute } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Asks the worker again to execute an approved request it gave up on (its key could not delete then, say). */
export const POST = defineRoute({ permission: "deletion.request", params: DeletionPath, recentSignIn: true }, async ({ actor, params, metadata }) =>
  Response.json(toDeletionDto(await runApprovedDeletion(appDeletionDeps(), actor, params.deletionId, metadata), actor)),
);
