import { respondAudited } from "@/lib/server/console/console-read";
import { getSessionTranscript } from "@/lib/server/console/get-session-transcript";
import { RemoteSessionPath, SessionMessagesRequest } from "@/lib/server/console/request-schemas";
import { getComplianceClient } from "@/lib/server/compliance";
import { defineRoute, givenParams } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One page of a remote session's transcript, with the session's header. */
export const GET = defineRoute({ permission: "content.read", params: RemoteSessionPath, query: SessionMessagesRequest }, async (input) =>
  respondAudited(
    input,
    { action: "session_transcript.view", target: { type: "remote_session", id: input.params.sessionId }, params: givenParams(input.query) },
    await getSessionTranscript(getComplianceClient(), "remote", input.params.sessionId, input.query),
  ),
);
