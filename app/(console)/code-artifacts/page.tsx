import type { Metadata } from "next";
import { CodeArtifactFilterForm } from "@/components/code-artifacts/code-artifact-filter-form";
import { CodeArtifactsTable } from "@/components/code-artifacts/code-artifacts-table";
import { Page } from "@/components/ui/page";
import { PageHeading } from "@/components/ui/page-heading";
import { codeArtifactFiltersQueryString, parseCodeArtifactFilters } from "@/lib/console/code-artifact-filters";
import { requirePageAccess } from "@/lib/server/auth/guard";

export const metadata: Metadata = { title: "Code artifacts" };
export const dynamic = "force-dynamic";

export default async function CodeArtifactsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageAccess("content.read", "/code-artifacts");
  const filters = parseCodeArtifactFilters(await searchParams);
  const filterKey = codeArtifactFiltersQueryString(filters);
  return (
    <Page>
      <PageHeading
        title="Code artifacts"
        description="Apps people published from Claude Code, who can open them (up to anyone on the internet), and their recent versions."
      />
      <CodeArtifactFilterForm key={`form-${filterKey}`} filters={filters} />
      <CodeArtifactsTable key={filterKey} filters={filters} />
    </Page>
  );
}
