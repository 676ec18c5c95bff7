import { queryOptions } from "@tanstack/react-query";
import { DownloadReceipt, FileDetail, IntegrityReport, TextPreview, type FileKind } from "@/lib/schemas/files";
import { apiFetch } from "./api-fetch";

const API_ROOT: Record<FileKind, string> = { file: "/api/files", generated_file: "/api/generated-files" };
const PAGE_ROOT: Record<FileKind, string> = { file: "/files", generated_file: "/generated-files" };

/** One of Docket's file routes: `part` is "" for the metadata, or a sub-path such as "download". */
export function fileApiUrl(kind: FileKind, id: string, part = ""): string {
  return `${API_ROOT[kind]}/${encodeURIComponent(id)}${part ? `/${part}` : ""}`;
}

export function filePageUrl(kind: FileKind, id: string): string {
  return `${PAGE_ROOT[kind]}/${encodeURIComponent(id)}`;
}

/** Until a download's receipt reads one of these, its outcome is still to come. */
const UNSETTLED_RECEIPTS: ReadonlySet<DownloadReceipt["state"]> = new Set(["waiting", "in_progress"]);
const RECEIPT_POLL_MS = 1_000;

export const fileKeys = {
  all: ["files"] as const,
  file: (kind: FileKind, id: string) => [...fileKeys.all, kind, id] as const,
  integrity: (kind: FileKind, id: string) => [...fileKeys.file(kind, id), "integrity"] as const,
  textPreview: (kind: FileKind, id: string) => [...fileKeys.file(kind, id), "text-preview"] as const,
  receipt: (kind: FileKind, id: string, receipt: string) => [...fileKeys.file(kind, id), "receipt", receipt] as const,
};

// Every read below is audited and costs the organisation's API budget, and a file does not change
// while it is read: nothing is refetched unless the reviewer asks.
export const fileDetailOptions = (kind: FileKind, id: string) =>
  queryOptions({
    queryKey: fileKeys.file(kind, id),
    queryFn: ({ signal }) => apiFetch(fileApiUrl(kind, id), FileDetail, { signal }),
    staleTime: Infinity,
  });

export const integrityOptions = (kind: FileKind, id: string) =>
  queryOptions({
    queryKey: fileKeys.integrity(kind, id),
    queryFn: ({ signal }) => apiFetch(fileApiUrl(kind, id, "integrity"), IntegrityReport, { signal }),
    staleTime: Infinity,
  });

export const textPreviewOptions = (kind: FileKind, id: string) =>
  queryOptions({
    queryKey: fileKeys.textPreview(kind, id),
    queryFn: ({ signal }) => apiFetch(fileApiUrl(kind, id, "preview"), TextPreview, { signal }),
    staleTime: Infinity,
  });

/** How a download ended, asked again every second until the audit log holds its outcome. */
export const downloadReceiptOptions = (kind: FileKind, id: string, receipt: string) =>
  queryOptions({
    queryKey: fileKeys.receipt(kind, id, receipt),
    queryFn: ({ signal }) => apiFetch(fileApiUrl(kind, id, `download-receipts/${receipt}`), DownloadReceipt, { signal }),
    refetchInterval: (query) => (query.state.data && !UNSETTLED_RECEIPTS.has(query.state.data.state) ? false : RECEIPT_POLL_MS),
    staleTime: 0,
  });

/** A version 4 UUID from getRandomValues, which, unlike randomUUID, browsers also offer outside HTTPS. */
export function newDownloadReceipt(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
