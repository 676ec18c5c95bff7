import { respondAudited } from "@/lib/server/console/console-read";
import { getChatMessages } from "@/lib/server/console/get-chat-messages";
import { chatViewEvent } from "@/lib/server/console/read-thread-opening";
import { ChatMessagesRequest, ChatPath } from "@/lib/server/console/request-schemas";
import { getComplianceClient } from "@/lib/server/compliance";
import { defineRoute } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A chat's header and one page of its messages (the thread page reads its opening page itself: read-thread-opening.ts). */
export const GET = defineRoute({ permission: "content.read", params: ChatPath, query: ChatMessagesRequest }, async (input) =>
  respondAudited(input, chatViewEvent(input.params.chatId, input.query), await getChatMessages(getComplianceClient(), input.params.chatId, input.query)),
);
