"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { splitIds } from "@/lib/console/split-ids";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/error-notice";
import { UserLookup } from "@/components/console/user-lookup";
import { ControlsOnceHydrated } from "@/components/layout/hydration";
import { createLegalHold, legalHoldKeys } from "@/lib/queries/legal-hold-queries";
import { HOLD_SCOPE_ID_PATTERNS, MAX_HOLD_REASON, MAX_MATTER_NAME, type HoldScopeKind, type LegalHoldDto } from "@/lib/schemas/legal-holds";

const FIELD = "mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm font-normal";

const SCOPE_FIELDS: Array<{ kind: HoldScopeKind; label: string; placeholder: string }> = [
  { kind: "user", label: "Custodians (user ids): all their chats and the files in them", placeholder: "user_01…" },
  { kind: "project", label: "Projects: the project, its documents, files and chats", placeholder: "claude_proj_01…" },
  { kind: "chat", label: "Chats: the chat and its files", placeholder: "claude_chat_01…" },
];

/** The day in UTC, as the server compares start dates. */
const todayUtc = () => new Date().toISOString().slice(0, 10);

/**
 * Places a legal hold: a matter, why, since when, and what it covers (users, projects, chats by id).
 * From its creation, nothing it covers may be deleted.
 */
export function CreateHoldForm({ canLookUpUsers }: { canLookUpUsers: boolean }) {
  const queryClient = useQueryClient();
  const ids = { matter: useId(), reason: useId(), startsOn: useId(), user: useId(), project: useId(), chat: useId() };
  const [matterName, setMatterName] = useState("");
  const [reason, setReason] = useState("");
  const [startsOn, setStartsOn] = useState(todayUtc);
  const [scopeText, setScopeText] = useState<Record<HoldScopeKind, string>>({ user: "", project: "", chat: "" });
  const [created, setCreated] = useState<LegalHoldDto | null>(null);
  const create = useMutation({
    mutationFn: createLegalHold,
    onSuccess: (hold) => {
      setCreated(hold);
      setMatterName("");
      setReason("");
      setStartsOn(todayUtc());
      setScopeText({ user: "", project: "", chat: "" });
      void queryClient.invalidateQueries({ queryKey: legalHoldKeys.lists() });
    },
  });

  const scope = { user: splitIds(scopeText.user), project: splitIds(scopeText.project), chat: splitIds(scopeText.chat) };
  const invalid = (Object.keys(scope) as HoldScopeKind[]).flatMap((kind) => scope[kind].filter((id) => !HOLD_SCOPE_ID_PATTERNS[kind].test(id)));
  const covered = scope.user.length + scope.project.length + scope.chat.length;
  const canSubmit = matterName.trim() !== "" && reason.trim() !== "" && startsOn !== "" && covered > 0 && invalid.length === 0 && !create.isPending;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!canSubmit) return;
    setCreated(null);
    create.mutate({
      matterName: matterName.trim(),
      reason: reason.trim(),
      startsOn,
      scope: { userIds: scope.user, projectIds: scope.project, chatIds: scope.chat },
    });
  };
  const addUser = (userId: string) =>
    setScopeText((previous) => ({ ...previous, user: [...splitIds(previous.user), userId].filter((id, index, all) => all.indexOf(id) === index).join("\n") }));

  return (
    <form onSubmit={submit} aria-label="Place a legal hold" className="rounded-lg border border-slate-200 bg-white p-4">
      <ControlsOnceHydrated className="space-y-3">
        <div className="grid gap-3 md:grid-cols-2">
          <label htmlFor={ids.matter} className="text-sm font-semibold">
            Matter name
            <input
              id={ids.matter}
              value={matterName}
              maxLength={MAX_MATTER_NAME}
              required
              onChange={(event) => setMatterName(event.target.value)}
              className={FIELD}
            />
          </label>
          <label htmlFor={ids.startsOn} className="text-sm font-semibold">
            Start date (the duty to preserve arose on, UTC)
            <input
              id={ids.startsOn}
              type="date"
              value={startsOn}
              max={todayUtc()}
              required
              onChange={(event) => setStartsOn(event.target.value)}
              className={FIELD}
            />
          </label>
        </div>
        <label htmlFor={ids.reason} className="block text-sm font-semibold">
          Reason
          <textarea
            id={ids.reason}
            value={reason}
            maxLength={MAX_HOLD_REASON}
            required
            rows={2}
            onChange={(event) => setReason(event.target.value)}
            className={FIELD}
          />
        </label>
        <div className="grid gap-3 md:grid-cols-3">
          {SCOPE_FIELDS.map((field) => (
            <label key={field.kind} htmlFor={ids[field.kind]} className="text-sm font-semibold">
              {field.label}
              <textarea
                id={ids[field.kind]}
                value={scopeText[field.kind]}
                placeholder={field.placeholder}
                rows={3}
                spellCheck={false}
                onChange={(event) => setScopeText({ ...scopeText, [field.kind]: event.target.value })}
                className={`${FIELD} font-mono`}
              />
            </label>
          ))}
        </div>
        {canLookUpUsers ? (
          <UserLookup onFound={addUser} addLabel="Add to the custodians" />
        ) : (
          <p className="text-xs text-slate-600">
            Enter user ids (user_…). Looking a user up by email reads the organisation&apos;s user list, which needs the reviewer role too.
          </p>
        )}
        {invalid.length > 0 && (
          <p role="alert" className="text-sm text-rose-800">
            Not an id of the right kind: <span className="font-mono">{invalid.join(", ")}</span>
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={!canSubmit} variant="primary">
            {create.isPending ? "Placing…" : "Place the hold"}
          </Button>
          <span className="text-xs text-slate-600">
            {covered === 0
              ? "Name at least one user, project or chat."
              : `Covers ${scope.user.length} users, ${scope.project.length} projects, ${scope.chat.length} chats.`}
          </span>
        </div>
        {create.error && <ErrorNotice error={create.error} />}
        {created && (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            Hold placed for the matter <span className="font-semibold">{created.matterName}</span>: nothing it covers may be deleted until it is released.
          </p>
        )}
      </ControlsOnceHydrated>
    </form>
  );
}
