"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { formatSize } from "@/components/files/format-size";
import { useTimeFormat } from "@/components/layout/time-zone";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { Cell, DataTable, HeaderCell, TableBody, TableHead } from "@/components/ui/table";
import { collectionListOptions } from "@/lib/queries/collection-queries";
import { CollectionProgressBar, CollectionStateBadge } from "./collection-state";

/** Every collection, newest first; while any is moving the list follows it. */
export function CollectionList() {
  const { format } = useTimeFormat();
  const query = useQuery(collectionListOptions());
  if (query.isPending) return <p className="text-sm text-slate-500">Loading the collections…</p>;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.collections.length === 0) return <EmptyState>No collection yet. Start one to gather a matter&apos;s content into a package.</EmptyState>;
  return (
    <DataTable label="Collections">
      <TableHead>
        <HeaderCell>Matter</HeaderCell>
        <HeaderCell>State</HeaderCell>
        <HeaderCell>Progress</HeaderCell>
        <HeaderCell>Collected</HeaderCell>
        <HeaderCell>Created</HeaderCell>
      </TableHead>
      <TableBody>
        {query.data.collections.map((collection) => (
          <tr key={collection.id}>
            <Cell>
              <Link href={`/collections/${collection.id}`} className="font-semibold underline">
                {collection.matter}
              </Link>
              <p className="text-xs text-slate-600">{collection.reference}</p>
            </Cell>
            <Cell>
              <CollectionStateBadge state={collection.state} />
            </Cell>
            <Cell>
              <CollectionProgressBar collection={collection} />
            </Cell>
            <Cell className="text-xs">{formatSize(collection.progress.bytes)}</Cell>
            <Cell className="text-xs">
              {format(collection.createdAt)}
              <p className="text-slate-600">{collection.createdBy ?? "—"}</p>
            </Cell>
          </tr>
        ))}
      </TableBody>
    </DataTable>
  );
}
