"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { z } from "zod";
import { ErrorNotice } from "@/components/ui/error-notice";
import { apiFetch } from "@/lib/queries/api-fetch";
import { organizationsOptions } from "@/lib/queries/console-queries";

/**
 * The organisation in view: kept in the URL (`?org=`), so a link reproduces the view, and remembered
 * on the server for the reviewer's next visit from any browser. A page opened without one goes to the
 * remembered organisation (the server redirects) or, the first time, to the first one listed.
 */
export function OrganizationSwitcher({
  selectedOrg,
  rememberedOrg,
  basePath,
}: {
  selectedOrg: string | undefined;
  rememberedOrg: string | null;
  basePath: string;
}) {
  const router = useRouter();
  const query = useQuery(organizationsOptions());
  const organizations = query.data?.organizations;
  // The first organisation shown by default is not a choice, so it is not remembered.
  const defaultPick = useRef<string | null>(null);

  useEffect(() => {
    if (selectedOrg || !organizations?.length) return;
    defaultPick.current = organizations[0]!.uuid;
    router.replace(organizationHref(basePath, organizations[0]!.uuid));
  }, [selectedOrg, organizations, router, basePath]);

  // An organisation opened from a link is remembered too. Remembering is a convenience: a failure must
  // not get in the way of the review.
  useEffect(() => {
    if (selectedOrg && selectedOrg !== rememberedOrg && selectedOrg !== defaultPick.current) remember(selectedOrg).catch(() => undefined);
  }, [selectedOrg, rememberedOrg]);

  // Stored before the page changes, so the next page reads it and two choices cannot land out of order.
  // The organisation already in view is no choice: navigating to it again would drop what the page
  // keeps in its link meanwhile (the custodian filter's ?q=).
  const choose = async (orgUuid: string) => {
    if (orgUuid === selectedOrg) return;
    await remember(orgUuid).catch(() => undefined);
    router.push(organizationHref(basePath, orgUuid));
  };

  if (query.isPending) return <p className="text-sm text-slate-500">Loading organisations…</p>;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.organizations.length === 0) return <p className="text-sm text-slate-500">The Compliance API lists no organisation for this key.</p>;
  return (
    <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
      Organisation
      <select
        value={selectedOrg ?? ""}
        onChange={(event) => void choose(event.target.value)}
        className="rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900"
      >
        {!selectedOrg && <option value="">Choose…</option>}
        {selectedOrg && !query.data.organizations.some((organization) => organization.uuid === selectedOrg) && (
          <option value={selectedOrg}>{selectedOrg} (not listed)</option>
        )}
        {query.data.organizations.map((organization) => (
          <option key={organization.uuid} value={organization.uuid}>
            {organization.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The route answers 204, no body. */
function remember(orgUuid: string): Promise<null> {
  return apiFetch("/api/preferences/organization", z.null(), { method: "PUT", body: { orgUuid } });
}

function organizationHref(basePath: string, orgUuid: string): string {
  return `${basePath}?org=${encodeURIComponent(orgUuid)}`;
}
