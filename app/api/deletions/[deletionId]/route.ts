import { appDeletionDeps } from "@/lib/server/deletion/deletion-deps";
import { getDeletionDetail } from "@/lib/server/deletion/list-deletions";
import { DeletionPath } from "@/lib/server/deletion/request-schemas";
import { defineRoute } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A request and its whole life from the audit log. */
export const GET = defineRoute({ permission: "deletion.request", params: DeletionPath }, async ({ actor, params }) =>
  Response.json(await getDeletionDetail(appDeletionDeps(), actor, params.deletionId)),
);
