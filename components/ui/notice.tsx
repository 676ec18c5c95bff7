import type { ReactNode } from "react";

export type NoticeTone = "error" | "warning" | "info";

const TONES: Record<NoticeTone, string> = {
  error: "border-rose-300 bg-rose-50 text-rose-900",
  warning: "border-amber-300 bg-amber-50 text-amber-950",
  info: "border-slate-200 bg-white text-slate-700",
};

/**
 * A boxed message. Errors and warnings are alerts, announced when they appear; information is a
 * status, read when reached. `label` names it when a page shows several.
 */
export function Notice({ tone, label, className, children }: { tone: NoticeTone; label?: string; className?: string; children: ReactNode }) {
  return (
    <div role={tone === "info" ? "status" : "alert"} aria-label={label} className={`rounded-md border px-3 py-2 text-sm ${TONES[tone]} ${className ?? ""}`}>
      {children}
    </div>
  );
}
