import type { ReferenceKind } from "@/lib/schemas/activities";
import { sessionHref } from "@/lib/console/session-href";
import { threadHref } from "@/lib/thread/thread-href";

/** Docket's page for an object an activity names, and what to call it. Client-safe. */
export const REFERENCE_NAMES: Record<ReferenceKind, string> = {
  chat: "Chat",
  file: "File",
  project: "Project",
  projectDocument: "Project document",
  localSession: "Session",
  remoteSession: "Session",
  user: "Person",
};

export function referenceHref(kind: ReferenceKind, id: string): string {
  switch (kind) {
    case "chat":
      return threadHref(id);
    case "file":
      return `/files/${encodeURIComponent(id)}`;
    case "project":
      return `/projects/${encodeURIComponent(id)}`;
    case "projectDocument":
      return `/project-documents/${encodeURIComponent(id)}`;
    case "localSession":
      return sessionHref("local", id);
    case "remoteSession":
      return sessionHref("remote", id);
    case "user":
      return `/custodians/${encodeURIComponent(id)}`;
  }
}
