import type { Ref } from "react";
import { Button } from "./button";
import { ErrorNotice } from "./error-notice";

/** The end of a list that has more to load: one button, which says when it is loading. */
export function LoadMore({
  label,
  isLoading,
  onLoad,
  sentinelRef,
}: {
  label: string;
  isLoading: boolean;
  onLoad: () => void;
  sentinelRef?: Ref<HTMLDivElement>;
}) {
  return (
    <div ref={sentinelRef} className="border-t border-slate-100 p-3 text-center">
      <Button variant="link" onClick={onLoad} disabled={isLoading}>
        {isLoading ? "Loading…" : label}
      </Button>
    </div>
  );
}

/** The paging an infinite query offers, as a list's footer needs it. */
export interface ForwardPaging {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: Error | null;
  fetchNextPage: () => Promise<unknown>;
}

/** A paged list's footer: what an empty list says, "load more", and a failed load with its retry. */
export function PagedListFooter({ isEmpty, emptyText, loadLabel, paging }: { isEmpty: boolean; emptyText: string; loadLabel: string; paging: ForwardPaging }) {
  return (
    <>
      {isEmpty && <p className="p-4 text-sm text-slate-500">{emptyText}</p>}
      {paging.hasNextPage && <LoadMore label={loadLabel} isLoading={paging.isFetchingNextPage} onLoad={() => void paging.fetchNextPage()} />}
      {paging.isFetchNextPageError && paging.error && (
        <div className="p-3">
          <ErrorNotice error={paging.error} onRetry={() => void paging.fetchNextPage()} />
        </div>
      )}
    </>
  );
}
