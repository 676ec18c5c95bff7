import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { DeletionRequestView } from "@/components/deletion/deletion-request-view";
import { Page } from "@/components/ui/page";
import { requirePageAccess } from "@/lib/server/auth/guard";

export const metadata: Metadata = { title: "Deletion request" };
export const dynamic = "force-dynamic";

/** One deletion request and its whole life, from the audit log. */
export default async function DeletionRequestPage({ params }: { params: Promise<{ deletionId: string }> }) {
  const { deletionId } = await params;
  const actor = await requirePageAccess("deletion.request", `/deletions/${encodeURIComponent(deletionId)}`);
  // The same check as the route's: a request id is a UUID.
  if (!z.uuid().safeParse(deletionId).success) notFound();
  return (
    <Page>
      <DeletionRequestView key={deletionId} deletionId={deletionId} canApprove={actor.permissions.has("deletion.approve")} />
    </Page>
  );
}
