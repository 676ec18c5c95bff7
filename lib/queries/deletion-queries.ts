import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import {
  DeletionCapability,
  DeletionList,
  DeletionPreparation,
  DeletionRequestDetail,
  DeletionRequestDto,
  type CancelDeletionBody,
  type CreateDeletionBody,
  type DeletionDecisionBody,
  type DeletionStatus,
  type DeletionTarget,
} from "@/lib/schemas/deletions";
import { HoldRef } from "@/lib/schemas/legal-holds";
import { ApiRequestError, apiFetch } from "./api-fetch";

/** The holds a `legal_hold` refusal names. */
export function holdsOf(error: unknown): HoldRef[] {
  if (!(error instanceof ApiRequestError) || error.code !== "legal_hold") return [];
  const parsed = HoldRef.array().safeParse((error.details as { holds?: unknown } | null)?.holds);
  return parsed.success ? parsed.data : [];
}

/**
 * The deletion request a refusal names: the one already open for the object (`deletion_open`), or the
 * one a confirmation recorded before its execution was refused or its outcome went unrecorded.
 */
export function deletionIdOf(error: unknown): string | null {
  if (!(error instanceof ApiRequestError)) return null;
  const id = (error.details as { deletionId?: unknown } | null)?.deletionId;
  return typeof id === "string" ? id : null;
}

export const deletionKeys = {
  all: ["deletions"] as const,
  capability: () => [...deletionKeys.all, "capability"] as const,
  preparation: (idempotencyKey: string) => [...deletionKeys.all, "preparation", idempotencyKey] as const,
  lists: () => [...deletionKeys.all, "list"] as const,
  list: (filters: DeletionListFilters) => [...deletionKeys.lists(), filters] as const,
  detail: (id: string) => [...deletionKeys.all, "detail", id] as const,
};

export type DeletionListFilters = { status?: DeletionStatus; mine?: boolean };

/** The worker reports on its delete key every ten minutes; asking again within minutes tells nothing new. */
const CAPABILITY_STALE_MS = 5 * 60_000;
const LIST_PAGE_SIZE = 50;
/**
 * A request the worker is executing settles within seconds; one whose outcome is unknown waits for the
 * reconciler's next round. Each is asked again until it settles.
 */
const IN_WORKER_POLL_MS = 1_000;
const UNKNOWN_POLL_MS = 5_000;

function pollIntervalFor(request: DeletionRequestDto | undefined): number | false {
  if (!request) return false;
  if ((request.status === "approved" && request.executionQueuedAt !== null) || request.status === "executing") return IN_WORKER_POLL_MS;
  return request.status === "unknown" ? UNKNOWN_POLL_MS : false;
}

export const deletionCapabilityOptions = () =>
  queryOptions({
    queryKey: deletionKeys.capability(),
    queryFn: ({ signal }) => apiFetch("/api/deletions/capability", DeletionCapability, { signal }),
    staleTime: CAPABILITY_STALE_MS,
  });

/**
 * The first step of a deletion: what it would destroy, and the confirmation token. It is audited, so
 * it is asked once per dialog (keyed by the dialog's idempotency key) and again only on request.
 */
export const deletionPreparationOptions = (target: DeletionTarget, idempotencyKey: string) =>
  queryOptions({
    queryKey: deletionKeys.preparation(idempotencyKey),
    queryFn: ({ signal }) => apiFetch("/api/deletions/prepare", DeletionPreparation, { method: "POST", body: { target, idempotencyKey }, signal }),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });

export const deletionListOptions = (filters: DeletionListFilters) =>
  infiniteQueryOptions({
    queryKey: deletionKeys.list(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: String(LIST_PAGE_SIZE) });
      if (filters.status) query.set("status", filters.status);
      if (filters.mine) query.set("mine", "1");
      if (pageParam) query.set("cursor", pageParam);
      return apiFetch(`/api/deletions?${query.toString()}`, DeletionList, { signal });
    },
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const deletionDetailOptions = (id: string) =>
  queryOptions({
    queryKey: deletionKeys.detail(id),
    queryFn: ({ signal }) => apiFetch(`/api/deletions/${encodeURIComponent(id)}`, DeletionRequestDetail, { signal }),
    refetchInterval: (query) => pollIntervalFor(query.state.data?.request),
  });

/** One request as it stands, asked again while the worker settles it (the delete dialog's outcome). */
export const settlingDeletionOptions = (request: DeletionRequestDto) =>
  queryOptions({
    queryKey: deletionKeys.detail(request.id),
    queryFn: ({ signal }) => apiFetch(`/api/deletions/${encodeURIComponent(request.id)}`, DeletionRequestDetail, { signal }),
    select: (detail) => detail.request,
    refetchInterval: (query) => pollIntervalFor(query.state.data?.request ?? request),
  });

/** Confirms a prepared deletion: the request (201), or the one this idempotency key already made (200). */
export function createDeletion(body: CreateDeletionBody): Promise<DeletionRequestDto> {
  return apiFetch("/api/deletions", DeletionRequestDto, { method: "POST", body: body });
}

export type DeletionDecision = "approve" | "reject";

/** Approving hands the deletion to the worker: the answer is the request, approved and queued. */
export function decideDeletion(id: string, decision: DeletionDecision, body: DeletionDecisionBody): Promise<DeletionRequestDto> {
  return apiFetch(`/api/deletions/${encodeURIComponent(id)}/${decision}`, DeletionRequestDto, { method: "POST", body: body });
}

export function cancelDeletion(id: string, body: CancelDeletionBody): Promise<DeletionRequestDto> {
  return apiFetch(`/api/deletions/${encodeURIComponent(id)}/cancel`, DeletionRequestDto, { method: "POST", body: body });
}

/** Asks the worker again to execute an approved request it gave up on. */
export function executeDeletion(id: string): Promise<DeletionRequestDto> {
  return apiFetch(`/api/deletions/${encodeURIComponent(id)}/execute`, DeletionRequestDto, { method: "POST", body: {} });
}

/**
 * A fresh idempotency key (a version 4 UUID). Made from getRandomValues, which, unlike randomUUID,
 * exists on pages served over plain http too.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
