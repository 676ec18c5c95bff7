import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApiLimitsNote } from "@/components/console/api-limits-note";
import { ProjectDetailView } from "@/components/console/project-detail-view";
import { AppHeader } from "@/components/layout/app-header";
import { QueryProvider } from "@/components/providers/query-provider";
import { requirePageAccess } from "@/lib/server/auth/guard";
import { isId } from "@/lib/server/compliance/ids";

export const metadata: Metadata = { title: "Project" };
export const dynamic = "force-dynamic";

export default async function ProjectPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requirePageAccess("content.read", `/projects/${encodeURIComponent(projectId)}`);
  if (!isId("project", projectId)) notFound();
  return (
    <QueryProvider>
      <AppHeader email={actor.email ?? actor.subject} roles={actor.roles} canReadAudit={actor.permissions.has("audit.read")} canReadContent />
      <main className="mx-auto max-w-6xl px-6 py-8">
        <ProjectDetailView key={projectId} projectId={projectId} />
        <ApiLimitsNote />
      </main>
    </QueryProvider>
  );
}
