import type { ReactNode } from "react";

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
