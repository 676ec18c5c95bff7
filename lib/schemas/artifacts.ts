import { z } from "zod";
import { UserRef } from "./console";

/**
 * What the artifact and project-document routes return. Client-safe: pages parse the answers with the
 * same schemas. Content is evidence, so the DTO says exactly what was shown and how it was checked.
 */

/** Content shown in a view is cut at this many bytes (2 MiB): beyond it, a browser tab struggles and a reviewer cannot read. */
export const DISPLAY_LIMIT_BYTES = 2 * 1024 * 1024;

export const Md5Outcome = z.enum(["verified", "mismatch", "unavailable"]);
export type Md5Outcome = z.infer<typeof Md5Outcome>;

export const IntegrityCheck = z.object({
  /**
   * verified: every reference the API gave matches the bytes received; mismatch: at least one does
   * not; unavailable: there was no reference, or the content was too large to read whole.
   */
  outcome: Md5Outcome,
  /** Lowercase hex MD5 of the exact bytes received; null when they were not all read. */
  computedMd5: z.string().nullable(),
  /** The metadata endpoint's md5 (hex), and whether it matches. */
  metadataMd5: z.string().nullable(),
  metadataMd5Matches: z.boolean().nullable(),
  /** The content response's Content-MD5 header (base64, RFC 1864), and whether it matches. */
  contentMd5Header: z.string().nullable(),
  contentMd5HeaderMatches: z.boolean().nullable(),
  /** Bytes received, and the size the metadata declares. */
  receivedBytes: z.number().int(),
  declaredBytes: z.number().int().nullable(),
});
export type IntegrityCheck = z.infer<typeof IntegrityCheck>;

export const DisplayedText = z.object({
  text: z.string(),
  /** Only the first `shownBytes` of `totalBytes` are in `text` (cut at a character boundary). */
  cut: z.boolean(),
  shownBytes: z.number().int(),
  /** Null when the content was too large to be read to its end. */
  totalBytes: z.number().int().nullable(),
  /** Some bytes are not UTF-8 text; they are shown as U+FFFD. */
  invalidUtf8: z.boolean(),
});
export type DisplayedText = z.infer<typeof DisplayedText>;

export const ArtifactVersionView = z.object({
  artifact: z.object({
    id: z.string(),
    versionId: z.string(),
    chatId: z.string().nullable(),
    createdAt: z.string().nullable(),
    artifactType: z.string().nullable(),
    title: z.string().nullable(),
  }),
  content: DisplayedText,
  integrity: IntegrityCheck,
});
export type ArtifactVersionView = z.infer<typeof ArtifactVersionView>;

export const ArtifactVersionList = z.object({
  artifactId: z.string(),
  /** Null when the API does not say which chat the artifact belongs to: no versions can then be found. */
  chatId: z.string().nullable(),
  /** In the chat's order: the first is the artifact's first version. */
  versions: z.array(
    z.object({
      versionId: z.string(),
      messageId: z.string(),
      /** When the message that produced the version was written. */
      createdAt: z.string(),
      title: z.string().nullable(),
      artifactType: z.string().nullable(),
    }),
  ),
  messagesRead: z.number().int(),
  /** False when the walk stopped before the chat's end (it reads a bounded number of messages). */
  complete: z.boolean(),
});
export type ArtifactVersionList = z.infer<typeof ArtifactVersionList>;

export const ProjectDocumentView = z.object({
  document: z.object({
    id: z.string(),
    projectId: z.string().nullable(),
    filename: z.string().nullable(),
    mimeType: z.string().nullable(),
    createdAt: z.string().nullable(),
    createdBy: UserRef.nullable(),
  }),
  content: DisplayedText,
  integrity: IntegrityCheck,
});
export type ProjectDocumentView = z.infer<typeof ProjectDocumentView>;
