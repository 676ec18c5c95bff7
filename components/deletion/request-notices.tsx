import Link from "next/link";
import { needsRecentSignIn, StepUpNotice } from "@/components/auth/step-up-notice";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/error-notice";
import { Notice } from "@/components/ui/notice";
import { ApiRequestError } from "@/lib/queries/api-fetch";
import { deletionIdOf, holdsOf } from "@/lib/queries/deletion-queries";
import { requestHref } from "./deletion-format";
import { HoldsNotice } from "./holds-notice";

/** A deletion request for this object is already open: said, with the way to it. */
export function OpenRequestNotice({ message, requestId }: { message: string; requestId: string }) {
  return (
    <Notice tone="warning">
      <p>{message}</p>
      <Link href={requestHref(requestId)} className="font-semibold underline">
        Open that request
      </Link>
    </Notice>
  );
}

/**
 * Why a confirmation was refused, with what can be done about it: the holds that block it, the
 * request already open, a renewed confirmation when it expired, or the request it still recorded
 * (with approvals off, a refused execution leaves the request to follow and execute later).
 */
export function CommitRefusal({ error, onRenew, isRenewing }: { error: Error; onRenew: () => void; isRenewing: boolean }) {
  const holds = holdsOf(error);
  const code = error instanceof ApiRequestError ? error.code : null;
  const namedRequest = deletionIdOf(error);
  if (holds.length > 0) return <HoldsNotice holds={holds} />;
  if (code === "deletion_open" && namedRequest) return <OpenRequestNotice message={error.message} requestId={namedRequest} />;
  if (needsRecentSignIn(error)) return <StepUpNotice message={error.message} />;
  return (
    <div className="space-y-2">
      <ErrorNotice error={error} />
      {code === "confirmation_invalid" && (
        <Button onClick={onRenew} disabled={isRenewing}>
          Renew the confirmation
        </Button>
      )}
      {namedRequest && (
        <p className="text-sm">
          <Link href={requestHref(namedRequest)} className="font-semibold underline">
            Open the deletion request
          </Link>{" "}
          (it was recorded).
        </p>
      )}
    </div>
  );
}
