import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FileView } from "@/components/files/file-view";
import { Page } from "@/components/ui/page";
import { requirePageAccess } from "@/lib/server/auth/guard";
import { isId } from "@/lib/server/compliance/ids";

export const metadata: Metadata = { title: "Generated file" };
export const dynamic = "force-dynamic";

/** A file Claude produced in a chat. */
export default async function GeneratedFilePage({ params }: { params: Promise<{ generatedFileId: string }> }) {
  const { generatedFileId } = await params;
  await requirePageAccess("content.read", `/generated-files/${encodeURIComponent(generatedFileId)}`);
  if (!isId("generatedFile", generatedFileId)) notFound();
  return (
    <Page>
      <FileView key={generatedFileId} kind="generated_file" id={generatedFileId} />
    </Page>
  );
}
