import { z } from "zod";

/**
 * What the file routes return: uploaded files (chat and project files share one id space) and files
 * Claude generated. Client-safe, so pages parse the answers with the same schemas. MD5s are lowercase
 * hex throughout, as the metadata endpoints give them; the download's base64 Content-MD5 is converted.
 */

export const FileKind = z.enum(["file", "generated_file"]);
export type FileKind = z.infer<typeof FileKind>;

/**
 * How a file may be shown on Docket's origin. Only what cannot run is rendered: raster images from
 * our own route with a fixed type, text as React text. SVG is active content and is shown as its
 * source; PDFs can carry scripts and are offered as downloads only.
 */
export const PreviewKind = z.enum(["image", "text", "csv", "json", "markdown", "svg_source", "markup_source", "pdf", "none"]);
export type PreviewKind = z.infer<typeof PreviewKind>;

export const FileDetail = z.object({
  kind: FileKind,
  id: z.string(),
  filename: z.string().nullable(),
  /** The name a download is saved under (the original made safe as a file name). */
  downloadName: z.string(),
  mimeType: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  createdAt: z.string().nullable(),
  /** Recorded by the API at upload; the download's Content-MD5 is authoritative if they differ. */
  recordedMd5: z.string().nullable(),
  /** Chats the file is attached to, or the chat that produced a generated file. */
  chatIds: z.array(z.string()),
  /** Messages referencing an uploaded file (none are listed for a project file or a generated file). */
  messageIds: z.array(z.string()),
  /** False when the API holds no bytes: an expired generated file, or an upload without content. */
  downloadable: z.boolean(),
  preview: PreviewKind,
  /** Large files are checked only when a reviewer asks: the check reads every byte upstream. */
  integrityCheck: z.enum(["automatic", "on_request"]),
  /** The metadata exactly as the API sent it, unknown fields included. */
  rawJson: z.string(),
});
export type FileDetail = z.infer<typeof FileDetail>;

/** What a server-side read of every byte found, against the MD5 sent with them and the one recorded at upload. */
export const IntegrityReport = z.object({
  verdict: z.enum(["verified", "mismatch", "unverifiable"]),
  bytes: z.number(),
  actualMd5: z.string(),
  /** From the download's Content-MD5 header; null when the API sent none. */
  servedMd5: z.string().nullable(),
  recordedMd5: z.string().nullable(),
  recordedSizeBytes: z.number().nullable(),
  findings: z.array(z.enum(["served_md5_differs", "recorded_md5_differs", "size_differs", "no_md5"])),
  checkedAt: z.string(),
  upstreamRequestId: z.string().nullable(),
});
export type IntegrityReport = z.infer<typeof IntegrityReport>;

/** The first part of a text file, decoded as UTF-8 (invalid bytes shown as U+FFFD). */
export const TextPreview = z.object({
  text: z.string(),
  truncated: z.boolean(),
  /** Bytes read from the start of the file (a character cut at the end is left out of `text`). */
  bytesRead: z.number(),
});
export type TextPreview = z.infer<typeof TextPreview>;

/**
 * The outcome of one browser download, as its audit rows record it: the server checks the MD5 of the
 * bytes it sends and, on a mismatch, breaks the download off before its last bytes.
 */
export const DownloadReceipt = z.object({
  state: z.enum(["waiting", "in_progress", "verified", "unverifiable", "mismatch", "interrupted", "failed"]),
  bytes: z.number().nullable(),
  actualMd5: z.string().nullable(),
  expectedMd5: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type DownloadReceipt = z.infer<typeof DownloadReceipt>;

/** A receipt is named by the page before the download starts, so the page can ask how it ended. */
export const RECEIPT_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
