import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchThreadPage, threadKeys, type ThreadData } from "@/lib/queries/thread-queries";
import type { ThreadOpening } from "@/lib/thread/thread-pages";

/** Reads a message's page again without truncation and puts it in place of the truncated one. */
export function useUntruncatedReload(chatId: string, opening: ThreadOpening, pageIndexById: ReadonlyMap<string, number>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (messageId: string) => {
      const pageIndex = pageIndexById.get(messageId);
      const key = threadKeys.messages(chatId, opening);
      const param = pageIndex === undefined ? undefined : queryClient.getQueryData<ThreadData>(key)?.pageParams[pageIndex];
      if (!param) return;
      const page = await fetchThreadPage(chatId, param, { untruncated: true });
      // Found again by its parameter: pages prepended meanwhile have shifted the indexes.
      queryClient.setQueryData<ThreadData>(key, (current) =>
        current ? { ...current, pages: current.pages.map((existing, index) => (current.pageParams[index] === param ? page : existing)) } : current,
      );
    },
  });
}
