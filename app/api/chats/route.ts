import { respondAudited } from "@/lib/server/console/console-read";
import { listChats } from "@/lib/server/console/list-chats";
import { ChatListRequest } from "@/lib/server/console/request-schemas";
import { getComplianceClient } from "@/lib/server/compliance";
import { defineRoute, givenParams } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One page of chats for the selected users, or organisation-wide. */
export const GET = defineRoute({ permission: "content.read", query: ChatListRequest }, async (input) =>
  respondAudited(input, { action: "chat.list", params: givenParams(input.query) }, await listChats(getComplianceClient(), input.query)),
);
