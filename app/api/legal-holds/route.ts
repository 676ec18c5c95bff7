import { CreateLegalHoldBody, LegalHoldListQuery } from "@/lib/schemas/legal-holds";
import { getComplianceClient } from "@/lib/server/compliance";
import { getDb } from "@/lib/server/db";
import { defineRoute } from "@/lib/server/http/route";
import { listLegalHolds, placeLegalHold } from "@/lib/server/legal-holds/legal-holds";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Every legal hold (or those active, or released), newest first. */
export const GET = defineRoute({ permission: "holds.manage", query: LegalHoldListQuery }, async ({ query }) =>
  Response.json({ holds: await listLegalHolds(getDb(), query) }),
);

/** Places a hold on objects the Compliance API knows; from now on nothing it covers may be deleted. */
export const POST = defineRoute({ permission: "holds.manage", body: CreateLegalHoldBody }, async ({ actor, body, metadata, request }) =>
  Response.json(await placeLegalHold(getComplianceClient(), getDb(), actor, body, metadata, request.signal), { status: 201 }),
);
