"use client";

import Link from "next/link";
import { useMutation, useQuery, useQueryClient, type UseMutationResult } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode, type RefObject } from "react";
import { ErrorNotice } from "@/components/layout/error-notice";
import { ApiRequestError } from "@/lib/queries/api-fetch";
import {
  createDeletion,
  deletionKeys,
  deletionPreparationOptions,
  deletionIdOf,
  holdsOf,
  newIdempotencyKey,
} from "@/lib/queries/deletion-queries";
import {
  DELETION_REASON_CODES,
  DELETION_REASON_LABELS,
  MAX_REASON_TEXT,
  MAX_REFERENCE,
  type ChatRef,
  type CreateDeletionBody,
  type DeletionPreparation,
  type DeletionReasonCode,
  type DeletionRequestDto,
  type DeletionTarget,
} from "@/lib/schemas/deletions";
import { threadHref } from "@/lib/thread/thread-href";
import { DestructionSummary } from "./destruction-summary";
import { displayName, kindLabel, requestHref } from "./deletion-format";
import { DeletionStatusLine } from "./deletion-status";
import { HoldsNotice } from "./holds-notice";

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

const FIELD = "mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm";

/**
 * The delete dialog's content for one object: it prepares the deletion (what it destroys, and a
 * confirmation token), asks for the reason, a reference and the object's name or id typed by hand,
 * then confirms. The idempotency key is made once, when it opens: a double click, a retry, or a
 * preparation renewed after its token expired all reuse it, so one dialog makes at most one request.
 */
export function DeletionDialogBody({ target, draft, onDraftChange, onDeleteChatFirst, onBack, onClose }: DeletionDialogBodyProps) {
  const queryClient = useQueryClient();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const preparation = useQuery(deletionPreparationOptions(target, idempotencyKey));
  const commit = useMutation({
    mutationFn: createDeletion,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: deletionKeys.lists() }),
  });
  const headingRef = useRef<HTMLParagraphElement>(null);
  // A screen reader hears where it is when the content is ready or changes (another object, the outcome).
  const stage = commit.data ? "done" : preparation.isSuccess ? "ready" : "loading";
  useEffect(() => {
    if (stage !== "loading") headingRef.current?.focus();
  }, [stage]);

  const backOrClose = onBack ? (
    <button type="button" onClick={onBack} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-semibold">
      Back to the project
    </button>
  ) : (
    <button type="button" onClick={onClose} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-semibold">
      {commit.data ? "Close" : "Cancel"}
    </button>
  );

  if (commit.data) {
    const request = commit.data;
    return (
      <div className="space-y-4">
        <p ref={headingRef} tabIndex={-1} className="font-semibold outline-none">
          {request.approvalsRequired && request.status === "requested"
            ? `Request created: the ${kindLabel(request.target.kind)} is deleted only once a second person approves it.`
            : `Deletion of the ${kindLabel(request.target.kind)} ${displayName(request.target.name, request.target.kind)}`}
        </p>
        <DeletionStatusLine request={request} />
        <p className="text-sm">
          <Link href={requestHref(request.id)} className="font-semibold underline">
            Open the deletion request
          </Link>{" "}
          <span className="font-mono text-xs text-slate-500">{request.id}</span>
        </p>
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
          <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            <p>{preparation.error.message}</p>
            <Link href={requestHref(openId)} className="font-semibold underline">
              Open that request
            </Link>
          </div>
        ) : (
          <ErrorNotice error={preparation.error} onRetry={() => void preparation.refetch()} />
        )}
        <div className="flex justify-end">{backOrClose}</div>
      </div>
    );
  }

  return (
    <PreparedForm
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

type PreparedFormProps = {
  prepared: DeletionPreparation;
  target: DeletionTarget;
  draft: DeletionDraft;
  onDraftChange: (draft: DeletionDraft) => void;
  headingRef: RefObject<HTMLParagraphElement | null>;
  commit: UseMutationResult<DeletionRequestDto, Error, CreateDeletionBody>;
  onRenew: () => void;
  isRenewing: boolean;
  onDeleteChatFirst?: (chat: ChatRef) => void;
  footer: ReactNode;
};

function PreparedForm({ prepared, target, draft, onDraftChange, headingRef, commit, onRenew, isRenewing, onDeleteChatFirst, footer }: PreparedFormProps) {
  const ids = { reasonText: useId(), reference: useId(), typed: useId(), typedHelp: useId() };
  const [typed, setTyped] = useState("");
  const { summary, target: facts } = prepared;
  const blockedByChats = summary.kind === "project" && summary.hasChats;
  const typedMatches = prepared.acceptedConfirmations.some((accepted) => accepted.trim() === typed.trim() && typed.trim() !== "");
  const reasonComplete = draft.reasonCode !== "" && (draft.reasonCode !== "other" || draft.reasonText.trim() !== "");
  const canConfirm = !blockedByChats && typedMatches && reasonComplete && draft.reference.trim() !== "" && !commit.isPending;
  const named = facts.name.trim() !== "";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!canConfirm || draft.reasonCode === "") return;
    commit.mutate({
      target,
      idempotencyKey: prepared.idempotencyKey,
      confirmationToken: prepared.confirmationToken,
      typedConfirmation: typed,
      reason: { code: draft.reasonCode, ...(draft.reasonCode === "other" || draft.reasonText.trim() !== "" ? { text: draft.reasonText.trim() } : {}) },
      reference: draft.reference.trim(),
    });
  };

  const commitHolds = holdsOf(commit.error);
  const commitCode = commit.error instanceof ApiRequestError ? commit.error.code : null;
  const namedRequest = deletionIdOf(commit.error);

  return (
    <form onSubmit={submit} className="space-y-4">
      <p ref={headingRef} tabIndex={-1} className="font-semibold outline-none">
        Deleting this {kindLabel(facts.kind)} destroys, permanently:
      </p>
      <DestructionSummary target={facts} summary={summary} />

      {summary.kind === "project" && summary.hasChats && (
        <AttachedChats summary={summary} onDeleteChatFirst={onDeleteChatFirst} onRecheck={onRenew} isRechecking={isRenewing} />
      )}

      <fieldset className="space-y-1">
        <legend className="text-sm font-semibold">Reason</legend>
        {DELETION_REASON_CODES.map((code) => (
          <label key={code} className="flex items-center gap-2 text-sm">
            <input type="radio" name="reason" value={code} checked={draft.reasonCode === code} onChange={() => onDraftChange({ ...draft, reasonCode: code })} />
            {DELETION_REASON_LABELS[code]}
          </label>
        ))}
        {draft.reasonCode === "other" && (
          <label htmlFor={ids.reasonText} className="block text-sm font-medium">
            What is the reason? <span className="text-slate-500">(required)</span>
            <textarea
              id={ids.reasonText}
              value={draft.reasonText}
              maxLength={MAX_REASON_TEXT}
              required
              onChange={(event) => onDraftChange({ ...draft, reasonText: event.target.value })}
              className={FIELD}
              rows={2}
            />
          </label>
        )}
      </fieldset>

      <label htmlFor={ids.reference} className="block text-sm font-semibold">
        Reference (ticket, matter or case number)
        <input
          id={ids.reference}
          value={draft.reference}
          maxLength={MAX_REFERENCE}
          required
          onChange={(event) => onDraftChange({ ...draft, reference: event.target.value })}
          className={FIELD}
        />
      </label>

      <div>
        <label htmlFor={ids.typed} className="block text-sm font-semibold">
          Type the {kindLabel(facts.kind)}&apos;s {named ? "name or id" : "id"} to confirm
        </label>
        <p id={ids.typedHelp} className="text-xs text-slate-600">
          {named ? (
            <>
              Its name is <span dir="auto" className="font-mono font-semibold">{displayName(facts.name, facts.kind)}</span>; its id is{" "}
            </>
          ) : (
            <>It has no name; its id is </>
          )}
          <span className="font-mono font-semibold">{facts.id}</span>.
        </p>
        <input
          id={ids.typed}
          aria-describedby={ids.typedHelp}
          value={typed}
          autoComplete="off"
          spellCheck={false}
          disabled={blockedByChats}
          onChange={(event) => setTyped(event.target.value)}
          className={FIELD}
        />
      </div>

      <p className="text-sm text-slate-700">
        {prepared.approvalsRequired
          ? "Confirming creates a deletion request. Nothing is deleted until another person with the approver role approves it."
          : "Approvals are off: confirming deletes at once, and cannot be undone."}
      </p>

      {commitHolds.length > 0 ? (
        <HoldsNotice holds={commitHolds} />
      ) : commitCode === "deletion_open" && namedRequest ? (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <p>{commit.error?.message}</p>
          <Link href={requestHref(namedRequest)} className="font-semibold underline">
            Open that request
          </Link>
        </div>
      ) : (
        commit.error && (
          <div className="space-y-2">
            <ErrorNotice error={commit.error} />
            {commitCode === "confirmation_invalid" && (
              <button type="button" onClick={onRenew} disabled={isRenewing} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-semibold disabled:opacity-60">
                Renew the confirmation
              </button>
            )}
            {/* With approvals off, the request may exist although its execution was refused: it can be followed, and executed later. */}
            {namedRequest && (
              <p className="text-sm">
                <Link href={requestHref(namedRequest)} className="font-semibold underline">
                  Open the deletion request
                </Link>{" "}
                (it was recorded).
              </p>
            )}
          </div>
        )
      )}

      <div className="flex justify-end gap-3">
        {footer}
        <button type="submit" disabled={!canConfirm} className="rounded-md bg-rose-700 px-3 py-1.5 text-sm font-semibold text-white disabled:cursor-not-allowed disabled:opacity-50">
          {commit.isPending ? "Sending…" : prepared.approvalsRequired ? "Request deletion" : "Delete permanently"}
        </button>
      </div>
    </form>
  );
}

/** The API refuses to delete a project that still has chats (409): they are deleted first, each with its own request. */
function AttachedChats({
  summary,
  onDeleteChatFirst,
  onRecheck,
  isRechecking,
}: {
  summary: Extract<DeletionPreparation["summary"], { kind: "project" }>;
  onDeleteChatFirst?: (chat: ChatRef) => void;
  onRecheck: () => void;
  isRechecking: boolean;
}) {
  const count = Math.max(summary.chatsCount, summary.chats.length);
  return (
    <section aria-label="Chats to delete first" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <p className="font-semibold">
        This project still has {count} {count === 1 ? "chat" : "chats"}: the Compliance API refuses to delete a project with chats (409). Request the deletion of{" "}
        {count === 1 ? "its chat" : "each chat"} first; once {count === 1 ? "it is" : "they are"} deleted, request the project&apos;s.
      </p>
      {!summary.chatsComplete && (
        <p>
          Docket found {summary.chats.length} of them: the API lists a project&apos;s chats only per user, so chats of people who have left the organisation cannot be listed here.
        </p>
      )}
      <ul className="divide-y divide-amber-200">
        {summary.chats.map((chat) => (
          <li key={chat.id} className="flex flex-wrap items-center justify-between gap-2 py-1">
            <span>
              <Link href={threadHref(chat.id)} dir="auto" className="underline">
                {displayName(chat.name, "chat")}
              </Link>{" "}
              <span className="font-mono text-xs">{chat.id}</span>
              {chat.ownerEmail && <span className="text-xs"> · {chat.ownerEmail}</span>}
            </span>
            {onDeleteChatFirst && (
              <button type="button" onClick={() => onDeleteChatFirst(chat)} className="rounded border border-rose-300 bg-white px-2 py-0.5 text-xs font-semibold text-rose-800">
                Request deletion of this chat
              </button>
            )}
          </li>
        ))}
      </ul>
      <button type="button" onClick={onRecheck} disabled={isRechecking} className="rounded border border-amber-400 bg-white px-2 py-0.5 text-xs font-semibold disabled:opacity-60">
        {isRechecking ? "Checking…" : "Check the project's chats again"}
      </button>
    </section>
  );
}
