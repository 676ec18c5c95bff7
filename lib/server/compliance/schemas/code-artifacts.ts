import "server-only";
import { z } from "zod";
import { listOrEmpty, nullable, Timestamp, UserReference } from "./common";

/** A Claude Code artifact (a published app) with its retained versions' metadata. */
export const CodeArtifact = z.looseObject({
  id: z.string(),
  organization_uuid: nullable(z.string()),
  /** Null for an artifact an agent session published. */
  owner_user_id: nullable(z.string()),
  published_version_id: nullable(z.string()),
  /** org | owner | public | users; kept as text so a new mode is shown rather than refused. */
  read_mode: nullable(z.string()),
  updated_at: nullable(Timestamp),
  user: nullable(UserReference),
  /** Up to about 20 most recent versions, newest first; older ones are not retained. */
  versions: listOrEmpty(z.looseObject({ id: z.string(), created_at: nullable(Timestamp), name: nullable(z.string()) })),
});
export type CodeArtifact = z.output<typeof CodeArtifact>;
