import { getDb } from "@/lib/server/db";
import { defineRoute } from "@/lib/server/http/route";
import { listPeople } from "@/lib/server/people/people";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Everyone who has signed in to Docket, with their sessions. */
export const GET = defineRoute({ permission: "people.manage" }, async ({ actor, metadata }) =>
  Response.json(await listPeople({ db: getDb() }, actor, metadata)),
);
