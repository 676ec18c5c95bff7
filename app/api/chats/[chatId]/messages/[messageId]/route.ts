import { getRawChatMessage } from "@/lib/server/console/chat-raw-and-overview";
import { respondAudited } from "@/lib/server/console/console-read";
import { ChatMessagePath, RawChatMessageRequest } from "@/lib/server/console/request-schemas";
import { getComplianceClient } from "@/lib/server/compliance";
import { defineRoute, givenParams } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One message exactly as the API sent it (the thread's "Raw JSON"). */
export const GET = defineRoute({ permission: "content.read", params: ChatMessagePath, query: RawChatMessageRequest }, async (input) => {
  const { chatId, messageId } = input.params;
  return respondAudited(
    input,
    { action: "chat.view", target: { type: "chat", id: chatId }, params: { rawMessage: messageId, ...givenParams(input.query) } },
    await getRawChatMessage(getComplianceClient(), chatId, messageId, input.query),
  );
});
