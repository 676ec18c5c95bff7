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

/** The server probes upstream once per process; asking it again within minutes tells nothing new. */
const CAPABILITY_STALE_MS = 5 * 60_000;
const LIST_PAGE_SIZE = 50;
/** A request being executed, or whose outcome is unknown, settles on the server (the reconciler): asked again until it does. */
const UNSETTLED_POLL_MS = 5_000;
const UNSETTLED: ReadonlySet<DeletionStatus> = new Set(["approved", "executing", "unknown"]);

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
    refetchInterval: (query) => (query.state.data && UNSETTLED.has(query.state.data.request.status) ? UNSETTLED_POLL_MS : false),
  });

/** Confirms a prepared deletion: the request (201), or the one this idempotency key already made (200). */
export function createDeletion(body: CreateDeletionBody): Promise<DeletionRequestDto> {
  return apiFetch("/api/deletions", DeletionRequestDto, { method: "POST", body: body });
}

export type DeletionDecision = "approve" | "reject";

/** Approving executes the deletion: the answer is the request as it then stands. */
export function decideDeletion(id: string, decision: DeletionDecision, body: DeletionDecisionBody): Promise<DeletionRequestDto> {
  return apiFetch(`/api/deletions/${encodeURIComponent(id)}/${decision}`, DeletionRequestDto, { method: "POST", body: body });
}

export function cancelDeletion(id: string, body: CancelDeletionBody): Promise<DeletionRequestDto> {
  return apiFetch(`/api/deletions/${encodeURIComponent(id)}/cancel`, DeletionRequestDto, { method: "POST", body: body });
}

/** Runs an approved request whose execution never started. */
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
