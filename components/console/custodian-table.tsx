"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useMemo, useRef, useState } from "react";
import { ListCsvDownload } from "@/components/layout/list-csv-download";
import { ErrorNotice } from "@/components/ui/error-notice";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Cell, DataTable, HeaderCell, SortableHeader, TableBody, TableHead, type TableSort } from "@/components/ui/table";
import { chatsPageHref } from "@/lib/console/chat-filters";
import { filterCustodians, sortCustodians, type CustodianSortKey } from "@/lib/console/custodian-rows";
import { custodiansCsv } from "@/lib/console/list-csv";
import { custodiansOptions } from "@/lib/queries/console-queries";

/** The organisation's users, searched and sorted in the browser over the pages loaded so far. */
export function CustodianTable({ orgUuid, initialSearch }: { orgUuid: string; initialSearch: string }) {
  const query = useInfiniteQuery(custodiansOptions(orgUuid));
  const [search, setSearch] = useState(initialSearch);
  const [sort, setSort] = useState<TableSort<CustodianSortKey>>({ key: "name", direction: "ascending" });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  const endOfTable = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;
  // Scrolling to the end loads the next page; after a failure only the button retries, so an error cannot loop.
  useEffect(() => {
    const sentinel = endOfTable.current;
    if (!sentinel || !hasNextPage || isFetchNextPageError) return;
    const observer = new IntersectionObserver(([entry]) => {
      if (entry?.isIntersecting && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);

  const loaded = useMemo(() => query.data?.pages.flatMap((page) => page.users) ?? [], [query.data]);
  const rows = useMemo(() => sortCustodians(filterCustodians(loaded, search), sort.key, sort.direction), [loaded, search, sort]);

  const changeSearch = (text: string) => {
    setSearch(text);
    // Keeps the search in the link without a server round trip; Next's router reads replaceState.
    const url = new URL(window.location.href);
    if (text) url.searchParams.set("q", text);
    else url.searchParams.delete("q");
    window.history.replaceState(null, "", url);
  };
  const toggle = (userId: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(userId)) next.add(userId);
      return next;
    });

  if (query.isPending) return <EmptyState>Loading custodians…</EmptyState>;
  if (query.isLoadingError)
    return (
      <div className="mt-6">
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  return (
    <section aria-label="Custodians" className="mt-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <label className="text-xs font-medium text-slate-600">
          Filter the {loaded.length} loaded custodians by name or email
          <input
            type="search"
            value={search}
            onChange={(event) => changeSearch(event.target.value)}
            className="mt-1 block w-80 rounded border border-slate-300 px-2 py-1 text-sm text-slate-900"
          />
        </label>
        <ListCsvDownload list="custodians" table={custodiansCsv(rows)} view={{ org: orgUuid, filter: search, sort: `${sort.key} ${sort.direction}` }} />
        {selected.size > 0 ? (
          <Link href={chatsPageHref({ users: [...selected].join(","), org: orgUuid })} className={buttonClasses("primary")}>
            Show chats of {selected.size} selected
          </Link>
        ) : (
          <span className="text-sm text-slate-500">Select custodians to see their chats.</span>
        )}
      </div>
      {query.hasNextPage && (
        <p className="mt-2 text-xs text-amber-700">More custodians exist than are loaded: the filter and sort cover the loaded rows only.</p>
      )}
      <DataTable
        className="mt-3"
        footer={
          <>
            {rows.length === 0 && (
              <p className="p-4 text-sm text-slate-500">
                {loaded.length === 0 ? "This organisation has no users." : "No loaded custodian matches this filter."}
              </p>
            )}
            {query.hasNextPage && (
              <div ref={endOfTable} className="border-t border-slate-100 p-3 text-center">
                <Button onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage} variant="link">
                  {query.isFetchingNextPage ? "Loading…" : "Load more custodians"}
                </Button>
              </div>
            )}
            {query.isFetchNextPageError && query.error && (
              <div className="p-3">
                <ErrorNotice error={query.error} onRetry={() => void query.fetchNextPage()} />
              </div>
            )}
          </>
        }
      >
        <TableHead>
          <HeaderCell className="w-8">
            <span className="sr-only">Selected</span>
          </HeaderCell>
          <SortableHeader label="Name" sortKey="name" sort={sort} onSort={setSort} />
          <SortableHeader label="Email" sortKey="email" sort={sort} onSort={setSort} />
          <SortableHeader label="Role" sortKey="role" sort={sort} onSort={setSort} />
        </TableHead>
        <TableBody>
          {rows.map((custodian) => (
            <tr key={custodian.id} className={selected.has(custodian.id) ? "bg-sky-50" : undefined}>
              <Cell>
                <input
                  type="checkbox"
                  checked={selected.has(custodian.id)}
                  onChange={() => toggle(custodian.id)}
                  aria-label={`Select ${custodian.email ?? custodian.fullName ?? custodian.id}`}
                />
              </Cell>
              <Cell>
                <Link href={`/custodians/${encodeURIComponent(custodian.id)}`} className="underline decoration-slate-300 hover:decoration-slate-900">
                  {custodian.fullName ?? <span className="text-slate-500">(no name)</span>}
                </Link>
              </Cell>
              <Cell mono>{custodian.email ?? <span className="text-slate-500">(no email)</span>}</Cell>
              <Cell className="text-xs">{custodian.organizationRole ?? "—"}</Cell>
            </tr>
          ))}
        </TableBody>
      </DataTable>
    </section>
  );
}
