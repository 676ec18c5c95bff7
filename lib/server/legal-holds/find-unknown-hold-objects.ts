import "server-only";
import type { HoldScope } from "@/lib/schemas/legal-holds";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { ComplianceApiError } from "@/lib/server/compliance/errors";

/** Organisation users are read in pages this large while looking for the held users. */
const USERS_PER_PAGE = 1000;
/** Reads at once while checking projects and chats: the organisation's API budget is shared. */
const READS_AT_ONCE = 4;

/**
 * The ids in a hold's scope that name nothing the Compliance API knows. A mistyped id would make a
 * hold that protects nothing while it reads as protecting something, so a hold is placed only on
 * objects that exist: projects and chats are read back (404 means unknown), users are looked up among
 * the members of every organisation the key covers. Someone who has left is no longer a member: their
 * chats cannot be listed by user either, so a hold on them is placed by chat or project instead.
 */
export async function findUnknownHoldObjects(client: ComplianceClient, scope: HoldScope, signal?: AbortSignal): Promise<string[]> {
  const reads = [
    ...scope.projectIds.map((projectId) => ({ id: projectId, read: () => client.projects.get(projectId, { signal }) })),
    ...scope.chatIds.map((chatId) => ({ id: chatId, read: () => client.chats.getMessages(chatId, { limit: 1 }, { signal }) })),
  ];
  const unknown = await usersNotFound(client, scope.userIds, signal);
  for (let start = 0; start < reads.length; start += READS_AT_ONCE) {
    const batch = reads.slice(start, start + READS_AT_ONCE);
    const found = await Promise.all(batch.map(({ read }) => exists(read())));
    unknown.push(...batch.filter((_, index) => !found[index]).map(({ id }) => id));
  }
  return unknown;
}

function exists(read: Promise<unknown>): Promise<boolean> {
  return read.then(
    () => true,
    (error: unknown) => {
      if (error instanceof ComplianceApiError && error.status === 404) return false;
      throw error;
    },
  );
}

async function usersNotFound(client: ComplianceClient, userIds: readonly string[], signal?: AbortSignal): Promise<string[]> {
  const missing = new Set(userIds);
  if (missing.size === 0) return [];
  for await (const organizations of client.organizations.walk({ signal })) {
    for (const organization of organizations.data) {
      for await (const users of client.organizations.walkUsers(organization.uuid, USERS_PER_PAGE, { signal })) {
        for (const user of users.data) missing.delete(user.id);
        if (missing.size === 0) return [];
      }
    }
  }
  return [...missing];
}
