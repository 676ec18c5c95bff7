import { useInfiniteQuery } from "@tanstack/react-query";
import { use, useEffect, useMemo, useState, type ReactNode } from "react";
import { publishApiBudget } from "@/lib/queries/api-budget-store";
import { ApiRequestError } from "@/lib/queries/api-fetch";
import { threadMessagesOptions } from "@/lib/queries/thread-queries";
import { servedBudget, textsFormattedOnServer, type FirstThreadPage, type ServedOpening } from "@/lib/thread/served-thread-page";
import { earlierMessages, type ThreadOpening } from "@/lib/thread/thread-pages";
import { useLoadedMessages } from "./use-loaded-messages";

/**
 * The thread's pages: the opening page the server read (never asked for again), the pages fetched
 * since, and what the view derives from them. `opening` changes when a jump reopens the thread at its
 * start or end.
 */
export function useThreadPages(chatId: string, servedOpening: ServedOpening, firstPage: FirstThreadPage | Promise<FirstThreadPage>) {
  const { served, formattedTexts } = "then" in firstPage ? use(firstPage) : firstPage;
  const [opening, setOpening] = useState<ThreadOpening>(servedOpening);
  // A refused opening page is shown as a failed query would be; its Retry asks the messages route.
  const [refusal, setRefusal] = useState(() =>
    served.ok
      ? null
      : new ApiRequestError(
          served.refusal.status,
          served.refusal.code,
          served.refusal.message,
          served.refusal.requestId,
          served.refusal.upstreamRequestId,
          served.refusal.retryAfterSeconds,
        ),
  );
  const query = useInfiniteQuery({
    ...threadMessagesOptions(chatId, opening),
    // Only for the page's own opening (that very object): an opening asked for later, even the same one
    // again, is the cache's to answer, or the route's.
    initialData: served.ok && opening === servedOpening ? { pages: [served.page], pageParams: [servedOpening] } : undefined,
    enabled: refusal === null,
  });
  useEffect(() => {
    const budget = servedBudget(served, new Date());
    if (budget) publishApiBudget(budget);
  }, [served]);
  const formattedByText = useMemo(
    () => new Map<string, ReactNode>(served.ok ? textsFormattedOnServer(served.page).map((text, index) => [text, formattedTexts[index]]) : []),
    [served, formattedTexts],
  );

  const { messages, pageIndexById, paired, indexById } = useLoadedMessages(query.data?.pages);
  const firstPageParam = query.data?.pageParams[0];
  const earlier = firstPageParam ? earlierMessages(firstPageParam, query.hasPreviousPage) : "none";

  return { query, opening, setOpening, refusal, clearRefusal: () => setRefusal(null), formattedByText, messages, pageIndexById, paired, indexById, earlier };
}
