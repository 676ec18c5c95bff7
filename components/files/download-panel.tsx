"use client";

import { useQuery } from "@tanstack/react-query";
import { useState, type MouseEvent } from "react";
import { ErrorNotice } from "@/components/ui/error-notice";
import { downloadReceiptOptions, fileApiUrl, newDownloadReceipt } from "@/lib/queries/file-queries";
import type { DownloadReceipt, FileDetail, FileKind } from "@/lib/schemas/files";
import { formatSize } from "./format-size";

/**
 * The download link, and how the last download from it ended. The browser saves the file itself (so a
 * large file never passes through the page); each click names a receipt first, and the server's audit
 * rows for that receipt tell the page whether the bytes sent matched their MD5.
 */
export function DownloadPanel({ file }: { file: FileDetail }) {
  const [receipt, setReceipt] = useState<string | null>(null);
  const url = fileApiUrl(file.kind, file.id, "download");
  const startDownload = (event: MouseEvent<HTMLAnchorElement>) => {
    const next = newDownloadReceipt();
    // Set before the browser follows the link, which happens after this handler returns.
    event.currentTarget.href = `${url}?receipt=${next}`;
    setReceipt(next);
  };
  return (
    <div className="space-y-2 text-sm">
      <p>
        <a href={url} download onClick={startDownload} className="inline-block rounded-md bg-slate-900 px-3 py-1.5 font-semibold text-white hover:bg-slate-700">
          Download
        </a>
        <span className="ml-3 text-xs text-slate-600">
          Saved as{" "}
          <span dir="auto" className="font-mono">
            {file.downloadName}
          </span>{" "}
          · {formatSize(file.sizeBytes)}
        </span>
      </p>
      {receipt && <DownloadOutcome key={receipt} kind={file.kind} id={file.id} receipt={receipt} />}
    </div>
  );
}

const OUTCOMES: Record<DownloadReceipt["state"], { tone: "pending" | "good" | "warning" | "alarm"; text: string }> = {
  waiting: { tone: "pending", text: "Waiting for the download to start…" },
  in_progress: { tone: "pending", text: "Downloading; its MD5 is checked as the bytes pass…" },
  verified: { tone: "good", text: "Download complete: MD5 verified." },
  unverifiable: { tone: "warning", text: "Download complete, but not verifiable: the Compliance API sent no MD5 with it." },
  mismatch: {
    tone: "alarm",
    text: "Download stopped: the bytes do not match the MD5 the Compliance API sent with them. Your browser holds an incomplete file; delete it. The mismatch is in the audit log.",
  },
  interrupted: { tone: "warning", text: "Download interrupted before its end: the file in your browser is incomplete." },
  failed: { tone: "alarm", text: "Download failed: the Compliance API did not deliver the file. Try again." },
};

const TONES = {
  pending: "border-slate-200 bg-slate-50 text-slate-700",
  good: "border-emerald-300 bg-emerald-50 text-emerald-950",
  warning: "border-amber-400 bg-amber-50 text-amber-950",
  alarm: "border-2 border-rose-600 bg-rose-50 text-rose-950 font-semibold",
};

function DownloadOutcome({ kind, id, receipt }: { kind: FileKind; id: string; receipt: string }) {
  const query = useQuery(downloadReceiptOptions(kind, id, receipt));
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  const state = query.data?.state ?? "waiting";
  const outcome = OUTCOMES[state];
  return (
    <div
      role={outcome.tone === "alarm" ? "alert" : "status"}
      aria-label="Download outcome"
      data-state={state}
      className={`rounded-md border px-3 py-2 ${TONES[outcome.tone]}`}
    >
      <p>{outcome.text}</p>
      {query.data?.actualMd5 && <p className="mt-1 break-all font-mono text-xs font-normal">MD5 of the bytes read: {query.data.actualMd5}</p>}
      {query.data?.requestId && <p className="font-mono text-xs font-normal">request {query.data.requestId}</p>}
    </div>
  );
}
