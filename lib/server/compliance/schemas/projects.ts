import "server-only";
import { z } from "zod";
import { nullable, Timestamp, UserReference } from "./common";

export const Project = z.looseObject({
  id: z.string(),
  name: z
    .string()
    .nullish()
    .transform((name) => name ?? ""),
  created_at: Timestamp,
  updated_at: nullable(Timestamp),
  deleted_at: nullable(Timestamp),
  is_private: nullable(z.boolean()),
  organization_uuid: nullable(z.string()),
  user: nullable(UserReference),
});
export type Project = z.output<typeof Project>;

export const ProjectDetails = Project.extend({
  description: nullable(z.string()),
  instructions: nullable(z.string()),
  chats_count: nullable(z.number()),
  attachments_count: nullable(z.number()),
});
export type ProjectDetails = z.output<typeof ProjectDetails>;

const attachmentFields = {
  id: z.string(),
  created_at: nullable(Timestamp),
  filename: nullable(z.string()),
  mime_type: nullable(z.string()),
};

export const ProjectAttachment = z.union([
  z.looseObject({ ...attachmentFields, type: z.literal("project_file"), md5: nullable(z.string()), size_bytes: nullable(z.number()) }),
  z.looseObject({ ...attachmentFields, type: z.literal("project_doc"), updated_at: nullable(Timestamp) }),
  z.looseObject({ ...attachmentFields, type: z.string() }),
]);
export type ProjectAttachment = z.output<typeof ProjectAttachment>;

/** One active role assignment; the grantee is a user, a group, an organisation or an organisation role. */
export const ProjectCollaborator = z.looseObject({
  type: z.string(),
  role: nullable(z.string()),
  granted_at: nullable(Timestamp),
  user_id: nullable(z.string()),
  group_id: nullable(z.string()),
  organization_uuid: nullable(z.string()),
  organization_role: nullable(z.string()),
});
export type ProjectCollaborator = z.output<typeof ProjectCollaborator>;

export const ProjectDocument = z.looseObject({
  id: z.string(),
  content: z.string(),
  filename: nullable(z.string()),
  created_at: nullable(Timestamp),
  user: nullable(UserReference),
});
export type ProjectDocument = z.output<typeof ProjectDocument>;

export const ProjectDocumentMetadata = z.looseObject({
  id: z.string(),
  claude_project_id: nullable(z.string()),
  filename: nullable(z.string()),
  mime_type: nullable(z.string()),
  md5: nullable(z.string()),
  size_bytes: nullable(z.number()),
  created_at: nullable(Timestamp),
  user: nullable(UserReference),
});
export type ProjectDocumentMetadata = z.output<typeof ProjectDocumentMetadata>;
