import { getChatOverview } from "@/lib/server/console/chat-raw-and-overview";
import { respondAudited } from "@/lib/server/console/console-read";
import { ChatPath } from "@/lib/server/console/request-schemas";
import { getComplianceClient } from "@/lib/server/compliance";
import { defineRoute } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A whole chat counted (span, authors, tool calls, attachments) and its own JSON as sent. */
export const GET = defineRoute({ permission: "content.read", params: ChatPath }, async (input) =>
  respondAudited(
    input,
    { action: "chat.view", target: { type: "chat", id: input.params.chatId }, params: { overview: true } },
    await getChatOverview(getComplianceClient(), input.params.chatId),
  ),
);
