import { CancelDeletionBody } from "@/lib/schemas/deletions";
import { cancelDeletion } from "@/lib/server/deletion/decide-deletion";
import { appDeletionDeps } from "@/lib/server/deletion/deletion-deps";
import { toDeletionDto } from "@/lib/server/deletion/deletion-dto";
import { DeletionPath } from "@/lib/server/deletion/request-schemas";
import { defineRoute } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The requester withdraws a request not yet decided. */
export const POST = defineRoute({ permission: "deletion.request", params: DeletionPath, body: CancelDeletionBody }, async ({ actor, params, body, metadata }) =>
  Response.json(toDeletionDto(await cancelDeletion(appDeletionDeps(), actor, params.deletionId, body, metadata), actor)),
);
