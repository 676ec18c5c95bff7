import { useQuery } from "@tanstack/react-query";
import { useTimeFormat } from "@/components/layout/time-zone";
import { settlingDeletionOptions } from "@/lib/queries/deletion-queries";
import type { DeletionRequestDto } from "@/lib/schemas/deletions";
import { STATUS_LABELS, STATUS_STYLES } from "./deletion-format";
import { HoldsNotice } from "./holds-notice";

export function StatusBadge({ status }: { status: DeletionRequestDto["status"] }) {
  return <span className={`whitespace-nowrap rounded px-2 py-0.5 text-xs font-semibold ${STATUS_STYLES[status]}`}>{STATUS_LABELS[status]}</span>;
}

/** Where a request stands, in a sentence, with what the API answered when it was executed. */
export function DeletionStatusLine({ request }: { request: DeletionRequestDto }) {
  const { format } = useTimeFormat();
  const { outcome, upstream } = request;
  return (
    <div role="status" className="space-y-2 text-sm" data-testid="deletion-status">
      <p className="flex flex-wrap items-center gap-2">
        <StatusBadge status={request.status} />
        <span>{sentenceFor(request, format)}</span>
      </p>
      {outcome && outcome.kind !== "legal_hold" && <p>{outcome.message}</p>}
      {outcome?.kind === "legal_hold" && <HoldsNotice holds={outcome.holds ?? []} message={outcome.message} />}
      {upstream?.requestId && (
        <p className="text-xs text-slate-600">
          Compliance API request id <span className="font-mono">{upstream.requestId}</span>
          {upstream.httpStatus !== null && ` (HTTP ${upstream.httpStatus})`}
        </p>
      )}
    </div>
  );
}

/** The status line of a request just confirmed or decided, followed while the worker settles it. */
export function SettlingStatusLine({ request }: { request: DeletionRequestDto }) {
  const followed = useQuery(settlingDeletionOptions(request));
  return <DeletionStatusLine request={followed.data ?? request} />;
}

function sentenceFor(request: DeletionRequestDto, format: (timestamp: string | null) => string): string {
  switch (request.status) {
    case "requested":
      return `Waiting for a second person with the approver role to approve it (it expires ${format(request.expiresAt)}).`;
    case "approved":
      if (request.executionQueuedAt === null)
        return `Approved, but not executed: ${request.executionError ?? "the worker did not run it."} Someone who may approve it can ask the worker again.`;
      return request.executionError ? `Approved and waiting for the worker. ${request.executionError}` : "Approved; Docket's worker is executing it.";
    case "executing":
      return "The worker is sending the DELETE; its outcome is not recorded yet.";
    case "succeeded":
      return `Deleted${request.completedAt ? ` at ${format(request.completedAt)}` : ""}.`;
    case "failed":
      return "Nothing was deleted by this request.";
    case "unknown":
      return "The outcome is unknown (a timeout or a server error): Docket's reconciler reads the object back and settles it later. Follow it on the request's page.";
    case "rejected":
      return `Rejected${request.decidedBy ? ` by ${request.decidedBy.email ?? request.decidedBy.name ?? "an approver"}` : ""}${request.decisionComment ? `: “${request.decisionComment}”` : "."}`;
    case "cancelled":
      return "Cancelled by its requester before anyone decided it.";
    case "expired":
      return "Expired before it was executed. Make a new request if the object must still be deleted.";
  }
}
