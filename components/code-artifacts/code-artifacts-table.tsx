"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTimeFormat } from "@/components/layout/time-zone";
import { ListCsvDownload } from "@/components/layout/list-csv-download";
import { ErrorNotice } from "@/components/ui/error-notice";
import { PagedListFooter } from "@/components/ui/load-more";
import { RawJsonDisclosure } from "@/components/ui/raw-json";
import { Cell, DataTable, HeaderCell, TableBody, TableHead } from "@/components/ui/table";
import { codeArtifactVersionHref, type CodeArtifactFilters } from "@/lib/console/code-artifact-filters";
import { codeArtifactsCsv } from "@/lib/console/list-csv";
import { codeArtifactListOptions } from "@/lib/queries/code-artifact-queries";
import { readModeInWords, type CodeArtifactSummary } from "@/lib/schemas/code-artifacts";
import { CodeArtifactVersions } from "./code-artifact-versions";

/** Claude Code artifacts in the API's order (by id, not by time), a page at a time. */
export function CodeArtifactsTable({ filters }: { filters: CodeArtifactFilters }) {
  const { zone } = useTimeFormat();
  const query = useInfiniteQuery(codeArtifactListOptions(filters));
  if (query.isPending) return <p className="mt-6 text-sm text-slate-500">Loading code artifacts…</p>;
  if (query.isLoadingError)
    return (
      <div className="mt-6">
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  const artifacts = query.data.pages.flatMap((page) => page.artifacts);
  return (
    <section aria-label="Code artifacts" className="mt-6">
      <div className="mb-2 flex flex-wrap items-end justify-between gap-3">
        <p className="text-xs text-slate-500">
          {artifacts.length} {artifacts.length === 1 ? "artifact" : "artifacts"} loaded{query.hasNextPage ? "; more exist" : ""}, in the API&apos;s order (by
          id, not by time). The API keeps about the 20 latest versions of each.
        </p>
        <ListCsvDownload list="code-artifacts" table={codeArtifactsCsv(artifacts)} view={filters} />
      </div>
      <DataTable
        footer={
          <PagedListFooter
            isEmpty={artifacts.length === 0}
            emptyText="No code artifact matches these filters."
            loadLabel="Load more artifacts"
            paging={query}
          />
        }
      >
        <TableHead>
          <HeaderCell>Artifact</HeaderCell>
          <HeaderCell>Owner</HeaderCell>
          <HeaderCell>Who can open it</HeaderCell>
          <HeaderCell>Updated ({zone})</HeaderCell>
          <HeaderCell>Versions</HeaderCell>
        </TableHead>
        <TableBody>
          {artifacts.map((artifact) => (
            <CodeArtifactRow key={artifact.id} artifact={artifact} />
          ))}
        </TableBody>
      </DataTable>
    </section>
  );
}

function CodeArtifactRow({ artifact }: { artifact: CodeArtifactSummary }) {
  const { formatCompact } = useTimeFormat();
  const published = artifact.versions.find((version) => version.id === artifact.publishedVersionId) ?? artifact.versions[0];
  return (
    <tr className="align-top">
      <Cell>
        <Link
          href={`/code-artifacts/${encodeURIComponent(artifact.id)}`}
          className="font-medium text-slate-900 underline decoration-slate-300 hover:decoration-slate-900"
        >
          {published?.name ?? "(no retained version)"}
        </Link>
        <span className="ml-2 font-mono text-xs text-slate-500">{artifact.id}</span>
        {artifact.versions.length > 0 && (
          <details className="mt-1 text-xs">
            <summary className="cursor-pointer font-semibold text-slate-700">Versions</summary>
            <CodeArtifactVersions artifact={artifact} compact />
          </details>
        )}
        <RawJsonDisclosure json={artifact.rawJson} summary="Raw JSON" />
      </Cell>
      <Cell mono className="break-all">
        {artifact.ownerEmail ?? artifact.ownerUserId ?? "an agent session"}
      </Cell>
      <Cell className={artifact.readMode === "public" ? "font-semibold text-rose-800" : undefined}>{readModeInWords(artifact.readMode)}</Cell>
      <Cell mono className="whitespace-nowrap">
        {artifact.updatedAt ? formatCompact(artifact.updatedAt) : "not recorded"}
      </Cell>
      <Cell className="whitespace-nowrap">
        {artifact.versions.length}
        {published && (
          <Link href={codeArtifactVersionHref(artifact.id, published.id)} className="ml-2 text-xs underline decoration-slate-300 hover:decoration-slate-900">
            Open {published.id === artifact.publishedVersionId ? "published" : "latest"}
          </Link>
        )}
      </Cell>
    </tr>
  );
}
