import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArtifactView } from "@/components/artifacts/artifact-view";
import { Page } from "@/components/ui/page";
import { framingPagePolicy } from "@/lib/server/artifacts/preview-response";
import { getServerEnv } from "@/lib/server/env";
import { requirePageAccess } from "@/lib/server/auth/guard";
import { isId } from "@/lib/server/compliance/ids";

export const metadata: Metadata = { title: "Artifact" };
export const dynamic = "force-dynamic";

export default async function ArtifactPage({ params }: { params: Promise<{ versionId: string }> }) {
  const { versionId } = await params;
  await requirePageAccess("content.read", `/artifacts/${encodeURIComponent(versionId)}`);
  if (!isId("artifactVersion", versionId)) notFound();
  return (
    <>
      <meta httpEquiv="Content-Security-Policy" content={framingPagePolicy()} />
      <Page className="py-6">
        <ArtifactView key={versionId} versionId={versionId} sandboxOrigin={getServerEnv().DOCKET_ARTIFACT_SANDBOX_URL ?? null} />
      </Page>
    </>
  );
}
