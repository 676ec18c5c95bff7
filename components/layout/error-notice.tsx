import { ApiRequestError } from "@/lib/queries/api-fetch";

/** A failure as a reviewer should see it: the message, the ids to quote when reporting it, and a retry when one can help. */
export function ErrorNotice({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const ids = error instanceof ApiRequestError ? [error.requestId && `request ${error.requestId}`, error.upstreamRequestId && `upstream ${error.upstreamRequestId}`].filter(Boolean) : [];
  return (
    <div role="alert" className="rounded-md border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-900">
      <p>{error.message}</p>
      {ids.length > 0 && <p className="mt-1 font-mono text-xs text-rose-700">{ids.join(" · ")}</p>}
      {onRetry && (
        <button type="button" onClick={onRetry} className="mt-2 rounded border border-rose-300 bg-white px-2 py-0.5 text-xs font-semibold text-rose-900 hover:bg-rose-100">
          Retry
        </button>
      )}
    </div>
  );
}
