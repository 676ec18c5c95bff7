import { toCapabilityDto } from "@/lib/server/deletion/capability";
import { appDeletionDeps } from "@/lib/server/deletion/deletion-deps";
import { defineRoute } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Whether deleting is possible at all with Docket's key (found out once per process), and the policy. */
export const GET = defineRoute({ permission: "deletion.request" }, async () => {
  const deps = appDeletionDeps();
  return Response.json(toCapabilityDto(await deps.capability.check(), deps.settings));
});
