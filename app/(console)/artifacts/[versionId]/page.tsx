import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArtifactView } from "@/components/artifacts/artifact-view";
import { AppHeader } from "@/components/layout/app-header";
import { QueryProvider } from "@/components/providers/query-provider";
import { framingPagePolicy } from "@/lib/server/artifacts/preview-response";
import { getServerEnv } from "@/lib/server/env";
import { requirePageAccess } from "@/lib/server/auth/guard";
import { isId } from "@/lib/server/compliance/ids";

export const metadata: Metadata = { title: "Artifact" };
export const dynamic = "force-dynamic";

export default async function ArtifactPage({ params }: { params: Promise<{ versionId: string }> }) {
  const { versionId } = await params;
  const actor = await requirePageAccess("content.read", `/artifacts/${encodeURIComponent(versionId)}`);
  if (!isId("artifactVersion", versionId)) notFound();
  return (
    <QueryProvider>
      <meta httpEquiv="Content-Security-Policy" content={framingPagePolicy()} />
      <AppHeader email={actor.email ?? actor.subject} roles={actor.roles} canReadAudit={actor.permissions.has("audit.read")} canReadContent />
      <main className="mx-auto max-w-6xl px-6 py-6">
        <ArtifactView key={versionId} versionId={versionId} sandboxOrigin={getServerEnv().DOCKET_ARTIFACT_SANDBOX_URL ?? null} />
      </main>
    </QueryProvider>
  );
}
