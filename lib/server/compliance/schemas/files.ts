import "server-only";
import { z } from "zod";
import { listOrEmpty, nullable, Timestamp } from "./common";

/** The fields every file-like object shares, as messages list their files and generated files. */
export const FileSummary = z.looseObject({
  id: z.string(),
  filename: nullable(z.string()),
  mime_type: nullable(z.string()),
  /** Lowercase hex MD5 recorded at upload; the download's Content-MD5 is authoritative if they differ. */
  md5: nullable(z.string()),
  /** Null for old uploads, and for generated files that have expired. */
  size_bytes: nullable(z.number()),
  created_at: nullable(Timestamp),
});
export type FileSummary = z.output<typeof FileSummary>;

export const FileMetadata = FileSummary.extend({
  claude_chat_ids: listOrEmpty(z.string()),
  message_ids: listOrEmpty(z.string()),
});
export type FileMetadata = z.output<typeof FileMetadata>;

export const GeneratedFileMetadata = FileSummary.extend({ claude_chat_id: nullable(z.string()) });
export type GeneratedFileMetadata = z.output<typeof GeneratedFileMetadata>;

export const ArtifactMetadata = z.looseObject({
  id: z.string(),
  version_id: z.string(),
  claude_chat_id: nullable(z.string()),
  artifact_type: nullable(z.string()),
  title: nullable(z.string()),
  md5: nullable(z.string()),
  size_bytes: nullable(z.number()),
  created_at: nullable(Timestamp),
});
export type ArtifactMetadata = z.output<typeof ArtifactMetadata>;
