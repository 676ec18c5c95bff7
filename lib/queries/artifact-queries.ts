import { queryOptions } from "@tanstack/react-query";
import { ArtifactVersionList, ArtifactVersionView, ProjectDocumentView } from "@/lib/schemas/artifacts";
import { artifactPreviewUrl } from "@/lib/artifacts/artifact-kind";
import { ApiRequestError, apiFetch, apiRequestErrorOf } from "./api-fetch";

export const artifactKeys = {
  all: ["artifacts"] as const,
  version: (versionId: string) => [...artifactKeys.all, "version", versionId] as const,
  versionsOf: (versionId: string) => [...artifactKeys.all, "versions-of", versionId] as const,
  document: (documentId: string) => [...artifactKeys.all, "project-document", documentId] as const,
  previewSource: (versionId: string) => [...artifactKeys.all, "preview-source", versionId] as const,
};

// A version's bytes never change, and every fetch is an audited read: fetched once per page view.
export const artifactVersionOptions = (versionId: string) =>
  queryOptions({
    queryKey: artifactKeys.version(versionId),
    queryFn: ({ signal }) => apiFetch(`/api/artifacts/${encodeURIComponent(versionId)}`, ArtifactVersionView, { signal }),
    staleTime: Infinity,
  });

export const artifactVersionsOptions = (versionId: string) =>
  queryOptions({
    queryKey: artifactKeys.versionsOf(versionId),
    queryFn: ({ signal }) => apiFetch(`/api/artifacts/${encodeURIComponent(versionId)}/versions`, ArtifactVersionList, { signal }),
    staleTime: Infinity,
  });

export const projectDocumentOptions = (documentId: string) =>
  queryOptions({
    queryKey: artifactKeys.document(documentId),
    queryFn: ({ signal }) => apiFetch(`/api/project-documents/${encodeURIComponent(documentId)}`, ProjectDocumentView, { signal }),
    staleTime: Infinity,
  });

/**
 * The exact text of an HTML or SVG version, for the sandbox renderer. Each run of the preview is an
 * audited read of its own, so nothing is kept once the preview stops.
 */
export const artifactPreviewSourceOptions = (versionId: string) =>
  queryOptions({
    queryKey: artifactKeys.previewSource(versionId),
    queryFn: async ({ signal }) => {
      const response = await fetch(artifactPreviewUrl(versionId), { signal, cache: "no-store" });
      if (response.ok) return response.text();
      // A refusal of the preview itself is plain text; anything else is Docket's JSON error envelope.
      if (response.headers.get("content-type")?.startsWith("text/plain")) {
        throw new ApiRequestError(response.status, "preview_refused", await response.text(), response.headers.get("x-request-id"), null);
      }
      throw apiRequestErrorOf(response, (await response.json().catch(() => null)) as unknown);
    },
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
