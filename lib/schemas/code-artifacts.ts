import { z } from "zod";
import { DisplayedText, IntegrityCheck } from "./artifacts";

/**
 * Claude Code artifacts (apps published from Claude Code) as the console shows them. Routes:
 *   GET /api/code-artifacts                                       CodeArtifactPage      content.read
 *   GET /api/code-artifacts/[artifactId]                          CodeArtifactSummary   content.read (found in the listing)
 *   GET /api/code-artifacts/[artifactId]/versions/[versionId]     CodeArtifactVersionView  content.read
 */

/** Who may open an artifact, as the API names it, in words; a mode the API adds later is shown by its name. */
export const READ_MODE_WORDS: Record<string, string> = {
  owner: "its owner only",
  users: "named people",
  org: "everyone in its organisation",
  public: "anyone on the internet",
};

export function readModeInWords(mode: string | null): string {
  if (mode === null) return "not said";
  return READ_MODE_WORDS[mode] ?? mode;
}

export const CodeArtifactSummary = z.object({
  id: z.string(),
  organizationUuid: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  ownerEmail: z.string().nullable(),
  publishedVersionId: z.string().nullable(),
  readMode: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** Newest first: about the 20 most recent; the API keeps no older ones. */
  versions: z.array(z.object({ id: z.string(), createdAt: z.string().nullable(), name: z.string().nullable() })),
  /** The artifact exactly as the API listed it. */
  rawJson: z.string(),
});
export type CodeArtifactSummary = z.infer<typeof CodeArtifactSummary>;

export const CodeArtifactPage = z.object({
  artifacts: z.array(CodeArtifactSummary),
  /** Pages may be short or empty while this is set (documented): keep reading until it is null. */
  nextPage: z.string().nullable(),
});
export type CodeArtifactPage = z.infer<typeof CodeArtifactPage>;

/** One version's content as text (an app's HTML), never run on Docket's origin. */
export const CodeArtifactVersionView = z.object({
  artifactId: z.string(),
  versionId: z.string(),
  contentType: z.string().nullable(),
  filename: z.string().nullable(),
  content: DisplayedText,
  integrity: IntegrityCheck,
});
export type CodeArtifactVersionView = z.infer<typeof CodeArtifactVersionView>;
