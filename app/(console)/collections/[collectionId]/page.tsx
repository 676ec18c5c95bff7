import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { CollectionDetail } from "@/components/collections/collection-detail";
import { Page } from "@/components/ui/page";
import { requirePageAccess } from "@/lib/server/auth/guard";

export const metadata: Metadata = { title: "Collection" };
export const dynamic = "force-dynamic";

/** One collection as it runs, and its package once it has succeeded. */
export default async function CollectionPage({ params }: { params: Promise<{ collectionId: string }> }) {
  const { collectionId } = await params;
  await requirePageAccess("content.export", `/collections/${encodeURIComponent(collectionId)}`);
  // The same check as the route's: a collection id is a UUID.
  if (!z.uuid().safeParse(collectionId).success) notFound();
  return (
    <Page className="py-8">
      <CollectionDetail key={collectionId} collectionId={collectionId} />
    </Page>
  );
}
