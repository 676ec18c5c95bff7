import "server-only";
import { THREAD_PAGE_SIZE } from "@/lib/queries/thread-queries";
import { ErrorEnvelope } from "@/lib/schemas/api-error";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { getComplianceClient } from "@/lib/server/compliance";
import { knownApiBudget } from "@/lib/server/compliance/transport";
import { toErrorResponse } from "@/lib/server/http/errors";
import { givenParams } from "@/lib/server/http/route";
import type { ServedOpening, ServedThreadPage } from "@/lib/thread/served-thread-page";
import { threadPageSearch } from "@/lib/thread/thread-pages";
import { recordRead, type ReadEvent } from "./console-read";
import { getChatMessages } from "./get-chat-messages";
import { ChatMessagesRequest } from "./request-schemas";

/** The audit event of reading a page of a chat's messages, wherever the page is read. */
export function chatViewEvent(chatId: string, query: ChatMessagesRequest): ReadEvent {
  return { action: "chat.view", target: { type: "chat", id: chatId }, params: givenParams(query) };
}

export interface ThreadOpeningDeps {
  client: ComplianceClient;
  recordRead: typeof recordRead;
}

const appDeps = (): ThreadOpeningDeps => ({ client: getComplianceClient(), recordRead });

/**
 * The thread page's opening page, read on the server while the page is sent: the very request the
 * thread view would have sent to the messages route (same query, validated by the same schema), read
 * and audited the same way, the audit row written before any message is handed over. A failure is
 * answered as that route would have answered it, for the view to show with its Retry.
 */
export async function readThreadOpening(
  request: Parameters<typeof recordRead>[0],
  chatId: string,
  opening: ServedOpening,
  deps: ThreadOpeningDeps = appDeps(),
): Promise<ServedThreadPage> {
  try {
    const query = ChatMessagesRequest.parse(Object.fromEntries(threadPageSearch(opening, THREAD_PAGE_SIZE, false)));
    const read = await getChatMessages(deps.client, chatId, query);
    await deps.recordRead(request, chatViewEvent(chatId, query), read);
    return { ok: true, page: read.dto, budget: knownApiBudget(deps.client.rateLimit) };
  } catch (error) {
    const response = toErrorResponse(error, request.metadata.requestId);
    const { error: refusal } = ErrorEnvelope.parse(await response.json());
    const retryAfter = Number(response.headers.get("retry-after"));
    return {
      ok: false,
      refusal: {
        status: response.status,
        code: refusal.code,
        message: refusal.message,
        requestId: refusal.requestId ?? request.metadata.requestId,
        upstreamRequestId: refusal.upstreamRequestId ?? null,
        retryAfterSeconds: Number.isInteger(retryAfter) && retryAfter > 0 ? retryAfter : null,
      },
    };
  }
}
