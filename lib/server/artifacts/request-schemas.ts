import "server-only";
import { z } from "zod";
import { ID_DESCRIPTIONS, ID_PATTERNS } from "@/lib/server/compliance/ids";

export const ArtifactVersionPath = z.object({
  versionId: z.string().regex(ID_PATTERNS.artifactVersion, `must be ${ID_DESCRIPTIONS.artifactVersion}`),
});

export const ProjectDocumentPath = z.object({
  documentId: z.string().regex(ID_PATTERNS.projectDocument, `must be ${ID_DESCRIPTIONS.projectDocument}`),
});

/** These views take no parameters; an unknown one is refused rather than silently ignored. */
export const NoQuery = z.object({}).strict();
