import { CreateLegalHoldBody, LegalHoldListQuery } from "@/lib/schemas/legal-holds";
import { getDb } from "@/lib/server/db";
import { defineRoute } from "@/lib/server/http/route";
import { createLegalHold, listLegalHolds } from "@/lib/server/legal-holds/legal-holds";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Every legal hold (or those active, or released), newest first. */
export const GET = defineRoute({ permission: "holds.manage", query: LegalHoldListQuery }, async ({ query }) =>
  Response.json({ holds: await listLegalHolds(getDb(), query) }),
);

/** Places a hold; from now on nothing it covers may be deleted. */
export const POST = defineRoute({ permission: "holds.manage", body: CreateLegalHoldBody }, async ({ actor, body, metadata }) =>
  Response.json(await createLegalHold(getDb(), actor, body, metadata), { status: 201 }),
);
