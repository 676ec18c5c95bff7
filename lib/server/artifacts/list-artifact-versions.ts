import "server-only";
import type { ArtifactVersionList } from "@/lib/schemas/artifacts";
import type { CallOptions, ComplianceClient } from "@/lib/server/compliance/client";
import type { ConsoleRead } from "@/lib/server/console/console-read";

/** The API's largest page of messages. */
export const MESSAGES_PER_PAGE = 1000;
/** Ten pages: a 10,000-message chat is read whole, a longer one is cut and the view says so. */
export const MAX_MESSAGE_PAGES = 10;

/**
 * The versions of the artifact that `versionId` belongs to, in the order its chat produced them. The
 * API has no listing of versions: they are found by reading the chat's messages, which list the
 * artifacts each one created or revised.
 */
export async function listArtifactVersions(
  client: ComplianceClient,
  versionId: string,
  options: CallOptions & { pageSize?: number; maxPages?: number } = {},
): Promise<ConsoleRead<ArtifactVersionList>> {
  const metadata = await client.artifacts.get(versionId, options);
  const { id: artifactId, claude_chat_id: chatId } = metadata.data;
  const upstreamRequestIds = metadata.requestId ? [metadata.requestId] : [];
  if (chatId === null) return { dto: { artifactId, chatId, versions: [], messagesRead: 0, complete: false }, upstreamRequestIds };

  const versions: ArtifactVersionList["versions"] = [];
  const seen = new Set<string>();
  let messagesRead = 0;
  let after: string | undefined;
  let organizationId: string | null = null;
  for (let page = 0; page < (options.maxPages ?? MAX_MESSAGE_PAGES); page++) {
    const { data, requestId } = await client.chats.getMessages(chatId, { afterId: after, limit: options.pageSize ?? MESSAGES_PER_PAGE, order: "asc" }, options);
    if (requestId) upstreamRequestIds.push(requestId);
    organizationId = data.organization_uuid;
    messagesRead += data.chat_messages.length;
    for (const message of data.chat_messages) {
      for (const artifact of message.artifacts ?? []) {
        if (artifact.id !== artifactId || seen.has(artifact.version_id)) continue;
        seen.add(artifact.version_id);
        versions.push({
          versionId: artifact.version_id,
          messageId: message.id,
          createdAt: message.created_at,
          title: artifact.title,
          artifactType: artifact.artifact_type,
        });
      }
    }
    if (!data.has_more || data.last_id === null) {
      return { dto: { artifactId, chatId, versions, messagesRead, complete: true }, upstreamRequestIds, organizationId };
    }
    after = data.last_id;
  }
  return { dto: { artifactId, chatId, versions, messagesRead, complete: false }, upstreamRequestIds, organizationId };
}
