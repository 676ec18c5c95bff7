import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { codeArtifactListApiQuery, codeArtifactVersionHref, type CodeArtifactFilters } from "@/lib/console/code-artifact-filters";
import { CodeArtifactPage, CodeArtifactSummary, CodeArtifactVersionView } from "@/lib/schemas/code-artifacts";
import { apiFetch } from "./api-fetch";

/** The API's largest page. */
const CODE_ARTIFACT_PAGE_SIZE = 100;

export const codeArtifactKeys = {
  all: ["code-artifacts"] as const,
  list: (filters: CodeArtifactFilters) => [...codeArtifactKeys.all, "list", filters] as const,
  version: (artifactId: string, versionId: string) => [...codeArtifactKeys.all, artifactId, versionId] as const,
};

export const codeArtifactListOptions = (filters: CodeArtifactFilters) =>
  infiniteQueryOptions({
    queryKey: codeArtifactKeys.list(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiFetch(`/api/code-artifacts?${codeArtifactListApiQuery(filters, CODE_ARTIFACT_PAGE_SIZE, pageParam)}`, CodeArtifactPage, { signal }),
    getNextPageParam: (page) => page.nextPage ?? undefined,
  });

export const codeArtifactVersionOptions = (artifactId: string, versionId: string) =>
  queryOptions({
    queryKey: codeArtifactKeys.version(artifactId, versionId),
    queryFn: ({ signal }) => apiFetch(`/api${codeArtifactVersionHref(artifactId, versionId)}`, CodeArtifactVersionView, { signal }),
    // A version's content does not change; reading it again would only be audited again.
    staleTime: Infinity,
  });

export const codeArtifactOptions = (artifactId: string) =>
  queryOptions({
    queryKey: [...codeArtifactKeys.all, artifactId] as const,
    queryFn: ({ signal }) => apiFetch(`/api/code-artifacts/${encodeURIComponent(artifactId)}`, CodeArtifactSummary, { signal }),
  });
