import Link from "next/link";

/** The ids a hold or a collection covers, under a title with their count; linked when they have a page. */
export function ScopeIdList({ title, ids, pagePath }: { title: string; ids: readonly string[]; pagePath?: string }) {
  return (
    <div>
      <p className="font-semibold text-slate-600">
        {title} ({ids.length})
      </p>
      {ids.length === 0 ? (
        <p className="text-slate-500">—</p>
      ) : (
        <ul className="font-mono">
          {ids.map((id) => (
            <li key={id} className="break-all">
              {pagePath ? (
                <Link href={`${pagePath}${encodeURIComponent(id)}`} className="underline">
                  {id}
                </Link>
              ) : (
                id
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
