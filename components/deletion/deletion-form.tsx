import { useId, useState, type FormEvent, type ReactNode, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import {
  DELETION_REASON_CODES,
  DELETION_REASON_LABELS,
  MAX_REASON_TEXT,
  MAX_REFERENCE,
  type ChatRef,
  type DeletionPreparation,
  type DeletionTarget,
} from "@/lib/schemas/deletions";
import { AttachedChats } from "./attached-chats";
import type { DeletionDraft } from "./deletion-dialog";
import { displayName, kindLabel } from "./deletion-format";
import { DestructionSummary } from "./destruction-summary";
import { CommitRefusal } from "./request-notices";
import type { CreateDeletion } from "./use-create-deletion";

const FIELD = "mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm";

/**
 * The prepared deletion: what it destroys, the reason, a reference and the object's name or id typed
 * by hand; it confirms only once all are given and nothing blocks it.
 */
type DeletionFormProps = {
  prepared: DeletionPreparation;
  target: DeletionTarget;
  draft: DeletionDraft;
  onDraftChange: (draft: DeletionDraft) => void;
  headingRef: RefObject<HTMLParagraphElement | null>;
  commit: CreateDeletion;
  onRenew: () => void;
  isRenewing: boolean;
  onDeleteChatFirst?: (chat: ChatRef) => void;
  footer: ReactNode;
};

export function DeletionForm({
  prepared,
  target,
  draft,
  onDraftChange,
  headingRef,
  commit,
  onRenew,
  isRenewing,
  onDeleteChatFirst,
  footer,
}: DeletionFormProps) {
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
              Its name is{" "}
              <span dir="auto" className="font-mono font-semibold">
                {displayName(facts.name, facts.kind)}
              </span>
              ; its id is{" "}
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

      {commit.error && <CommitRefusal error={commit.error} onRenew={onRenew} isRenewing={isRenewing} />}

      <div className="flex justify-end gap-3">
        {footer}
        <Button type="submit" disabled={!canConfirm} variant="danger">
          {commit.isPending ? "Sending…" : prepared.approvalsRequired ? "Request deletion" : "Delete permanently"}
        </Button>
      </div>
    </form>
  );
}
