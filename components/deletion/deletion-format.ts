import { revealInvisible } from "@/components/files/reveal-invisible";
import { DELETION_TARGET_LABELS, type DeletionStatus, type DeletionTargetFacts, type DeletionTargetKind } from "@/lib/schemas/deletions";

/** What each status means to the person reading the queue. */
export const STATUS_LABELS: Record<DeletionStatus, string> = {
  requested: "Waiting for approval",
  approved: "Approved, not yet executed",
  executing: "Executing",
  succeeded: "Deleted",
  failed: "Failed",
  unknown: "Outcome unknown",
  rejected: "Rejected",
  cancelled: "Cancelled",
  expired: "Expired",
};

export const STATUS_STYLES: Record<DeletionStatus, string> = {
  requested: "bg-amber-100 text-amber-900",
  approved: "bg-sky-100 text-sky-900",
  executing: "bg-sky-100 text-sky-900",
  succeeded: "bg-rose-100 text-rose-900",
  failed: "bg-slate-200 text-slate-900",
  unknown: "bg-orange-100 text-orange-900",
  rejected: "bg-slate-200 text-slate-900",
  cancelled: "bg-slate-200 text-slate-900",
  expired: "bg-slate-200 text-slate-900",
};

/** The page that shows an object of each kind (to look at it before deciding). */
const OBJECT_PAGES: Record<DeletionTargetKind, string> = {
  chat: "/chats/",
  file: "/files/",
  project_document: "/project-documents/",
  project: "/projects/",
  code_artifact: "/code-artifacts/",
};

export function objectHref(target: Pick<DeletionTargetFacts, "kind" | "id">): string {
  return `${OBJECT_PAGES[target.kind]}${encodeURIComponent(target.id)}`;
}

export function kindLabel(kind: DeletionTargetKind): string {
  return DELETION_TARGET_LABELS[kind];
}

/** The kind at the start of a sentence or a title. */
export function kindTitle(kind: DeletionTargetKind): string {
  const label = DELETION_TARGET_LABELS[kind];
  return `${label[0]!.toUpperCase()}${label.slice(1)}`;
}

/**
 * An object's name as shown: the owner's text, with invisible and direction-changing characters written
 * out (so what is read is what would be typed), or a placeholder when the API gives none.
 */
export function displayName(name: string, kind: DeletionTargetKind): string {
  if (name.trim() === "") return kind === "chat" ? "(name removed)" : "(no name)";
  return revealInvisible(name).text;
}

export function requestHref(id: string): string {
  return `/deletions/${encodeURIComponent(id)}`;
}

/** How long ago, roughly, for the queue (the exact UTC time is beside it). */
export function formatAge(timestamp: string, now: number): string {
  const minutes = Math.floor((now - new Date(timestamp).getTime()) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

/** How long until a time, or that it has passed. */
export function formatTimeLeft(timestamp: string, now: number): string {
  const minutes = Math.floor((new Date(timestamp).getTime() - now) / 60_000);
  if (minutes < 0) return "passed";
  if (minutes < 60) return `in ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `in ${hours} h` : `in ${Math.floor(hours / 24)} days`;
}
