import type { Metadata } from "next";
import { ApiLimitsNote } from "@/components/console/api-limits-note";
import { OrganizationSwitcher } from "@/components/console/organization-switcher";
import { ProjectFilterForm } from "@/components/console/project-filter-form";
import { ProjectsTable } from "@/components/console/projects-table";
import { parseProjectFilters, projectFiltersQueryString } from "@/lib/console/project-filters";
import { requirePageAccess } from "@/lib/server/auth/guard";
import { organizationInView } from "@/lib/server/console/reviewer-preference";

export const metadata: Metadata = { title: "Projects" };
export const dynamic = "force-dynamic";

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageAccess("content.read", "/projects");
  const raw = await searchParams;
  const { selectedOrg, rememberedOrg } = await organizationInView(actor, raw.org, "/projects");
  const filters = parseProjectFilters(raw);
  return (
    <main className="mx-auto max-w-6xl px-6 py-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Projects</h1>
        <OrganizationSwitcher selectedOrg={selectedOrg} rememberedOrg={rememberedOrg} basePath="/projects" />
      </div>
      <p className="mt-1 text-sm text-slate-600">The organisation&apos;s projects, including those their users deleted. Each filter is in the address, so a link reproduces this view.</p>
      <ProjectFilterForm key={`form-${projectFiltersQueryString(filters)}`} filters={filters} />
      {selectedOrg ? <ProjectsTable key={projectFiltersQueryString(filters)} filters={filters} /> : <p className="mt-6 text-sm text-slate-500">Choose an organisation to list its projects.</p>}
      <ApiLimitsNote />
    </main>
  );
}
