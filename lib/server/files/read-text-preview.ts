import "server-only";
import type { TextPreview } from "@/lib/schemas/files";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import type { ConsoleRead } from "@/lib/server/console/console-read";
import { AppError } from "@/lib/server/http/errors";
import { openFileDownload, readFileMetadata, type FileTarget } from "./file-target";
import { previewKindOf } from "./preview-kind";
import { readHead } from "./read-head";

/** Enough for a page of any document a reviewer reads on screen; the rest is one download away. */
export const TEXT_PREVIEW_MAX_BYTES = 256 * 1024;

const TEXT_KINDS = new Set(["text", "csv", "json", "markdown", "svg_source", "markup_source"]);

/**
 * The start of a text file (text, CSV, JSON, Markdown, SVG source), decoded as UTF-8. It goes to the
 * page as a JSON string, rendered as React text: nothing in it can become markup.
 */
export async function readTextPreview(client: ComplianceClient, target: FileTarget, signal: AbortSignal): Promise<ConsoleRead<TextPreview>> {
  const metadata = await readFileMetadata(client, target, { signal });
  if (!metadata.downloadable || !TEXT_KINDS.has(previewKindOf(metadata.mimeType, metadata.sizeBytes))) {
    throw new AppError("invalid_request", "Docket shows no text preview of this file. Download it to read it.");
  }
  const download = await openFileDownload(client, target, { signal });
  const { head, complete } = await readHead(download.body, TEXT_PREVIEW_MAX_BYTES);
  // Streaming mode holds back a multi-byte character cut at the end instead of showing U+FFFD for it.
  const text = new TextDecoder("utf-8").decode(head, { stream: !complete });
  return {
    dto: { text, truncated: !complete, bytesRead: head.length },
    upstreamRequestIds: [metadata.requestId, download.requestId].filter((id): id is string => id !== null),
  };
}
