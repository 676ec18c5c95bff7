import { queryOptions } from "@tanstack/react-query";
import { CollectionCreated, CollectionDto, CollectionList, type CreateCollectionBody } from "@/lib/schemas/collections";
import { apiFetch } from "./api-fetch";

export type CollectionControl = "pause" | "resume" | "cancel";

export const collectionKeys = {
  all: ["collections"] as const,
  list: () => [...collectionKeys.all, "list"] as const,
  detail: (id: string) => [...collectionKeys.all, "detail", id] as const,
};

/** How often a page looks again while the worker is still moving a collection. */
const MOVING_REFRESH_MS = 2_000;

const isMoving = (collection: CollectionDto) => collection.state === "queued" || collection.state === "running";

export const collectionListOptions = () =>
  queryOptions({
    queryKey: collectionKeys.list(),
    queryFn: ({ signal }) => apiFetch("/api/collections", CollectionList, { signal }),
    refetchInterval: (query) => (query.state.data?.collections.some(isMoving) ? MOVING_REFRESH_MS : false),
  });

export const collectionOptions = (id: string) =>
  queryOptions({
    queryKey: collectionKeys.detail(id),
    queryFn: ({ signal }) => apiFetch(`/api/collections/${encodeURIComponent(id)}`, CollectionDto, { signal }),
    refetchInterval: (query) => (query.state.data && isMoving(query.state.data) ? MOVING_REFRESH_MS : false),
  });

export function createCollection(body: CreateCollectionBody): Promise<{ id: string }> {
  return apiFetch("/api/collections", CollectionCreated, { method: "POST", body });
}

export function controlCollection(id: string, control: CollectionControl): Promise<CollectionDto> {
  return apiFetch(`/api/collections/${encodeURIComponent(id)}/${control}`, CollectionDto, { method: "POST" });
}

/** The evidence package's address: a plain download, which the server audits. */
export const collectionPackageHref = (id: string) => `/api/collections/${encodeURIComponent(id)}/package`;
