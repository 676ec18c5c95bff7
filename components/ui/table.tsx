import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

/**
 * The console's tables: a bordered, horizontally scrolling box; a quiet header row; rows divided by
 * hairlines. `label` names the table for assistive technology when no caption does; `footer` (an empty
 * list's words, "load more") sits in the same box.
 */
export function DataTable({ label, footer, className, children }: { label?: string; footer?: ReactNode; className?: string; children: ReactNode }) {
  return (
    // Focusable, so a keyboard can scroll a table wider than the screen.
    <div tabIndex={0} className={`overflow-x-auto rounded-lg border border-slate-200 bg-white ${className ?? ""}`}>
      <table aria-label={label} className="w-full text-left text-sm">
        {children}
      </table>
      {footer}
    </div>
  );
}

export function TableHead({ children }: { children: ReactNode }) {
  return (
    <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
      <tr>{children}</tr>
    </thead>
  );
}

export function TableBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-slate-100">{children}</tbody>;
}

export function HeaderCell({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={`px-3 py-2 ${className ?? ""}`} {...props} />;
}

/** `mono` for ids and hashes, which reviewers copy. */
export function Cell({ mono, className, ...props }: TdHTMLAttributes<HTMLTableCellElement> & { mono?: boolean }) {
  return <td className={`px-3 py-2 ${mono ? "font-mono text-xs" : ""} ${className ?? ""}`} {...props} />;
}

/** The order of a sorted column, in aria-sort's words. */
export type TableSort<Key extends string> = { key: Key; direction: "ascending" | "descending" };

/** A column header that sorts the table; `aria-sort` tells assistive technology the current order. */
export function SortableHeader<Key extends string>({
  label,
  sortKey,
  sort,
  onSort,
}: {
  label: string;
  sortKey: Key;
  sort: TableSort<Key>;
  onSort: (sort: TableSort<Key>) => void;
}) {
  const isActive = sort.key === sortKey;
  const nextDirection: TableSort<Key>["direction"] = isActive && sort.direction === "ascending" ? "descending" : "ascending";
  return (
    <th scope="col" aria-sort={isActive ? sort.direction : "none"} className="px-3 py-2">
      <button
        type="button"
        onClick={() => onSort({ key: sortKey, direction: nextDirection })}
        className="inline-flex items-center gap-1 uppercase tracking-wide hover:text-slate-900"
      >
        {label}
        <span aria-hidden="true">{isActive ? (sort.direction === "ascending" ? "▲" : "▼") : "↕"}</span>
      </button>
    </th>
  );
}
