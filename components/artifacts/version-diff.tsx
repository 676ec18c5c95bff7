"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/error-notice";
import { diffLines, foldUnchanged, MAX_DIFF_CHANGES, MAX_DIFF_LINES, type DiffLine } from "@/lib/artifacts/line-diff";
import { artifactVersionOptions } from "@/lib/queries/artifact-queries";
import type { ArtifactVersionList } from "@/lib/schemas/artifacts";

type Version = ArtifactVersionList["versions"][number];

/**
 * Compares any two versions line by line. Nothing is fetched until the reviewer asks: each version's
 * content is an audited read, and the log should say what the reviewer chose to open.
 */
export function VersionDiff({ versions, currentVersionId }: { versions: Version[]; currentVersionId: string }) {
  const current = Math.max(
    0,
    versions.findIndex((version) => version.versionId === currentVersionId),
  );
  const [olderId, setOlderId] = useState(versions[current > 0 ? current - 1 : 0]!.versionId);
  const [newerId, setNewerId] = useState(versions[current > 0 ? current : 1]!.versionId);
  const [compared, setCompared] = useState<{ olderId: string; newerId: string } | null>(null);
  const options = versions.map((version, index) => ({
    value: version.versionId,
    label: `Version ${index + 1}${version.versionId === currentVersionId ? " (this one)" : ""}`,
  }));
  return (
    <div className="mt-4 rounded-md border border-slate-200 bg-white p-3">
      <form
        className="flex flex-wrap items-end gap-3 text-sm"
        onSubmit={(event) => {
          event.preventDefault();
          setCompared({ olderId, newerId });
        }}
      >
        <VersionSelect label="Compare" value={olderId} onChange={setOlderId} options={options} />
        <VersionSelect label="with" value={newerId} onChange={setNewerId} options={options} />
        <Button type="submit" variant="primary">
          Show differences
        </Button>
      </form>
      {compared && <DiffResult key={`${compared.olderId}…${compared.newerId}`} olderId={compared.olderId} newerId={compared.newerId} />}
    </div>
  );
}

function VersionSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: Array<{ value: string; label: string }>;
}) {
  return (
    <label className="flex flex-col text-xs font-semibold text-slate-600">
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value)} className="mt-1 rounded border border-slate-300 px-2 py-1 text-sm font-normal">
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function DiffResult({ olderId, newerId }: { olderId: string; newerId: string }) {
  const older = useQuery(artifactVersionOptions(olderId));
  const newer = useQuery(artifactVersionOptions(newerId));
  const [showsUnchanged, setShowsUnchanged] = useState(false);
  const isCut = older.data?.content.cut || newer.data?.content.cut;
  const diff = useMemo(
    () => (older.data && newer.data && !isCut ? diffLines(older.data.content.text, newer.data.content.text) : null),
    [older.data, newer.data, isCut],
  );
  if (older.isError) return <ErrorNotice error={older.error} onRetry={() => void older.refetch()} />;
  if (newer.isError) return <ErrorNotice error={newer.error} onRetry={() => void newer.refetch()} />;
  if (!older.data || !newer.data) return <p className="mt-3 text-sm text-slate-500">Loading both versions…</p>;
  const failsMd5 = [older.data, newer.data].some((view) => view.integrity.outcome === "mismatch");
  return (
    <section aria-label="Differences" className="mt-3 space-y-2">
      {failsMd5 && (
        <p role="alert" className="rounded border-2 border-rose-500 bg-rose-50 px-3 py-1 text-sm font-semibold text-rose-900">
          One of these versions failed its MD5 check: the differences may not be between the versions the API stored.
        </p>
      )}
      {isCut ? (
        <p className="text-sm text-slate-700">Not compared: a version is larger than Docket shows, and a comparison of parts would mislead.</p>
      ) : diff?.kind === "too_many_lines" ? (
        <p className="text-sm text-slate-700">
          Not compared: a version has more than {MAX_DIFF_LINES.toLocaleString("en-GB")} lines, more than Docket diffs in the browser.
        </p>
      ) : diff?.kind === "too_many_changes" ? (
        <p className="text-sm text-slate-700">
          Not compared: more than {MAX_DIFF_CHANGES.toLocaleString("en-GB")} lines differ, so a line diff would not help; open the two versions side by side.
        </p>
      ) : diff?.kind === "diff" ? (
        <>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <p role="status">
              {diff.added === 0 && diff.removed === 0
                ? "The two versions are identical."
                : `${countLines(diff.removed)} removed, ${countLines(diff.added)} added.`}
            </p>
            <label className="flex items-center gap-1 text-xs">
              <input type="checkbox" checked={showsUnchanged} onChange={(event) => setShowsUnchanged(event.target.checked)} />
              Show unchanged lines
            </label>
          </div>
          <DiffTable lines={diff.lines} showsUnchanged={showsUnchanged} />
        </>
      ) : null}
    </section>
  );
}

const countLines = (count: number) => `${count.toLocaleString("en-GB")} ${count === 1 ? "line" : "lines"}`;

const ROW_STYLES: Record<DiffLine["kind"], { sign: string; className: string }> = {
  same: { sign: " ", className: "" },
  removed: { sign: "−", className: "bg-rose-50 text-rose-950" },
  added: { sign: "+", className: "bg-emerald-50 text-emerald-950" },
};

function DiffTable({ lines, showsUnchanged }: { lines: DiffLine[]; showsUnchanged: boolean }) {
  const rows = useMemo(() => (showsUnchanged ? lines.map((line) => ({ kind: "line" as const, line })) : foldUnchanged(lines)), [lines, showsUnchanged]);
  if (rows.length === 0) return null;
  return (
    <div className="max-h-[40rem] overflow-auto rounded border border-slate-200">
      <table className="w-full border-collapse font-mono text-xs leading-5">
        <thead className="sr-only">
          <tr>
            <th scope="col">Line before</th>
            <th scope="col">Line after</th>
            <th scope="col">Change</th>
            <th scope="col">Text</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) =>
            row.kind === "skipped" ? (
              <tr key={index} className="bg-slate-100 text-slate-500">
                <td colSpan={4} className="px-2 py-0.5 font-sans italic">
                  {countLines(row.count)} unchanged
                </td>
              </tr>
            ) : (
              <tr key={index} data-change={row.line.kind} className={ROW_STYLES[row.line.kind].className}>
                <td className="w-10 select-none px-2 text-right text-slate-500">{row.line.oldNumber ?? ""}</td>
                <td className="w-10 select-none px-2 text-right text-slate-500">{row.line.newNumber ?? ""}</td>
                <td className="w-4 select-none text-center">{ROW_STYLES[row.line.kind].sign}</td>
                <td className="whitespace-pre-wrap break-all pr-2">
                  {row.line.text.replace(/\n$/, "")}
                  {!row.line.text.endsWith("\n") && <span className="ml-2 font-sans text-[0.7rem] italic text-slate-500">(no line break at the end)</span>}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
