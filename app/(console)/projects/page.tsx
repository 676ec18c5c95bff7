import type { Metadata } from "next";
import { ApiLimitsNote } from "@/components/console/api-limits-note";
import { OrganizationSwitcher } from "@/components/console/organization-switcher";
import { ProjectFilterForm } from "@/components/console/project-filter-form";
import { ProjectsTable } from "@/components/console/projects-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Page } from "@/components/ui/page";
import { PageHeading } from "@/components/ui/page-heading";
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
    <Page>
      <PageHeading
        title="Projects"
        description="The organisation's projects, including those their users deleted. Each filter is in the address, so a link reproduces this view."
        actions={<OrganizationSwitcher selectedOrg={selectedOrg} rememberedOrg={rememberedOrg} basePath="/projects" />}
      />
      <ProjectFilterForm key={`form-${projectFiltersQueryString(filters)}`} filters={filters} />
      {selectedOrg ? (
        <ProjectsTable key={projectFiltersQueryString(filters)} filters={filters} />
      ) : (
        <EmptyState>Choose an organisation to list its projects.</EmptyState>
      )}
      <ApiLimitsNote />
    </Page>
  );
}
