import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApiLimitsNote } from "@/components/console/api-limits-note";
import { ProjectDetailView } from "@/components/console/project-detail-view";
import { Page } from "@/components/ui/page";
import { requirePageAccess } from "@/lib/server/auth/guard";
import { isId } from "@/lib/server/compliance/ids";

export const metadata: Metadata = { title: "Project" };
export const dynamic = "force-dynamic";

export default async function ProjectPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requirePageAccess("content.read", `/projects/${encodeURIComponent(projectId)}`);
  if (!isId("project", projectId)) notFound();
  return (
    <Page>
      <ProjectDetailView key={projectId} projectId={projectId} />
      <ApiLimitsNote />
    </Page>
  );
}
