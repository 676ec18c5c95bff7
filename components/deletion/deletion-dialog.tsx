"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/error-notice";
import { deletionIdOf, deletionPreparationOptions, holdsOf, newIdempotencyKey } from "@/lib/queries/deletion-queries";
import type { ChatRef, DeletionReasonCode, DeletionRequestDto, DeletionTarget } from "@/lib/schemas/deletions";
import { displayName, kindLabel, requestHref } from "./deletion-format";
import { DeletionForm } from "./deletion-form";
import { SettlingStatusLine } from "./deletion-status";
import { HoldsNotice } from "./holds-notice";
import { OpenRequestNotice } from "./request-notices";
import { useCreateDeletion } from "./use-create-deletion";

/** What a person filled in, carried from one object's dialog to the next (the typed name never is). */
export type DeletionDraft = { reasonCode: DeletionReasonCode | ""; reasonText: string; reference: string };
export const EMPTY_DRAFT: DeletionDraft = { reasonCode: "", reasonText: "", reference: "" };

type DeletionDialogBodyProps = {
  target: DeletionTarget;
  draft: DeletionDraft;
  onDraftChange: (draft: DeletionDraft) => void;
  /** A project's dialog: open the dialog of one of its chats (the API refuses a project that has chats). */
  onDeleteChatFirst?: (chat: ChatRef) => void;
  /** Set in a chat's dialog opened from its project's: goes back to it. */
  onBack?: () => void;
  onClose: () => void;
};

/**
 * The delete dialog's content for one object: it prepares the deletion (what it destroys, and a
 * confirmation token), asks for the reason, a reference and the object's name or id typed by hand,
 * then confirms. The idempotency key is made once, when it opens: a double click, a retry, or a
 * preparation renewed after its token expired all reuse it, so one dialog makes at most one request.
 */
export function DeletionDialogBody({ target, draft, onDraftChange, onDeleteChatFirst, onBack, onClose }: DeletionDialogBodyProps) {
  const [idempotencyKey] = useState(newIdempotencyKey);
  const preparation = useQuery(deletionPreparationOptions(target, idempotencyKey));
  const commit = useCreateDeletion();
  const headingRef = useRef<HTMLParagraphElement>(null);
  // A screen reader hears where it is when the content is ready or changes (another object, the outcome).
  const stage = commit.data ? "done" : preparation.isSuccess ? "ready" : "loading";
  useEffect(() => {
    if (stage !== "loading") headingRef.current?.focus();
  }, [stage]);

  const backOrClose = onBack ? <Button onClick={onBack}>Back to the project</Button> : <Button onClick={onClose}>{commit.data ? "Close" : "Cancel"}</Button>;

  if (commit.data) {
    return (
      <div className="space-y-4">
        <DeletionOutcome committed={commit.data} headingRef={headingRef} />
        <div className="flex justify-end">{backOrClose}</div>
      </div>
    );
  }

  if (preparation.isPending) {
    return (
      <div className="space-y-4">
        <p role="status" className="text-sm text-slate-600">
          Reading what deleting this {kindLabel(target.kind)} would destroy…
        </p>
        <div className="flex justify-end">{backOrClose}</div>
      </div>
    );
  }

  if (preparation.isError) {
    const holds = holdsOf(preparation.error);
    const openId = deletionIdOf(preparation.error);
    return (
      <div className="space-y-4">
        {holds.length > 0 ? (
          <HoldsNotice holds={holds} />
        ) : openId ? (
          <OpenRequestNotice message={preparation.error.message} requestId={openId} />
        ) : (
          <ErrorNotice error={preparation.error} onRetry={() => void preparation.refetch()} />
        )}
        <div className="flex justify-end">{backOrClose}</div>
      </div>
    );
  }

  return (
    <DeletionForm
      key={preparation.dataUpdatedAt}
      prepared={preparation.data}
      target={target}
      draft={draft}
      onDraftChange={onDraftChange}
      headingRef={headingRef}
      commit={commit}
      onRenew={() => {
        commit.reset();
        void preparation.refetch();
      }}
      isRenewing={preparation.isFetching}
      onDeleteChatFirst={onDeleteChatFirst}
      footer={backOrClose}
    />
  );
}

/** The confirmed request; its status is followed while the worker executes it (approvals off). */
function DeletionOutcome({ committed: request, headingRef }: { committed: DeletionRequestDto; headingRef: RefObject<HTMLParagraphElement | null> }) {
  return (
    <>
      <p ref={headingRef} tabIndex={-1} className="font-semibold outline-none">
        {request.approvalsRequired && request.status === "requested"
          ? `Request created: the ${kindLabel(request.target.kind)} is deleted only once a second person approves it.`
          : `Deletion of the ${kindLabel(request.target.kind)} ${displayName(request.target.name, request.target.kind)}`}
      </p>
      <SettlingStatusLine request={request} />
      <p className="text-sm">
        <Link href={requestHref(request.id)} className="font-semibold underline">
          Open the deletion request
        </Link>{" "}
        <span className="font-mono text-xs text-slate-500">{request.id}</span>
      </p>
    </>
  );
}
