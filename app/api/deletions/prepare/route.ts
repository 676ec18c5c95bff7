import { PrepareDeletionBody } from "@/lib/schemas/deletions";
import { appDeletionDeps } from "@/lib/server/deletion/deletion-deps";
import { prepareDeletion } from "@/lib/server/deletion/prepare-deletion";
import { defineRoute } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** What a deletion would destroy, and the confirmation token its commit needs. */
export const POST = defineRoute({ permission: "deletion.request", body: PrepareDeletionBody }, async ({ actor, body, metadata }) =>
  Response.json(await prepareDeletion(appDeletionDeps(), actor, body, metadata)),
);
