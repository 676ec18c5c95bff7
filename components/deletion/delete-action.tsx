"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/error-notice";
import { ApiRequestError } from "@/lib/queries/api-fetch";
import { deletionCapabilityOptions } from "@/lib/queries/deletion-queries";
import type { DeletionTarget } from "@/lib/schemas/deletions";
import { DeletionDialogBody, EMPTY_DRAFT, type DeletionDraft } from "./deletion-dialog";
import { kindLabel } from "./deletion-format";
import { ModalDialog } from "@/components/ui/modal-dialog";

type DeleteActionProps = {
  target: DeletionTarget;
  label?: string;
  /** The button's name when its text alone would not say what it deletes (a row of a table). */
  ariaLabel?: string;
  /** In a row of a list: nothing when deleting is unavailable (the view says why once, elsewhere). */
  quiet?: boolean;
};

/**
 * The delete button of an object's view, and its dialog. Offered only when Docket's key can delete;
 * otherwise the view says why, in plain text. Someone whose role may not request deletions is refused
 * the capability route (403), and sees nothing at all.
 */
export function DeleteAction({ target, label, ariaLabel, quiet = false }: DeleteActionProps) {
  const capability = useQuery(deletionCapabilityOptions());
  // The dialogs open, innermost last: a project's dialog may open one of its chats' before it.
  const [stack, setStack] = useState<DeletionTarget[]>([]);
  const [draft, setDraft] = useState<DeletionDraft>(EMPTY_DRAFT);

  if (capability.isPending) return null;
  if (capability.isError) {
    if (quiet || (capability.error instanceof ApiRequestError && capability.error.status === 403)) return null;
    return (
      <div className="text-xs">
        <p className="text-slate-600">Docket could not find out whether deleting is available.</p>
        <ErrorNotice error={capability.error} onRetry={() => void capability.refetch()} />
      </div>
    );
  }
  if (!capability.data.canDelete) {
    if (quiet) return null;
    return (
      <p role="note" className="max-w-md text-xs text-slate-600" data-testid="delete-unavailable">
        {capability.data.message}
      </p>
    );
  }

  const top = stack.at(-1);
  const close = () => setStack([]);
  return (
    <>
      <Button
        variant="outline-danger"
        size={quiet ? "small" : "regular"}
        aria-label={ariaLabel}
        onClick={() => {
          setDraft(EMPTY_DRAFT);
          setStack([target]);
        }}
      >
        {label ?? `Delete ${kindLabel(target.kind)}…`}
      </Button>
      {top && (
        <ModalDialog title={stack.length > 1 ? "Delete a chat of the project first" : `Delete ${kindLabel(top.kind)}`} onClose={close}>
          <DeletionDialogBody
            key={`${stack.length}:${top.kind}:${top.id}`}
            target={top}
            draft={draft}
            onDraftChange={setDraft}
            onDeleteChatFirst={top.kind === "project" ? (chat) => setStack([...stack, { kind: "chat", id: chat.id }]) : undefined}
            onBack={stack.length > 1 ? () => setStack(stack.slice(0, -1)) : undefined}
            onClose={close}
          />
        </ModalDialog>
      )}
    </>
  );
}
