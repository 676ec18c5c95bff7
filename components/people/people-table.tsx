"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTimeFormat } from "@/components/layout/time-zone";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/error-notice";
import { ReasonField } from "@/components/ui/reason-field";
import { changeAccess, peopleKeys, peopleOptions, type AccessChange } from "@/lib/queries/people-queries";
import { MAX_ACCESS_REASON, type PersonDto } from "@/lib/schemas/people";

const CHANGES: Record<AccessChange, { button: string; question: string; confirm: string }> = {
  disable: {
    button: "Disable…",
    question: "Why is this person's access disabled? (required; kept on record)",
    confirm: "Disable and end their sessions",
  },
  enable: { button: "Enable…", question: "Why is this person's access given back? (required; kept on record)", confirm: "Enable" },
  "revoke-sessions": {
    button: "End sessions…",
    question: "Why are this person's sessions ended? (required; kept on record)",
    confirm: "End their sessions",
  },
};

/** Everyone who has signed in, those with sessions first, with the switches that end their access. */
export function PeopleTable({ ownId }: { ownId: string }) {
  const query = useQuery(peopleOptions());
  if (query.isPending) return <p className="text-sm text-slate-500">Loading the people…</p>;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.people.length === 0) return <p className="text-sm text-slate-500">Nobody has signed in yet.</p>;
  return (
    <ul className="space-y-3">
      {query.data.people.map((person) => (
        <li key={person.id}>
          <PersonCard person={person} isSelf={person.id === ownId} />
        </li>
      ))}
    </ul>
  );
}

function PersonCard({ person, isSelf }: { person: PersonDto; isSelf: boolean }) {
  const { format } = useTimeFormat();
  const headingId = useId();
  const [change, setChange] = useState<AccessChange | null>(null);
  const offered: AccessChange[] = person.disabled
    ? ["enable"]
    : [...(isSelf ? [] : (["disable"] as const)), ...(person.sessions > 0 ? (["revoke-sessions"] as const) : [])];
  return (
    <article aria-labelledby={headingId} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="font-semibold">
          {person.email ?? person.name ?? person.id}
        </h3>
        <span className={`rounded px-2 py-0.5 text-xs font-semibold ${person.disabled ? "bg-rose-100 text-rose-900" : "bg-emerald-100 text-emerald-900"}`}>
          {person.disabled ? "Disabled" : "Active"}
        </span>
        {isSelf && <span className="text-xs text-slate-600">(you)</span>}
      </div>
      <p className="text-sm text-slate-700">
        Roles: {person.roles.length > 0 ? person.roles.join(", ") : "none"} · {person.sessions} session{person.sessions === 1 ? "" : "s"}
        {person.lastSeenAt && `, last seen ${format(person.lastSeenAt)}`} · last sign-in {person.lastSignInAt ? format(person.lastSignInAt) : "never"}
      </p>
      {change ? (
        <AccessForm person={person} change={change} onClose={() => setChange(null)} />
      ) : (
        <div className="flex flex-wrap gap-2">
          {offered.map((option) => (
            <Button key={option} variant={option === "enable" ? "secondary" : "outline-danger"} onClick={() => setChange(option)}>
              {CHANGES[option].button}
            </Button>
          ))}
        </div>
      )}
    </article>
  );
}

function AccessForm({ person, change, onClose }: { person: PersonDto; change: AccessChange; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const mutation = useMutation({
    mutationFn: () => changeAccess(person.id, change, { reason: reason.trim() }),
    onSuccess: onClose,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (reason.trim() !== "") mutation.mutate();
      }}
      className="space-y-2 rounded border border-slate-200 bg-slate-50 p-3"
    >
      <ReasonField label={CHANGES[change].question} value={reason} maxLength={MAX_ACCESS_REASON} onChange={setReason} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant={change === "enable" ? "primary" : "danger"} disabled={reason.trim() === "" || mutation.isPending}>
          {CHANGES[change].confirm}
        </Button>
        <Button onClick={onClose}>Cancel</Button>
      </div>
      {mutation.error && <ErrorNotice error={mutation.error} />}
    </form>
  );
}
