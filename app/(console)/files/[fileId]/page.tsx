import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FileView } from "@/components/files/file-view";
import { Page } from "@/components/ui/page";
import { requirePageAccess } from "@/lib/server/auth/guard";
import { isId } from "@/lib/server/compliance/ids";

export const metadata: Metadata = { title: "File" };
export const dynamic = "force-dynamic";

/** An uploaded file (a chat upload or a project file). */
export default async function FilePage({ params }: { params: Promise<{ fileId: string }> }) {
  const { fileId } = await params;
  await requirePageAccess("content.read", `/files/${encodeURIComponent(fileId)}`);
  if (!isId("file", fileId)) notFound();
  return (
    <Page>
      <FileView key={fileId} kind="file" id={fileId} />
    </Page>
  );
}
