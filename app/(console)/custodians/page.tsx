import type { Metadata } from "next";
import { ApiLimitsNote } from "@/components/console/api-limits-note";
import { CustodianTable } from "@/components/console/custodian-table";
import { OrganizationSwitcher } from "@/components/console/organization-switcher";
import { requirePageAccess } from "@/lib/server/auth/guard";
import { organizationInView } from "@/lib/server/console/reviewer-preference";

export const metadata: Metadata = { title: "Custodians" };
export const dynamic = "force-dynamic";

export default async function CustodiansPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageAccess("content.read", "/custodians");
  const { org, q } = await searchParams;
  const { selectedOrg, rememberedOrg } = await organizationInView(actor, org, "/custodians");
  return (
    <main className="mx-auto max-w-6xl px-6 py-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Custodians</h1>
        <OrganizationSwitcher selectedOrg={selectedOrg} rememberedOrg={rememberedOrg} basePath="/custodians" />
      </div>
      <p className="mt-1 text-sm text-slate-600">The organisation&apos;s users. Select any number of them to review their chats.</p>
      {selectedOrg ? (
        <CustodianTable key={selectedOrg} orgUuid={selectedOrg} initialSearch={typeof q === "string" ? q : ""} />
      ) : (
        <p className="mt-6 text-sm text-slate-500">Choose an organisation to list its custodians.</p>
      )}
      <ApiLimitsNote />
    </main>
  );
}
