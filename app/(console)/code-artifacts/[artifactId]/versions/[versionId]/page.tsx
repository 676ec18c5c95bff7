import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CodeArtifactVersionView } from "@/components/code-artifacts/code-artifact-version-view";
import { Page } from "@/components/ui/page";
import { codeArtifactVersionHref } from "@/lib/console/code-artifact-filters";
import { requirePageAccess } from "@/lib/server/auth/guard";
import { isId } from "@/lib/server/compliance/ids";

export const metadata: Metadata = { title: "Code artifact version" };
export const dynamic = "force-dynamic";

export default async function CodeArtifactVersionPage({ params }: { params: Promise<{ artifactId: string; versionId: string }> }) {
  const { artifactId, versionId } = await params;
  await requirePageAccess("content.read", codeArtifactVersionHref(artifactId, versionId));
  if (!isId("codeArtifact", artifactId) || !isId("codeArtifactVersion", versionId)) notFound();
  return (
    <Page>
      <CodeArtifactVersionView key={`${artifactId}/${versionId}`} artifactId={artifactId} versionId={versionId} />
    </Page>
  );
}
