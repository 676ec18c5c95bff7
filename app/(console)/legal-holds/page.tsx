import type { Metadata } from "next";
import { EvidenceSection } from "@/components/layout/evidence-facts";
import { CreateHoldForm } from "@/components/legal-holds/create-hold-form";
import { LegalHoldList } from "@/components/legal-holds/legal-hold-list";
import { Page } from "@/components/ui/page";
import { PageHeading } from "@/components/ui/page-heading";
import { requirePageAccess } from "@/lib/server/auth/guard";

export const metadata: Metadata = { title: "Legal holds" };
export const dynamic = "force-dynamic";

/** Administrators place and release legal holds; while one is active, nothing it covers may be deleted. */
export default async function LegalHoldsPage() {
  const actor = await requirePageAccess("holds.manage", "/legal-holds");
  const canReadContent = actor.permissions.has("content.read");
  return (
    <Page className="space-y-8 py-8">
      <PageHeading
        title="Legal holds"
        description="A hold covers custodians (all their chats and files), projects (with their documents, files and chats) or single chats. While it is active, deleting anything it covers is refused, when requested and again when executed. It ends only when released, with a reason."
      />
      <EvidenceSection title="Place a hold">
        <CreateHoldForm canLookUpUsers={canReadContent} />
      </EvidenceSection>
      <EvidenceSection title="Holds">
        <LegalHoldList canReadContent={canReadContent} />
      </EvidenceSection>
    </Page>
  );
}
