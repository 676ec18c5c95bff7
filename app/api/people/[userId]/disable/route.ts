import { PersonAccessBody } from "@/lib/schemas/people";
import { getDb } from "@/lib/server/db";
import { defineRoute } from "@/lib/server/http/route";
import { changeAccess } from "@/lib/server/people/people";
import { PersonPath } from "@/lib/server/people/request-schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Disables a person: their sessions end now, and signing in is refused until they are enabled. */
export const POST = defineRoute({ permission: "people.manage", params: PersonPath, body: PersonAccessBody }, async ({ actor, params, body, metadata }) =>
  Response.json(await changeAccess({ db: getDb() }, actor, params.userId, "disable", body, metadata)),
);
