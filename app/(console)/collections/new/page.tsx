import type { Metadata } from "next";
import { NewCollectionForm } from "@/components/collections/new-collection-form";
import { Page } from "@/components/ui/page";
import { PageHeading } from "@/components/ui/page-heading";
import { requirePageAccess } from "@/lib/server/auth/guard";

export const metadata: Metadata = { title: "New collection" };
export const dynamic = "force-dynamic";

export default async function NewCollectionPage() {
  await requirePageAccess("content.export", "/collections/new");
  return (
    <Page className="space-y-6 py-8">
      <PageHeading
        title="New collection"
        description="Name the matter, say whose content and which period, and choose what to include. Starting the collection is audited."
      />
      <NewCollectionForm />
    </Page>
  );
}
