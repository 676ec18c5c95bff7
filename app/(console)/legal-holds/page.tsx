import type { Metadata } from "next";
import { EvidenceSection } from "@/components/layout/evidence-facts";
import { CreateHoldForm } from "@/components/legal-holds/create-hold-form";
import { LegalHoldList } from "@/components/legal-holds/legal-hold-list";
import { requirePageAccess } from "@/lib/server/auth/guard";

export const metadata: Metadata = { title: "Legal holds" };
export const dynamic = "force-dynamic";

/** Administrators place and release legal holds; while one is active, nothing it covers may be deleted. */
export default async function LegalHoldsPage() {
  const actor = await requirePageAccess("holds.manage", "/legal-holds");
  const canReadContent = actor.permissions.has("content.read");
  return (
    <main className="mx-auto max-w-6xl space-y-8 px-6 py-8">
      <div>
        <h1 className="text-2xl font-semibold">Legal holds</h1>
        <p className="mt-1 text-sm text-slate-600">
          A hold covers custodians (all their chats and files), projects (with their documents, files and chats) or single chats. While it is active, deleting anything it covers is
          refused, when requested and again when executed. It ends only when released, with a reason.
        </p>
      </div>
      <EvidenceSection title="Place a hold">
        <CreateHoldForm canLookUpUsers={canReadContent} />
      </EvidenceSection>
      <EvidenceSection title="Holds">
        <LegalHoldList canReadContent={canReadContent} />
      </EvidenceSection>
    </main>
  );
}
