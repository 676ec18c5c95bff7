import { getDb } from "@/lib/server/db";
import { LegalHoldPath } from "@/lib/server/legal-holds/request-schemas";
import { defineRoute } from "@/lib/server/http/route";
import { getLegalHold } from "@/lib/server/legal-holds/legal-holds";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = defineRoute({ permission: "holds.manage", params: LegalHoldPath }, async ({ params }) =>
  Response.json(await getLegalHold(getDb(), params.holdId)),
);
