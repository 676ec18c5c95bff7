import { queryOptions } from "@tanstack/react-query";
import { ArtifactVersionList, ArtifactVersionView, ProjectDocumentView } from "@/lib/schemas/artifacts";
import { apiFetch } from "./api-fetch";

export const artifactKeys = {
  all: ["artifacts"] as const,
  version: (versionId: string) => [...artifactKeys.all, "version", versionId] as const,
  versionsOf: (versionId: string) => [...artifactKeys.all, "versions-of", versionId] as const,
  document: (documentId: string) => [...artifactKeys.all, "project-document", documentId] as const,
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
