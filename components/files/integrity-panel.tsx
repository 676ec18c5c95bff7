"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTimeFormat } from "@/components/layout/time-zone";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/error-notice";
import { integrityOptions } from "@/lib/queries/file-queries";
import type { FileDetail, IntegrityReport } from "@/lib/schemas/files";
import { formatSize } from "./format-size";

const FINDING_TEXT: Record<IntegrityReport["findings"][number], string> = {
  served_md5_differs: "The bytes do not match the MD5 the Compliance API sent with them (Content-MD5).",
  recorded_md5_differs: "The bytes do not match the MD5 recorded when the file was uploaded.",
  size_differs: "The number of bytes differs from the size recorded at upload.",
  no_md5: "The API sent no MD5 with the bytes and recorded none at upload.",
};

/**
 * Whether the file's bytes are the ones on record: the server reads and hashes every byte (the check
 * is audited) and compares. Small files are checked as the page opens; a large one when asked, as the
 * check reads all of it.
 */
export function IntegrityPanel({ file }: { file: FileDetail }) {
  const [requested, setRequested] = useState(file.integrityCheck === "automatic");
  const query = useQuery({ ...integrityOptions(file.kind, file.id), enabled: requested });
  if (!requested) {
    return (
      <div className="space-y-2 text-sm">
        <p className="text-slate-600">Not checked yet: the check reads all {formatSize(file.sizeBytes)} on the server.</p>
        <Button onClick={() => setRequested(true)}>Check MD5</Button>
      </div>
    );
  }
  if (query.isPending) return <p className="text-sm text-slate-500">Checking the MD5 of every byte…</p>;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  return <IntegrityVerdict report={query.data} />;
}

function IntegrityVerdict({ report }: { report: IntegrityReport }) {
  const { format } = useTimeFormat();
  const details = (
    <dl className="mt-2 grid grid-cols-1 gap-y-0.5 font-mono text-xs">
      <Digest label="MD5 of the bytes read" value={report.actualMd5} />
      <Digest label="Content-MD5 sent with them" value={report.servedMd5} />
      <Digest label="MD5 recorded at upload" value={report.recordedMd5} />
      <Digest label="Bytes read" value={formatSize(report.bytes)} />
      <Digest label="Checked" value={`${format(report.checkedAt)}${report.upstreamRequestId ? ` · upstream ${report.upstreamRequestId}` : ""}`} />
    </dl>
  );
  const findings = report.findings.map((finding) => <li key={finding}>{FINDING_TEXT[finding]}</li>);
  if (report.verdict === "mismatch") {
    return (
      <div role="alert" data-verdict="mismatch" className="rounded-md border-2 border-rose-600 bg-rose-50 px-4 py-3 text-rose-950">
        <p className="text-lg font-bold uppercase tracking-wide">MD5 mismatch</p>
        <ul className="mt-1 list-disc pl-5 text-sm">{findings}</ul>
        <p className="mt-1 text-sm">
          Do not rely on this file as evidence until the discrepancy is explained. Docket stops downloads whose bytes do not match, and the check is in the
          audit log.
        </p>
        {details}
      </div>
    );
  }
  if (report.verdict === "unverifiable") {
    return (
      <div role="status" data-verdict="unverifiable" className="rounded-md border border-amber-400 bg-amber-50 px-4 py-3 text-amber-950">
        <p className="font-semibold">MD5 not verifiable</p>
        <ul className="mt-1 list-disc pl-5 text-sm">{findings}</ul>
        {details}
      </div>
    );
  }
  return (
    <div role="status" data-verdict="verified" className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-emerald-950">
      <p className="font-semibold">MD5 verified</p>
      {findings.length > 0 && <ul className="mt-1 list-disc pl-5 text-sm">{findings}</ul>}
      {report.findings.includes("recorded_md5_differs") && (
        <p className="mt-1 text-sm">The API documents the Content-MD5 as authoritative when the two records differ.</p>
      )}
      {details}
    </div>
  );
}

function Digest({ label, value }: { label: string; value: string | null }) {
  return (
    <div>
      <dt className="inline font-sans font-semibold">{label}: </dt>
      <dd className="inline break-all">{value ?? "—"}</dd>
    </div>
  );
}
