import { respondAudited } from "@/lib/server/console/console-read";
import { getSessionTranscript } from "@/lib/server/console/get-session-transcript";
import { LocalSessionPath, SessionMessagesRequest } from "@/lib/server/console/request-schemas";
import { getComplianceClient } from "@/lib/server/compliance";
import { defineRoute, givenParams } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One page of a local session's transcript, with the session's header. */
export const GET = defineRoute({ permission: "content.read", params: LocalSessionPath, query: SessionMessagesRequest }, async (input) =>
  respondAudited(
    input,
    { action: "session_transcript.view", target: { type: "local_session", id: input.params.sessionId }, params: givenParams(input.query) },
    await getSessionTranscript(getComplianceClient(), "local", input.params.sessionId, input.query),
  ),
);
