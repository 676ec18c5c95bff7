import { respondAudited } from "@/lib/server/console/console-read";
import { listRemoteSessions } from "@/lib/server/console/list-sessions";
import { RemoteSessionListRequest } from "@/lib/server/console/request-schemas";
import { getComplianceClient } from "@/lib/server/compliance";
import { defineRoute, givenParams } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One page of the sessions run in Anthropic's cloud (Cowork from the web or mobile), newest first. */
export const GET = defineRoute({ permission: "content.read", query: RemoteSessionListRequest }, async (input) =>
  respondAudited(
    input,
    { action: "session_transcript.list", params: { kind: "remote", ...givenParams(input.query) } },
    await listRemoteSessions(getComplianceClient(), input.query),
  ),
);
