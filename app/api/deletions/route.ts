import { CreateDeletionBody, DeletionListQuery } from "@/lib/schemas/deletions";
import { createDeletion } from "@/lib/server/deletion/create-deletion";
import { appDeletionDeps } from "@/lib/server/deletion/deletion-deps";
import { toDeletionDto } from "@/lib/server/deletion/deletion-dto";
import { listDeletions } from "@/lib/server/deletion/list-deletions";
import { getServerEnv } from "@/lib/server/env";
import { defineRoute } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The queue: every request for approvers, one's own otherwise; newest first. */
export const GET = defineRoute({ permission: "deletion.request", query: DeletionListQuery }, async ({ actor, query }) =>
  Response.json(await listDeletions(appDeletionDeps(), actor, query)),
);

/**
 * Confirms a prepared deletion: 201 with the new request (approved and queued at once when approvals are
 * off, so then it needs a recent sign-in, as an approval does), 200 for a repeat.
 */
export const POST = defineRoute(
  { permission: "deletion.request", body: CreateDeletionBody, recentSignIn: () => !getServerEnv().DOCKET_DELETE_APPROVALS },
  async ({ actor, body, metadata }) => {
    const { row, created } = await createDeletion(appDeletionDeps(), actor, body, metadata);
    return Response.json(toDeletionDto(row, actor), { status: created ? 201 : 200 });
  },
);
