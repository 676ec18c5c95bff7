import type { Metadata } from "next";
import { ApiLimitsNote } from "@/components/console/api-limits-note";
import { OrganizationSwitcher } from "@/components/console/organization-switcher";
import { DirectoryView } from "@/components/directory/directory-view";
import { EmptyState } from "@/components/ui/empty-state";
import { Page } from "@/components/ui/page";
import { PageHeading } from "@/components/ui/page-heading";
import { requirePageAccess } from "@/lib/server/auth/guard";
import { organizationInView } from "@/lib/server/console/reviewer-preference";

export const metadata: Metadata = { title: "Directory" };
export const dynamic = "force-dynamic";

export default async function DirectoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageAccess("content.read", "/directory");
  const { org } = await searchParams;
  const { selectedOrg, rememberedOrg } = await organizationInView(actor, org, "/directory");
  return (
    <Page>
      <PageHeading
        title="Directory"
        description="The organisation's retention periods, Compliance API keys, effective settings and roles, and the groups of its parent organisation with their members."
        actions={<OrganizationSwitcher selectedOrg={selectedOrg} rememberedOrg={rememberedOrg} basePath="/directory" />}
      />
      {selectedOrg ? <DirectoryView key={selectedOrg} orgUuid={selectedOrg} /> : <EmptyState>Choose an organisation to read its directory.</EmptyState>}
      <ApiLimitsNote />
    </Page>
  );
}
