"use client";

import { useState } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/error-notice";
import { csvDocument } from "@/lib/console/csv";
import type { CsvTable } from "@/lib/console/list-csv";
import { apiFetch } from "@/lib/queries/api-fetch";
import type { ExportableList } from "@/lib/schemas/list-exports";

type ListCsvDownloadProps = {
  list: ExportableList;
  table: CsvTable;
  /** The view the rows come from (filters, sort), recorded with the download; undefined values are left out. */
  view: Record<string, string | undefined>;
};

/**
 * Saves the list as loaded, as CSV. The download is audited first, with the file's size and SHA-256,
 * and the file is saved only once the audit row is written.
 */
export function ListCsvDownload({ list, table, view }: ListCsvDownloadProps) {
  const [state, setState] = useState<{ kind: "idle" | "saving" } | { kind: "failed"; error: Error }>({ kind: "idle" });
  const save = async () => {
    setState({ kind: "saving" });
    try {
      const bytes = new TextEncoder().encode(csvDocument(table.header, table.rows));
      if (!crypto.subtle) throw new Error("Saving a list needs Docket to be served over HTTPS (the browser hashes the file first).");
      const sha256 = Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)), (byte) => byte.toString(16).padStart(2, "0")).join("");
      const recordedView = Object.fromEntries(Object.entries(view).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ""));
      await apiFetch(`/api/exports/${list}`, z.null(), { method: "POST", body: { rows: table.rows.length, bytes: bytes.length, sha256, view: recordedView } });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([bytes], { type: "text/csv;charset=utf-8" }));
      link.download = `docket-${list}-${new Date().toISOString().replace(/[-:]/g, "").slice(0, 15)}Z.csv`;
      link.click();
      // The browser has taken the file once the click is handled; the address is then no longer needed.
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      setState({ kind: "idle" });
    } catch (error) {
      setState({ kind: "failed", error: error instanceof Error ? error : new Error(String(error)) });
    }
  };
  return (
    <div className="flex flex-col items-end gap-1">
      <Button size="small" onClick={() => void save()} disabled={state.kind === "saving"}>
        {state.kind === "saving" ? "Saving…" : `Download CSV (${table.rows.length} ${table.rows.length === 1 ? "row" : "rows"} loaded)`}
      </Button>
      {state.kind === "failed" && <ErrorNotice error={state.error} />}
    </div>
  );
}
