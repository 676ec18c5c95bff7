import { ApiRequestError } from "@/lib/queries/api-fetch";
import { Button } from "./button";
import { Notice } from "./notice";

/** A failure as a reviewer should see it: the message, the ids to quote when reporting it, and a retry when one can help. */
export function ErrorNotice({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const ids =
    error instanceof ApiRequestError
      ? [error.requestId && `request ${error.requestId}`, error.upstreamRequestId && `upstream ${error.upstreamRequestId}`].filter(Boolean)
      : [];
  return (
    <Notice tone="error">
      <p>{error.message}</p>
      {ids.length > 0 && <p className="mt-1 font-mono text-xs text-rose-700">{ids.join(" · ")}</p>}
      {onRetry && (
        <Button size="small" onClick={onRetry} className="mt-2">
          Retry
        </Button>
      )}
    </Notice>
  );
}
