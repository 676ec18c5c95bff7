import { z } from "zod";
import { isTimeZone } from "@/lib/console/time-zone";
import { rememberTimeZone } from "@/lib/server/console/reviewer-preference";
import { getDb } from "@/lib/server/db";
import { defineRoute } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const Body = z.object({ timeZone: z.string().refine(isTimeZone, "must be UTC or an IANA time zone this server knows") }).strict();

/** Remembers the zone the reviewer reads times in, for every browser they use. */
export const PUT = defineRoute({ permission: "signed_in", body: Body }, async ({ actor, body }) => {
  await rememberTimeZone(getDb(), actor, body.timeZone);
  return new Response(null, { status: 204 });
});
