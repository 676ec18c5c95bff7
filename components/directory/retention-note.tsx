"use client";

import { useQuery } from "@tanstack/react-query";
import { retentionFor, retentionRules } from "@/lib/console/retention-words";
import { organizationSettingsOptions } from "@/lib/queries/directory-queries";

/**
 * What the organisation's retention does to this kind of content, from its effective settings. Quiet
 * when the settings cannot be read (the page's own content matters more than this note).
 */
export function RetentionNote({ orgUuid, dataType }: { orgUuid: string; dataType: "chat" | "project" }) {
  const query = useQuery(organizationSettingsOptions(orgUuid));
  if (!query.data) return null;
  const rules = retentionRules(query.data.settings);
  const rule = retentionFor(rules, dataType);
  return (
    <p data-testid="retention-note" className={`mt-2 text-xs ${rule?.deletes ? "text-amber-800" : "text-slate-500"}`}>
      {rule ? rule.words : "The organisation's admins set no retention period for this content: it stays until someone deletes it."}
    </p>
  );
}
