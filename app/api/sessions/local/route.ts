import { respondAudited } from "@/lib/server/console/console-read";
import { listLocalSessions } from "@/lib/server/console/list-sessions";
import { LocalSessionListRequest } from "@/lib/server/console/request-schemas";
import { getComplianceClient } from "@/lib/server/compliance";
import { defineRoute, givenParams } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One page of the sessions people ran on their machines (Cowork, Claude Code), newest first. */
export const GET = defineRoute({ permission: "content.read", query: LocalSessionListRequest }, async (input) =>
  respondAudited(
    input,
    { action: "session_transcript.list", params: { kind: "local", ...givenParams(input.query) } },
    await listLocalSessions(getComplianceClient(), input.query),
  ),
);
