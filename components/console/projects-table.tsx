"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ListCsvDownload } from "@/components/layout/list-csv-download";
import { useTimeFormat } from "@/components/layout/time-zone";
import { ErrorNotice } from "@/components/ui/error-notice";
import { PagedListFooter } from "@/components/ui/load-more";
import { Cell, DataTable, HeaderCell, TableBody, TableHead } from "@/components/ui/table";
import { projectsCsv } from "@/lib/console/list-csv";
import type { ProjectFilters } from "@/lib/console/project-filters";
import { projectListOptions } from "@/lib/queries/console-queries";
import type { ProjectSummary } from "@/lib/schemas/console";

/** Projects in the API's order (oldest first), a page at a time: page tokens only lead forward. */
export function ProjectsTable({ filters }: { filters: ProjectFilters }) {
  const { zone } = useTimeFormat();
  const query = useInfiniteQuery(projectListOptions(filters));
  if (query.isPending) return <p className="mt-6 text-sm text-slate-500">Loading projects…</p>;
  if (query.isLoadingError)
    return (
      <div className="mt-6">
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  const projects = query.data.pages.flatMap((page) => page.projects);
  return (
    <section aria-label="Projects" className="mt-6">
      <div className="mb-2 flex items-end justify-between gap-3">
        <p className="text-xs text-slate-500">
          {projects.length} {projects.length === 1 ? "project" : "projects"} loaded{query.hasNextPage ? "; more exist" : ""}, oldest first.
        </p>
        <ListCsvDownload list="projects" table={projectsCsv(projects)} view={filters} />
      </div>
      <DataTable
        footer={<PagedListFooter isEmpty={projects.length === 0} emptyText="No project matches these filters." loadLabel="Load more projects" paging={query} />}
      >
        <TableHead>
          <HeaderCell>Name</HeaderCell>
          <HeaderCell>Created by</HeaderCell>
          <HeaderCell>Visible to</HeaderCell>
          <HeaderCell>Created ({zone})</HeaderCell>
          <HeaderCell>Updated ({zone})</HeaderCell>
        </TableHead>
        <TableBody>
          {projects.map((project) => (
            <ProjectRow key={project.id} project={project} />
          ))}
        </TableBody>
      </DataTable>
    </section>
  );
}

function ProjectRow({ project }: { project: ProjectSummary }) {
  const { formatCompact } = useTimeFormat();
  return (
    <tr className={project.deleted ? "bg-rose-50/60" : undefined}>
      <Cell>
        <Link
          href={`/projects/${encodeURIComponent(project.id)}`}
          className="font-medium text-slate-900 underline decoration-slate-300 hover:decoration-slate-900"
        >
          {project.name || <span className="italic text-slate-500">(untitled)</span>}
        </Link>
        {project.deleted && <span className="ml-2 rounded bg-rose-100 px-1.5 py-0.5 text-xs font-semibold text-rose-800">Deleted by user</span>}
      </Cell>
      <Cell mono>{project.owner?.email ?? project.owner?.id ?? "(no longer a member)"}</Cell>
      <Cell className="text-xs">{visibilityOf(project)}</Cell>
      <Cell mono className="whitespace-nowrap">
        {formatCompact(project.createdAt)}
      </Cell>
      <Cell mono className="whitespace-nowrap">
        {project.updatedAt ? formatCompact(project.updatedAt) : "—"}
      </Cell>
    </tr>
  );
}

export function visibilityOf(project: ProjectSummary): string {
  if (project.isPrivate === null) return "—";
  return project.isPrivate ? "Creator and collaborators" : "Whole organisation";
}
