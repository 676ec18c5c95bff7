import { ReleaseLegalHoldBody } from "@/lib/schemas/legal-holds";
import { getDb } from "@/lib/server/db";
import { LegalHoldPath } from "@/lib/server/legal-holds/request-schemas";
import { defineRoute } from "@/lib/server/http/route";
import { releaseLegalHold } from "@/lib/server/legal-holds/legal-holds";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Releases a hold, with the reason; it stays on record. */
export const POST = defineRoute({ permission: "holds.manage", params: LegalHoldPath, body: ReleaseLegalHoldBody }, async ({ actor, params, body, metadata }) =>
  Response.json(await releaseLegalHold(getDb(), actor, params.holdId, body, metadata)),
);
