"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/error-notice";
import { organizationsOptions } from "@/lib/queries/console-queries";
import { findUserByEmail } from "@/lib/queries/legal-hold-queries";

/** Finds a user's id by email, in one organisation (the API lists users; it cannot search them). */
export function UserLookup({ onFound, addLabel }: { onFound: (userId: string) => void; addLabel: string }) {
  const ids = { org: useId(), email: useId() };
  const organizations = useQuery(organizationsOptions());
  const [orgUuid, setOrgUuid] = useState("");
  const [email, setEmail] = useState("");
  const lookup = useMutation({ mutationFn: ({ org, address }: { org: string; address: string }) => findUserByEmail(org, address) });
  const chosenOrg = orgUuid || organizations.data?.organizations[0]?.uuid || "";
  return (
    <div className="rounded border border-slate-200 bg-slate-50 p-3 text-sm">
      <p className="font-semibold">Find a custodian by email</p>
      {organizations.isError ? (
        <ErrorNotice error={organizations.error} onRetry={() => void organizations.refetch()} />
      ) : (
        <div className="mt-1 flex flex-wrap items-end gap-2">
          <label htmlFor={ids.org} className="text-xs font-medium text-slate-600">
            Organisation
            <select
              id={ids.org}
              value={chosenOrg}
              onChange={(event) => setOrgUuid(event.target.value)}
              className="mt-1 block rounded border border-slate-300 px-2 py-1 text-sm text-slate-900"
            >
              {organizations.data?.organizations.map((organization) => (
                <option key={organization.uuid} value={organization.uuid}>
                  {organization.name}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor={ids.email} className="text-xs font-medium text-slate-600">
            Email
            <input
              id={ids.email}
              type="email"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              className="mt-1 block rounded border border-slate-300 px-2 py-1 text-sm text-slate-900"
            />
          </label>
          <Button disabled={chosenOrg === "" || email.trim() === "" || lookup.isPending} onClick={() => lookup.mutate({ org: chosenOrg, address: email })}>
            {lookup.isPending ? "Looking…" : "Find"}
          </Button>
        </div>
      )}
      {lookup.error && <ErrorNotice error={lookup.error} />}
      {lookup.isSuccess &&
        (lookup.data ? (
          <p role="status" className="mt-2">
            {lookup.data.fullName ?? "(no name)"} &lt;{lookup.data.email}&gt; <span className="font-mono text-xs">{lookup.data.id}</span>{" "}
            <Button onClick={() => onFound(lookup.data!.id)} size="small" className="ml-2">
              {addLabel}
            </Button>
          </p>
        ) : (
          <p role="status" className="mt-2 text-slate-600">
            No user with this email in this organisation.
          </p>
        ))}
    </div>
  );
}
