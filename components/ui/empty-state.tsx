import type { ReactNode } from "react";

/** What a list says when it has nothing to show, and why when that helps. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="mt-6 text-sm text-slate-500">{children}</p>;
}
