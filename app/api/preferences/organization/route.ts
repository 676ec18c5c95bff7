import { z } from "zod";
import { OrganizationPath } from "@/lib/server/console/request-schemas";
import { rememberOrganization } from "@/lib/server/console/reviewer-preference";
import { getDb } from "@/lib/server/db";
import { defineRoute } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const Body = z.object({ orgUuid: OrganizationPath.shape.orgUuid }).strict();

/** Remembers the organisation the reviewer chose, for their next visit from any browser. */
export const PUT = defineRoute({ permission: "content.read", body: Body }, async ({ actor, body }) => {
  await rememberOrganization(getDb(), actor, body.orgUuid);
  return new Response(null, { status: 204 });
});
