import "server-only";
import type { ChatSummary, MessageFile, UserRef } from "@/lib/schemas/console";
import type { Chat } from "@/lib/server/compliance/schemas/chats";
import type { UserReference } from "@/lib/server/compliance/schemas/common";
import type { TimeRange } from "@/lib/server/compliance/query-params";
import type { FileSummary } from "@/lib/server/compliance/schemas/files";

/** Mappings shared by several console verbs, from the client's parsed responses to DTOs. */

export function toUserRef(user: UserReference | null): UserRef | null {
  return user === null ? null : { id: user.id, email: user.email_address };
}

export function toChatSummary(chat: Chat): ChatSummary {
  return {
    id: chat.id,
    name: chat.name,
    deleted: chat.deleted_at !== null,
    deletedAt: chat.deleted_at,
    owner: toUserRef(chat.user),
    model: chat.model,
    projectId: chat.project_id,
    organizationUuid: chat.organization_uuid,
    createdAt: chat.created_at,
    updatedAt: chat.updated_at,
    href: chat.href,
  };
}

export function toMessageFile(file: FileSummary): MessageFile {
  return {
    id: file.id,
    filename: file.filename,
    mimeType: file.mime_type,
    md5: file.md5,
    sizeBytes: file.size_bytes,
    createdAt: file.created_at,
  };
}

/** A collector of upstream request-ids, for calls that go through walks returning data only. */
export function requestIdCollector() {
  const ids: string[] = [];
  return {
    ids,
    keep<T>(result: { data: T; requestId: string | null }): T {
      if (result.requestId) ids.push(result.requestId);
      return result.data;
    },
  };
}

/** Inclusive bounds from a console filter's from/to pair; none when both are absent. */
export function timeRange(from: string | undefined, to: string | undefined): TimeRange | undefined {
  return from === undefined && to === undefined ? undefined : { gte: from, lte: to };
}
