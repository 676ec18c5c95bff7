"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatMinute } from "@/components/console/chat-rows-table";
import { ErrorNotice } from "@/components/layout/error-notice";
import type { ProjectFilters } from "@/lib/console/project-filters";
import { projectListOptions } from "@/lib/queries/console-queries";
import type { ProjectSummary } from "@/lib/schemas/console";

/** Projects in the API's order (oldest first), a page at a time: page tokens only lead forward. */
export function ProjectsTable({ filters }: { filters: ProjectFilters }) {
  const query = useInfiniteQuery(projectListOptions(filters));
  if (query.isPending) return <p className="mt-6 text-sm text-slate-500">Loading projects…</p>;
  if (query.isLoadingError) return <div className="mt-6"><ErrorNotice error={query.error} onRetry={() => void query.refetch()} /></div>;
  const projects = query.data.pages.flatMap((page) => page.projects);
  return (
    <section aria-label="Projects" className="mt-6">
      <p className="mb-2 text-xs text-slate-500">
        {projects.length} {projects.length === 1 ? "project" : "projects"} loaded{query.hasNextPage ? "; more exist" : ""}, oldest first.
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2">Name</th>
              <th scope="col" className="px-3 py-2">Created by</th>
              <th scope="col" className="px-3 py-2">Visible to</th>
              <th scope="col" className="px-3 py-2">Created (UTC)</th>
              <th scope="col" className="px-3 py-2">Updated (UTC)</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {projects.map((project) => (
              <ProjectRow key={project.id} project={project} />
            ))}
          </tbody>
        </table>
        {projects.length === 0 && <p className="p-4 text-sm text-slate-500">No project matches these filters.</p>}
        {query.hasNextPage && (
          <div className="border-t border-slate-100 p-3 text-center">
            <button type="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage} className="text-sm font-semibold underline disabled:opacity-60">
              {query.isFetchingNextPage ? "Loading…" : "Load more projects"}
            </button>
          </div>
        )}
        {query.isFetchNextPageError && <div className="p-3"><ErrorNotice error={query.error} onRetry={() => void query.fetchNextPage()} /></div>}
      </div>
    </section>
  );
}

function ProjectRow({ project }: { project: ProjectSummary }) {
  return (
    <tr className={project.deleted ? "bg-rose-50/60" : undefined}>
      <td className="px-3 py-1.5">
        <Link href={`/projects/${encodeURIComponent(project.id)}`} className="font-medium text-slate-900 underline decoration-slate-300 hover:decoration-slate-900">
          {project.name || <span className="italic text-slate-500">(untitled)</span>}
        </Link>
        {project.deleted && <span className="ml-2 rounded bg-rose-100 px-1.5 py-0.5 text-xs font-semibold text-rose-800">Deleted by user</span>}
      </td>
      <td className="px-3 py-1.5 font-mono text-xs">{project.owner?.email ?? project.owner?.id ?? "(no longer a member)"}</td>
      <td className="px-3 py-1.5 text-xs">{visibilityOf(project)}</td>
      <td className="whitespace-nowrap px-3 py-1.5 font-mono text-xs">{formatMinute(project.createdAt)}</td>
      <td className="whitespace-nowrap px-3 py-1.5 font-mono text-xs">{project.updatedAt ? formatMinute(project.updatedAt) : "—"}</td>
    </tr>
  );
}

export function visibilityOf(project: ProjectSummary): string {
  if (project.isPrivate === null) return "—";
  return project.isPrivate ? "Creator and collaborators" : "Whole organisation";
}
