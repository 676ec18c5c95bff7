"use client";

import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/error-notice";
import { fileApiUrl, textPreviewOptions } from "@/lib/queries/file-queries";
import type { FileDetail, TextPreview } from "@/lib/schemas/files";
import { formatSize } from "./format-size";
import { parseCsv } from "./parse-csv";

// The markdown renderer is the largest part of the page's JavaScript, and only markdown files need it (bench B4).
const SafeMarkdown = lazy(() => import("@/components/thread/safe-markdown").then((module) => ({ default: module.SafeMarkdown })));

/** Rows beyond this are left to the download: a table of thousands of rows helps no one on screen. */
const CSV_PREVIEW_ROWS = 500;

/**
 * What can be shown of a file without running anything of it. Every text arrives as a JSON string and
 * is rendered as React text (markdown through the one safe renderer); images come from Docket's own
 * route with a type read from their bytes; SVG and PDF, which can carry scripts, are not drawn.
 */
export function FilePreview({ file }: { file: FileDetail }) {
  switch (file.preview) {
    case "image":
      return <ImagePreview file={file} />;
    case "pdf":
      return <Note>PDF files can carry scripts, so Docket does not display them. Download the file and open it in a PDF reader you trust.</Note>;
    case "none":
      return (
        <Note>
          Docket shows no preview of {file.mimeType ? <span className="font-mono">{file.mimeType}</span> : "this type of"} file. Download it to open it.
        </Note>
      );
    default:
      return <TextualPreview file={file} />;
  }
}

function ImagePreview({ file }: { file: FileDetail }) {
  const [failed, setFailed] = useState(false);
  if (failed) return <Note>The image could not be shown: its bytes are not a PNG, JPEG, GIF or WebP image Docket can display. Download it to examine it.</Note>;
  return (
    // A plain <img>: the route's content type is fixed from the bytes and next/image would add nothing here.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={fileApiUrl(file.kind, file.id, "image")}
      alt={`Preview of ${file.filename ?? file.id}`}
      onError={() => setFailed(true)}
      className="max-h-[32rem] max-w-full rounded-md border border-slate-200 bg-[repeating-conic-gradient(#f1f5f9_0%_25%,#fff_0%_50%)] bg-[length:16px_16px]"
    />
  );
}

function TextualPreview({ file }: { file: FileDetail }) {
  const query = useQuery(textPreviewOptions(file.kind, file.id));
  if (query.isPending) return <p className="text-sm text-slate-500">Loading the preview…</p>;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  const preview = query.data;
  return (
    <div className="space-y-2">
      {preview.truncated && (
        <p className="text-xs text-slate-600">
          Showing the first {formatSize(preview.bytesRead)} of {formatSize(file.sizeBytes)}. Download the file for the rest.
        </p>
      )}
      {file.preview === "csv" && <CsvTable preview={preview} />}
      {file.preview === "json" && <JsonText preview={preview} />}
      {file.preview === "markdown" && <MarkdownPreview text={preview.text} />}
      {file.preview === "svg_source" && (
        <>
          <Note>SVG images can carry scripts, so Docket shows this one&apos;s source and never draws it.</Note>
          <Source text={preview.text} />
        </>
      )}
      {file.preview === "markup_source" && (
        <>
          <Note>Web pages can carry scripts, so Docket shows this one&apos;s source and never renders it.</Note>
          <Source text={preview.text} />
        </>
      )}
      {file.preview === "text" && <Source text={preview.text} />}
    </div>
  );
}

function CsvTable({ preview }: { preview: TextPreview }) {
  const parsed = parseCsv(preview.text, CSV_PREVIEW_ROWS);
  // The last row of a cut-off preview may itself be cut off.
  const rows = preview.truncated && parsed.complete ? parsed.rows.slice(0, -1) : parsed.rows;
  const [header, ...body] = rows;
  if (!header) return <Note>The file is empty.</Note>;
  return (
    <div className="space-y-1">
      {(!parsed.complete || preview.truncated) && <p className="text-xs text-slate-600">Showing the first {rows.length} rows.</p>}
      <div tabIndex={0} className="max-h-[32rem] overflow-auto rounded-md border border-slate-200 bg-white">
        <table aria-label="CSV preview" className="w-full border-collapse text-left text-xs">
          <thead className="sticky top-0 bg-slate-50">
            <tr>
              {header.map((cell, index) => (
                <th key={index} scope="col" dir="auto" className="border-b border-slate-200 px-2 py-1 font-semibold">
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {body.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {row.map((cell, cellIndex) => (
                  <td key={cellIndex} dir="auto" className="whitespace-pre-wrap px-2 py-1 align-top">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function JsonText({ preview }: { preview: TextPreview }) {
  let text = preview.text;
  if (!preview.truncated) {
    try {
      text = JSON.stringify(JSON.parse(preview.text), null, 2);
    } catch {
      // Not valid JSON: the evidence is shown exactly as it is.
    }
  }
  return <Source text={text} />;
}

function MarkdownPreview({ text }: { text: string }) {
  const [showSource, setShowSource] = useState(false);
  return (
    <div className="space-y-2">
      <Button onClick={() => setShowSource(!showSource)} size="small">
        {showSource ? "Show formatted" : "Show source"}
      </Button>
      {showSource ? (
        <Source text={text} />
      ) : (
        <div tabIndex={0} className="max-h-[32rem] overflow-auto rounded-md border border-slate-200 bg-white p-3 text-sm">
          <Suspense fallback={<p className="text-slate-500">Formatting…</p>}>
            <SafeMarkdown text={text} />
          </Suspense>
        </div>
      )}
    </div>
  );
}

function Source({ text }: { text: string }) {
  return (
    <pre
      tabIndex={0}
      data-testid="text-preview"
      dir="auto"
      className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-words rounded-md border border-slate-200 bg-white p-3 font-mono text-xs text-slate-900"
    >
      {text}
    </pre>
  );
}

function Note({ children }: { children: ReactNode }) {
  return <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">{children}</p>;
}
