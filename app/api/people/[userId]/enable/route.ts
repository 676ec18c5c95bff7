import { PersonAccessBody } from "@/lib/schemas/people";
import { getDb } from "@/lib/server/db";
import { defineRoute } from "@/lib/server/http/route";
import { changeAccess } from "@/lib/server/people/people";
import { PersonPath } from "@/lib/server/people/request-schemas";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Enables a disabled person: they may sign in again. */
export const POST = defineRoute({ permission: "people.manage", params: PersonPath, body: PersonAccessBody }, async ({ actor, params, body, metadata }) =>
  Response.json(await changeAccess({ db: getDb() }, actor, params.userId, "enable", body, metadata)),
);
