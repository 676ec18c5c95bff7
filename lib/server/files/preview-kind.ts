import "server-only";
import type { PreviewKind } from "@/lib/schemas/files";

/** Raster images larger than this are offered as downloads only: the page would hold them whole. */
export const IMAGE_PREVIEW_MAX_BYTES = 20 * 1024 * 1024;

/** The raster formats a browser decodes without running anything, by MIME type. */
export const PREVIEWABLE_IMAGE_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp"] as const;
export type PreviewableImageType = (typeof PREVIEWABLE_IMAGE_TYPES)[number];

const TEXT_PREVIEWS: Record<string, PreviewKind> = {
  "text/csv": "csv",
  "application/json": "json",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
  "image/svg+xml": "svg_source",
  "text/html": "markup_source",
  "application/xhtml+xml": "markup_source",
  "application/xml": "text",
};

/**
 * Which preview a file gets, from its recorded MIME type alone: the type only picks a renderer,
 * never what the browser is told, so a mislabelled file shows a broken preview and nothing worse.
 */
export function previewKindOf(mimeType: string | null, sizeBytes: number | null): PreviewKind {
  const type = (mimeType ?? "").split(";")[0]!.trim().toLowerCase();
  if ((PREVIEWABLE_IMAGE_TYPES as readonly string[]).includes(type)) {
    return sizeBytes !== null && sizeBytes <= IMAGE_PREVIEW_MAX_BYTES ? "image" : "none";
  }
  if (type === "application/pdf") return "pdf";
  const textPreview = TEXT_PREVIEWS[type];
  if (textPreview) return textPreview;
  if (type.endsWith("+json")) return "json";
  if (type.startsWith("text/")) return "text";
  return "none";
}

/** Which raster format the first bytes are, whatever the file claims to be. */
export function sniffImageType(head: Buffer): PreviewableImageType | null {
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png";
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "image/jpeg";
  const ascii = head.subarray(0, 12).toString("latin1");
  if (ascii.startsWith("GIF87a") || ascii.startsWith("GIF89a")) return "image/gif";
  if (ascii.startsWith("RIFF") && ascii.slice(8, 12) === "WEBP") return "image/webp";
  return null;
}
