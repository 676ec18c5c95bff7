import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProjectDocumentView } from "@/components/artifacts/project-document-view";
import { Page } from "@/components/ui/page";
import { requirePageAccess } from "@/lib/server/auth/guard";
import { isId } from "@/lib/server/compliance/ids";

export const metadata: Metadata = { title: "Project document" };
export const dynamic = "force-dynamic";

export default async function ProjectDocumentPage({ params }: { params: Promise<{ documentId: string }> }) {
  const { documentId } = await params;
  await requirePageAccess("content.read", `/project-documents/${encodeURIComponent(documentId)}`);
  if (!isId("projectDocument", documentId)) notFound();
  return (
    <Page className="py-6">
      <ProjectDocumentView key={documentId} documentId={documentId} />
    </Page>
  );
}
