"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { ErrorNotice } from "@/components/layout/error-notice";
import { organizationsOptions } from "@/lib/queries/console-queries";

const REMEMBERED_ORGANIZATION_KEY = "docket.organization";

/** The organisation in view: kept in the URL, remembered in this browser for the next visit. */
export function OrganizationSwitcher({ selectedOrg }: { selectedOrg: string | undefined }) {
  const router = useRouter();
  const query = useQuery(organizationsOptions());
  const organizations = query.data?.organizations;

  useEffect(() => {
    if (selectedOrg || !organizations?.length) return;
    const remembered = window.localStorage.getItem(REMEMBERED_ORGANIZATION_KEY);
    const initial = organizations.find((organization) => organization.uuid === remembered) ?? organizations[0]!;
    router.replace(`/custodians?org=${encodeURIComponent(initial.uuid)}`);
  }, [selectedOrg, organizations, router]);

  useEffect(() => {
    if (selectedOrg) window.localStorage.setItem(REMEMBERED_ORGANIZATION_KEY, selectedOrg);
  }, [selectedOrg]);

  if (query.isPending) return <p className="text-sm text-slate-500">Loading organisations…</p>;
  if (query.isError) return <ErrorNotice error={query.error} />;
  if (query.data.organizations.length === 0) return <p className="text-sm text-slate-500">The Compliance API lists no organisation for this key.</p>;
  return (
    <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
      Organisation
      <select
        value={selectedOrg ?? ""}
        onChange={(event) => router.push(`/custodians?org=${encodeURIComponent(event.target.value)}`)}
        className="rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900"
      >
        {!selectedOrg && <option value="">Choose…</option>}
        {selectedOrg && !query.data.organizations.some((organization) => organization.uuid === selectedOrg) && <option value={selectedOrg}>{selectedOrg} (not listed)</option>}
        {query.data.organizations.map((organization) => (
          <option key={organization.uuid} value={organization.uuid}>
            {organization.name}
          </option>
        ))}
      </select>
    </label>
  );
}
