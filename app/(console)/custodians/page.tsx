import type { Metadata } from "next";
import { ApiLimitsNote } from "@/components/console/api-limits-note";
import { CustodianTable } from "@/components/console/custodian-table";
import { OrganizationSwitcher } from "@/components/console/organization-switcher";
import { EmptyState } from "@/components/ui/empty-state";
import { Page } from "@/components/ui/page";
import { PageHeading } from "@/components/ui/page-heading";
import { requirePageAccess } from "@/lib/server/auth/guard";
import { organizationInView } from "@/lib/server/console/reviewer-preference";

export const metadata: Metadata = { title: "Custodians" };
export const dynamic = "force-dynamic";

export default async function CustodiansPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageAccess("content.read", "/custodians");
  const { org, q } = await searchParams;
  const { selectedOrg, rememberedOrg } = await organizationInView(actor, org, "/custodians");
  return (
    <Page>
      <PageHeading
        title="Custodians"
        description="The organisation's users. Select any number of them to review their chats."
        actions={<OrganizationSwitcher selectedOrg={selectedOrg} rememberedOrg={rememberedOrg} basePath="/custodians" />}
      />
      {selectedOrg ? (
        <CustodianTable key={selectedOrg} orgUuid={selectedOrg} initialSearch={typeof q === "string" ? q : ""} />
      ) : (
        <EmptyState>Choose an organisation to list its custodians.</EmptyState>
      )}
      <ApiLimitsNote />
    </Page>
  );
}
