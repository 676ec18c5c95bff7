/** What reviewers used to Purview or Relativity would otherwise expect and not find. */
export function ApiLimitsNote() {
  return (
    <aside aria-label="API limits" className="mt-4 shrink-0 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-xs text-slate-600">
      <strong className="font-semibold text-slate-700">What the Compliance API cannot do:</strong> no full-text search, no totals; deletions are final.
    </aside>
  );
}
