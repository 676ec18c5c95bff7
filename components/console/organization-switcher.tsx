"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { ErrorNotice } from "@/components/layout/error-notice";
import { apiSend } from "@/lib/queries/api-send";
import { organizationsOptions } from "@/lib/queries/console-queries";

/**
 * The organisation in view: kept in the URL (`?org=`), so a link reproduces the view, and remembered
 * on the server for the reviewer's next visit from any browser. A page opened without one goes to the
 * remembered organisation (the server redirects) or, the first time, to the first one listed.
 */
export function OrganizationSwitcher({ selectedOrg, rememberedOrg, basePath }: { selectedOrg: string | undefined; rememberedOrg: string | null; basePath: string }) {
  const router = useRouter();
  const query = useQuery(organizationsOptions());
  const organizations = query.data?.organizations;
  const hrefFor = (orgUuid: string) => `${basePath}?org=${encodeURIComponent(orgUuid)}`;

  useEffect(() => {
    if (!selectedOrg && organizations?.length) router.replace(`${basePath}?org=${encodeURIComponent(organizations[0]!.uuid)}`);
  }, [selectedOrg, organizations, router, basePath]);

  useEffect(() => {
    // Remembering is a convenience: a failure must not get in the way of the review.
    if (selectedOrg && selectedOrg !== rememberedOrg) apiSend("/api/preferences/organization", "PUT", { orgUuid: selectedOrg }).catch(() => undefined);
  }, [selectedOrg, rememberedOrg]);

  if (query.isPending) return <p className="text-sm text-slate-500">Loading organisations…</p>;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.organizations.length === 0) return <p className="text-sm text-slate-500">The Compliance API lists no organisation for this key.</p>;
  return (
    <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
      Organisation
      <select
        value={selectedOrg ?? ""}
        onChange={(event) => router.push(hrefFor(event.target.value))}
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
