import type { ReactNode } from "react";

/** The facts of a piece of evidence, in the label: value form reviewers quote from. */
export function EvidenceFacts({ children }: { children: ReactNode }) {
  return <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 text-xs text-slate-600 md:grid-cols-2">{children}</dl>;
}

export function Fact({ label, mono, children }: { label: string; mono?: boolean; children: ReactNode }) {
  return (
    <div className="min-w-0 break-words">
      <dt className="inline font-semibold">{label}: </dt>
      <dd className={mono ? "inline break-all font-mono" : "inline"}>{children}</dd>
    </div>
  );
}

/** Exact, never rounded: a byte count is compared with the API's metadata. */
export function formatByteCount(bytes: number | null): string {
  if (bytes === null) return "—";
  return `${bytes.toLocaleString("en-GB")} ${bytes === 1 ? "byte" : "bytes"}`;
}

/** A titled part of an evidence view; `detail` (counts, caveats) follows the title without joining its name. */
export function EvidenceSection({ title, detail, children }: { title: string; detail?: string; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">
        {title}
        {detail}
      </h2>
      {children}
    </section>
  );
}
