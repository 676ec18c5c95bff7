import { respondAudited } from "@/lib/server/console/console-read";
import { getChatMessages } from "@/lib/server/console/get-chat-messages";
import { ChatMessagesRequest, ChatPath } from "@/lib/server/console/request-schemas";
import { getComplianceClient } from "@/lib/server/compliance";
import { defineRoute, givenParams } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A chat's header and one page of its messages. */
export const GET = defineRoute({ permission: "content.read", params: ChatPath, query: ChatMessagesRequest }, async (input) =>
  respondAudited(
    input,
    { action: "chat.view", target: { type: "chat", id: input.params.chatId }, params: givenParams(input.query) },
    await getChatMessages(getComplianceClient(), input.params.chatId, input.query),
  ),
);
