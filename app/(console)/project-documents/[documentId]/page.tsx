import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProjectDocumentView } from "@/components/artifacts/project-document-view";
import { requirePageAccess } from "@/lib/server/auth/guard";
import { isId } from "@/lib/server/compliance/ids";

export const metadata: Metadata = { title: "Project document" };
export const dynamic = "force-dynamic";

export default async function ProjectDocumentPage({ params }: { params: Promise<{ documentId: string }> }) {
  const { documentId } = await params;
  await requirePageAccess("content.read", `/project-documents/${encodeURIComponent(documentId)}`);
  if (!isId("projectDocument", documentId)) notFound();
  return (
    <main className="mx-auto max-w-6xl px-6 py-6">
      <ProjectDocumentView key={documentId} documentId={documentId} />
    </main>
  );
}
