import { z } from "zod";

/**
 * What the review console's route handlers return: explicit DTOs, never upstream JSON. Client-safe,
 * so pages parse the responses with the same schemas. Evidence stays even when a view may not show it
 * (deletion times, truncation flags, blocks of unknown kinds as raw JSON text).
 */

const Timestamp = z.string();

export const UserRef = z.object({ id: z.string(), email: z.string().nullable() });
export type UserRef = z.infer<typeof UserRef>;

export const OrganizationList = z.object({
  organizations: z.array(z.object({ uuid: z.string(), name: z.string(), createdAt: Timestamp.nullable() })),
});
export type OrganizationList = z.infer<typeof OrganizationList>;

export const CustodianPage = z.object({
  users: z.array(
    z.object({
      id: z.string(),
      email: z.string().nullable(),
      fullName: z.string().nullable(),
      organizationRole: z.string().nullable(),
      createdAt: Timestamp.nullable(),
    }),
  ),
  nextPage: z.string().nullable(),
});
export type CustodianPage = z.infer<typeof CustodianPage>;

export const ChatSummary = z.object({
  id: z.string(),
  /** Empty for a soft-deleted chat: the API empties its name. */
  name: z.string(),
  deleted: z.boolean(),
  deletedAt: Timestamp.nullable(),
  owner: UserRef.nullable(),
  model: z.string().nullable(),
  projectId: z.string().nullable(),
  organizationUuid: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp.nullable(),
  href: z.string().nullable(),
});
export type ChatSummary = z.infer<typeof ChatSummary>;

export const ChatPage = z.object({
  chats: z.array(ChatSummary),
  /** Pass as `before` for the previous page; null when the listing cannot page backwards. */
  firstCursor: z.string().nullable(),
  /** Pass as `after` for the next page, when hasMore. */
  lastCursor: z.string().nullable(),
  hasMore: z.boolean(),
});
export type ChatPage = z.infer<typeof ChatPage>;

const Truncated = z.boolean();

export const MessageBlock = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: z.string(), thinkingRedacted: z.boolean(), truncated: Truncated }),
  z.object({
    type: z.literal("tool_use"),
    id: z.string().nullable(),
    name: z.string(),
    /** JSON-encoded arguments as the API sent them; not valid JSON when truncated. */
    input: z.string(),
    integrationName: z.string().nullable(),
    mcpServerUrl: z.string().nullable(),
    truncated: Truncated,
  }),
  z.object({
    type: z.literal("tool_result"),
    toolUseId: z.string().nullable(),
    name: z.string().nullable(),
    content: z.array(z.object({ type: z.string(), text: z.string() })),
    isError: z.boolean(),
    integrationName: z.string().nullable(),
    mcpServerUrl: z.string().nullable(),
    truncated: Truncated,
  }),
  /** A block Docket does not know, kept whole as the API sent it. */
  z.object({ type: z.literal("unknown"), originalType: z.string().nullable(), rawJson: z.string() }),
]);
export type MessageBlock = z.infer<typeof MessageBlock>;

export const MessageFile = z.object({
  id: z.string(),
  filename: z.string().nullable(),
  mimeType: z.string().nullable(),
  md5: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  createdAt: Timestamp.nullable(),
});
export type MessageFile = z.infer<typeof MessageFile>;

/**
 * Why a transcript message is not plain captured content: the API withheld or lost it
 * (`content_unavailable`, with its reason), could not verify who wrote it (`client_asserted`), or wrote
 * it itself (`synthetic_marker`, such as the stand-in for the system prompt). Other kinds are kept.
 */
export const MessageNotice = z.object({ kind: z.string(), reason: z.string().nullable() });
export type MessageNotice = z.infer<typeof MessageNotice>;

export const ChatMessage = z.object({
  id: z.string(),
  role: z.string(),
  createdAt: Timestamp,
  blocks: z.array(MessageBlock),
  files: z.array(MessageFile),
  generatedFiles: z.array(MessageFile),
  artifacts: z.array(z.object({ id: z.string(), versionId: z.string(), title: z.string().nullable(), artifactType: z.string().nullable() })),
  /** Said above the content when it is not what a person or Claude wrote, or is missing (session transcripts). */
  notice: MessageNotice.optional(),
  /** On an agent's session: the person who sent this message, when the API can tell. */
  sentByUserId: z.string().nullable().optional(),
  /** The message exactly as the API sent it, unknown fields included. */
  rawJson: z.string().optional(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export const ChatThreadPage = z.object({
  chat: ChatSummary,
  messages: z.array(ChatMessage),
  firstCursor: z.string().nullable(),
  lastCursor: z.string().nullable(),
  hasMore: z.boolean(),
});
export type ChatThreadPage = z.infer<typeof ChatThreadPage>;

/** An object exactly as the API sent it (compact JSON text; the view indents it). */
export const RawJsonDocument = z.object({ json: z.string() });
export type RawJsonDocument = z.infer<typeof RawJsonDocument>;

/** A chat's overview reads pages of the API's largest size, at most this many, then says it stopped. */
export const CHAT_OVERVIEW_PAGE_SIZE = 1000;
export const CHAT_OVERVIEW_MAX_PAGES = 20;

/**
 * What a whole chat holds, counted over every message (not only those the thread has loaded), and the
 * chat's own JSON as the API sent it (without `chat_messages`, which each message shows itself).
 */
export const ChatOverview = z.object({
  chatJson: z.string(),
  messageCount: z.number().int().nonnegative(),
  firstMessageAt: Timestamp.nullable(),
  lastMessageAt: Timestamp.nullable(),
  byRole: z.array(z.object({ role: z.string(), count: z.number().int() })),
  toolCalls: z.number().int().nonnegative(),
  /** Tool calls by integration (an MCP server's or a connector's name); calls without one are Claude's own tools. */
  toolCallsByIntegration: z.array(z.object({ integration: z.string().nullable(), count: z.number().int() })),
  failedToolResults: z.number().int().nonnegative(),
  /** The API records one model per chat, not per message. */
  model: z.string().nullable(),
  uploadedFiles: z.number().int().nonnegative(),
  generatedFiles: z.number().int().nonnegative(),
  artifacts: z.number().int().nonnegative(),
  /** False when the count stopped at CHAT_OVERVIEW_MAX_PAGES pages: the figures cover the first messages only. */
  complete: z.boolean(),
});
export type ChatOverview = z.infer<typeof ChatOverview>;

export const ProjectSummary = z.object({
  id: z.string(),
  name: z.string(),
  deleted: z.boolean(),
  deletedAt: Timestamp.nullable(),
  isPrivate: z.boolean().nullable(),
  organizationUuid: z.string().nullable(),
  owner: UserRef.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp.nullable(),
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

export const ProjectPage = z.object({ projects: z.array(ProjectSummary), nextPage: z.string().nullable() });
export type ProjectPage = z.infer<typeof ProjectPage>;

export const ProjectAttachment = z.object({
  /** Which view opens it: a project file (claude_file_…) or a project document (claude_proj_doc_…). */
  kind: z.enum(["project_file", "project_document", "unknown"]),
  /** The API's own type, kept for kinds Docket does not know. */
  originalType: z.string(),
  id: z.string(),
  filename: z.string().nullable(),
  mimeType: z.string().nullable(),
  md5: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  createdAt: Timestamp.nullable(),
  updatedAt: Timestamp.nullable(),
});
export type ProjectAttachment = z.infer<typeof ProjectAttachment>;

export const ProjectCollaborator = z.object({
  type: z.string(),
  role: z.string().nullable(),
  grantedAt: Timestamp.nullable(),
  userId: z.string().nullable(),
  groupId: z.string().nullable(),
  organizationUuid: z.string().nullable(),
  organizationRole: z.string().nullable(),
});
export type ProjectCollaborator = z.infer<typeof ProjectCollaborator>;

export const ProjectDetail = z.object({
  project: ProjectSummary.extend({
    description: z.string().nullable(),
    instructions: z.string().nullable(),
    chatsCount: z.number().nullable(),
    attachmentsCount: z.number().nullable(),
  }),
  attachments: z.array(ProjectAttachment),
  collaborators: z.array(ProjectCollaborator),
  /** The project exactly as the API sent it, unknown fields included. */
  projectJson: z.string(),
});
export type ProjectDetail = z.infer<typeof ProjectDetail>;

export const ProjectChatPage = ChatPage.extend({
  /**
   * Whose chats were looked through: the API lists a project's chats only per user, so Docket asks
   * for the chats of every member of the project's organisation, or, in very large organisations,
   * of the project's creator and its user collaborators only.
   */
  coverage: z.object({ scope: z.enum(["organization", "owner_and_collaborators"]), userCount: z.number() }),
});
export type ProjectChatPage = z.infer<typeof ProjectChatPage>;
