import "server-only";
import { z } from "zod";
import { listOrEmpty, nullable, Timestamp } from "./common";

export const FileMetadata = z.looseObject({
  id: z.string(),
  filename: nullable(z.string()),
  mime_type: nullable(z.string()),
  /** Lowercase hex MD5 recorded at upload; the download's Content-MD5 is authoritative if they differ. */
  md5: nullable(z.string()),
  size_bytes: nullable(z.number()),
  created_at: nullable(Timestamp),
  claude_chat_ids: listOrEmpty(z.string()),
  message_ids: listOrEmpty(z.string()),
});
export type FileMetadata = z.output<typeof FileMetadata>;

export const GeneratedFileMetadata = z.looseObject({
  id: z.string(),
  claude_chat_id: nullable(z.string()),
  filename: nullable(z.string()),
  mime_type: nullable(z.string()),
  md5: nullable(z.string()),
  /** Null when the generated file has expired. */
  size_bytes: nullable(z.number()),
  created_at: nullable(Timestamp),
});
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
