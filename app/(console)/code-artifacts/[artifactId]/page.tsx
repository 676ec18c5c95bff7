import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CodeArtifactView } from "@/components/code-artifacts/code-artifact-view";
import { Page } from "@/components/ui/page";
import { requirePageAccess } from "@/lib/server/auth/guard";
import { isId } from "@/lib/server/compliance/ids";

export const metadata: Metadata = { title: "Code artifact" };
export const dynamic = "force-dynamic";

export default async function CodeArtifactPage({ params }: { params: Promise<{ artifactId: string }> }) {
  const { artifactId } = await params;
  await requirePageAccess("content.read", `/code-artifacts/${encodeURIComponent(artifactId)}`);
  if (!isId("codeArtifact", artifactId)) notFound();
  return (
    <Page>
      <CodeArtifactView key={artifactId} artifactId={artifactId} />
    </Page>
  );
}
