"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { needsRecentSignIn, StepUpNotice } from "@/components/auth/step-up-notice";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/error-notice";
import { cancelDeletion, decideDeletion, deletionKeys, executeDeletion } from "@/lib/queries/deletion-queries";
import { MAX_COMMENT, type DeletionRequestDto } from "@/lib/schemas/deletions";
import { kindLabel } from "./deletion-format";

type Action = "approve" | "reject" | "cancel" | "execute";

/**
 * What the reader may do with a request now (the server says, in `allowedActions`): approve or reject
 * it with a comment, cancel their own, or ask the worker again to execute an approved one it gave up on. The
 * requester of a request is told why they cannot approve it, and given no button for it.
 */
export function DecisionControls({
  request,
  canApprove,
  onDone,
}: {
  request: DeletionRequestDto;
  canApprove: boolean;
  onDone?: (request: DeletionRequestDto) => void;
}) {
  const queryClient = useQueryClient();
  const commentId = useId();
  const [comment, setComment] = useState("");
  const act = useMutation({
    mutationFn: (action: Action): Promise<DeletionRequestDto> => {
      switch (action) {
        case "approve":
        case "reject":
          return decideDeletion(request.id, action, { comment: comment.trim() });
        case "cancel":
          return cancelDeletion(request.id, comment.trim() === "" ? {} : { comment: comment.trim() });
        case "execute":
          return executeDeletion(request.id);
      }
    },
    onSuccess: (updated) => onDone?.(updated),
    // Whatever came of it, the lists and the request's page show the request as it now stands.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: deletionKeys.all }),
  });
  const allowed = new Set(request.allowedActions);
  const mayDecide = allowed.has("approve") || allowed.has("reject");
  const isOwnPending = allowed.has("cancel");
  const commented = comment.trim() !== "";

  if (allowed.size === 0) {
    if (request.status !== "requested") return null;
    return <p className="text-sm text-slate-600">Waiting for a person with the approver role to decide it.</p>;
  }

  return (
    <div className="space-y-2" data-testid="decision-controls">
      {isOwnPending && (
        <p className="text-sm text-slate-700">
          {canApprove
            ? "You made this request, so you cannot approve or reject it: another approver must."
            : "Waiting for a person with the approver role to decide it."}
        </p>
      )}
      {(mayDecide || isOwnPending) && (
        <label htmlFor={commentId} className="block text-sm font-semibold">
          {mayDecide ? "Comment (required to approve or reject)" : "Comment (optional)"}
          <textarea
            id={commentId}
            value={comment}
            maxLength={MAX_COMMENT}
            rows={2}
            onChange={(event) => setComment(event.target.value)}
            className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm font-normal"
          />
        </label>
      )}
      <div className="flex flex-wrap gap-2">
        {allowed.has("approve") && (
          <Button disabled={!commented || act.isPending} onClick={() => act.mutate("approve")} variant="danger">
            Approve and delete the {kindLabel(request.target.kind)}
          </Button>
        )}
        {allowed.has("reject") && (
          <Button disabled={!commented || act.isPending} onClick={() => act.mutate("reject")}>
            Reject
          </Button>
        )}
        {allowed.has("cancel") && (
          <Button disabled={act.isPending} onClick={() => act.mutate("cancel")}>
            Cancel the request
          </Button>
        )}
        {allowed.has("execute") && (
          <Button disabled={act.isPending} onClick={() => act.mutate("execute")} variant="danger">
            Ask the worker to execute it again
          </Button>
        )}
      </div>
      {act.isPending && (
        <p role="status" className="text-sm text-slate-600">
          Sending…
        </p>
      )}
      {act.error && (needsRecentSignIn(act.error) ? <StepUpNotice message={act.error.message} /> : <ErrorNotice error={act.error} />)}
    </div>
  );
}
