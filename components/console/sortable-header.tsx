import type { CustodianSortKey, SortDirection } from "@/lib/console/custodian-rows";

export type CustodianSort = { key: CustodianSortKey; direction: SortDirection };

/** A column header that sorts the table; `aria-sort` tells assistive technology the current order. */
export function SortableHeader({ label, sortKey, sort, onSort }: { label: string; sortKey: CustodianSortKey; sort: CustodianSort; onSort: (sort: CustodianSort) => void }) {
  const isActive = sort.key === sortKey;
  const nextDirection: SortDirection = isActive && sort.direction === "ascending" ? "descending" : "ascending";
  return (
    <th scope="col" aria-sort={isActive ? sort.direction : "none"} className="px-3 py-2">
      <button type="button" onClick={() => onSort({ key: sortKey, direction: nextDirection })} className="inline-flex items-center gap-1 uppercase tracking-wide hover:text-slate-900">
        {label}
        <span aria-hidden="true">{isActive ? (sort.direction === "ascending" ? "▲" : "▼") : "↕"}</span>
      </button>
    </th>
  );
}
