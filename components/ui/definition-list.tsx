import type { ReactNode } from "react";

/** Facts in the "label: value" form reviewers quote from (an evidence view's header, a request's facts). */
export function DefinitionList({ children }: { children: ReactNode }) {
  return <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 text-xs text-slate-600 md:grid-cols-2">{children}</dl>;
}

export function Definition({ label, mono, className, children }: { label: string; mono?: boolean; className?: string; children: ReactNode }) {
  return (
    <div className={`min-w-0 break-words ${className ?? ""}`}>
      <dt className="inline font-semibold">{label}: </dt>
      <dd className={mono ? "inline break-all font-mono" : "inline"}>{children}</dd>
    </div>
  );
}
