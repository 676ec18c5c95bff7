import "server-only";
import { z } from "zod";
import { ContentBlock } from "./content-blocks";
import { cursorPage, listOrEmpty, nullable, Timestamp, UserReference } from "./common";
import { FileSummary } from "./files";

export const Chat = z.looseObject({
  id: z.string(),
  /** Empty for a chat the user deleted in claude.ai. */
  name: z
    .string()
    .nullish()
    .transform((name) => name ?? ""),
  created_at: Timestamp,
  updated_at: nullable(Timestamp),
  deleted_at: nullable(Timestamp),
  href: nullable(z.string()),
  model: nullable(z.string()),
  organization_uuid: nullable(z.string()),
  project_id: nullable(z.string()),
  user: nullable(UserReference),
});
export type Chat = z.output<typeof Chat>;

export const ChatPage = cursorPage(Chat);

export const MessageArtifact = z.looseObject({
  id: z.string(),
  version_id: z.string(),
  title: nullable(z.string()),
  artifact_type: nullable(z.string()),
});
export type MessageArtifact = z.output<typeof MessageArtifact>;

export const ChatMessage = z.looseObject({
  id: z.string(),
  role: z.string(),
  created_at: Timestamp,
  content: listOrEmpty(ContentBlock),
  files: nullable(z.array(FileSummary)),
  generated_files: nullable(z.array(FileSummary)),
  artifacts: nullable(z.array(MessageArtifact)),
});
export type ChatMessage = z.output<typeof ChatMessage>;

/** The messages endpoint returns the chat's metadata with one page of its messages. */
export const ChatWithMessages = Chat.extend({
  chat_messages: listOrEmpty(ChatMessage),
  has_more: z
    .boolean()
    .nullish()
    .transform((value) => value ?? false),
  first_id: nullable(z.string()),
  last_id: nullable(z.string()),
});
export type ChatWithMessages = z.output<typeof ChatWithMessages>;
