import "server-only";
import type { ChatRef, DeletionSummary, DeletionTarget, DeletionTargetFacts, FileFact } from "@/lib/schemas/deletions";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { ComplianceApiError } from "@/lib/server/compliance/errors";
import { isId, type IdKind } from "@/lib/server/compliance/ids";
import { walkCursorPages, walkTokenPages } from "@/lib/server/compliance/pagination";
import type { ChatMessage, ChatWithMessages } from "@/lib/server/compliance/schemas/chats";
import type { FileSummary } from "@/lib/server/compliance/schemas/files";
import type { ProjectAttachment } from "@/lib/server/compliance/schemas/projects";
import { findCodeArtifact } from "@/lib/server/console/code-artifacts";
import { listProjectChats } from "@/lib/server/console/list-project-chats";
import { AppError } from "@/lib/server/http/errors";
import { holdKey, uniqueHoldKeys, type HoldKey } from "@/lib/server/legal-holds/hold-keys";

/** What a deletion needs to know of its object, read from the API. */
export interface TargetReading {
  facts: DeletionTargetFacts;
  summary: DeletionSummary;
  /** Everything a legal hold could name to cover the object. */
  holdKeys: HoldKey[];
  /** Files whose bytes a snapshot may keep (uploaded files the DELETE destroys). */
  files: FileFact[];
  /** With `evidence`: the records as the API returned them (the snapshot's content). */
  records: Record<string, unknown> | null;
  messageCount: number;
  upstreamRequestIds: string[];
}

const MESSAGE_PAGE = 1000;
const ATTACHMENT_PAGE = 100;
const PROJECT_CHAT_PAGE = 200;
/** A project's attached chats are listed up to this many (they are listed per member, which costs requests). */
const MAX_PROJECT_CHATS_LISTED = 1000;

const ID_KIND: Record<DeletionTarget["kind"], IdKind> = {
  chat: "chat",
  file: "file",
  project_document: "projectDocument",
  project: "project",
  code_artifact: "codeArtifact",
};

/**
 * Reads the object a deletion is about: what it is called, what its DELETE destroys, and what a hold
 * on it would name. `evidence` also keeps the records themselves (messages, documents' text) for the
 * pre-deletion snapshot. A 404 becomes AppError not_found.
 */
export async function readTarget(client: ComplianceClient, target: DeletionTarget, evidence: boolean): Promise<TargetReading> {
  if (!isId(ID_KIND[target.kind], target.id)) throw new AppError("invalid_request", `"${target.id}" is not a ${target.kind.replace("_", " ")} id.`);
  if (target.projectId !== undefined && !isId("project", target.projectId)) throw new AppError("invalid_request", `"${target.projectId}" is not a project id.`);
  try {
    switch (target.kind) {
      case "chat":
        return await readChat(client, target.id, evidence);
      case "file":
        return await readFile(client, target.id, target.projectId ?? null, evidence);
      case "project_document":
        return await readProjectDocument(client, target.id, target.projectId ?? null, evidence);
      case "project":
        return await readProject(client, target.id, evidence);
      case "code_artifact":
        return await readCodeArtifact(client, target.id, evidence);
    }
  } catch (error) {
    if (error instanceof ComplianceApiError && error.status === 404) {
      throw new AppError(
        "not_found",
        `The ${target.kind.replace("_", " ")} ${target.id} does not exist (the Compliance API answered 404): it may already be deleted.`,
      );
    }
    throw error;
  }
}

function requestIds() {
  const ids: string[] = [];
  return {
    ids,
    keep<T>(result: { data: T; requestId: string | null }): T {
      if (result.requestId) ids.push(result.requestId);
      return result.data;
    },
  };
}

function fileFact(file: FileSummary | { id: string; filename: string | null; mime_type?: string | null; md5?: unknown; size_bytes?: unknown }): FileFact {
  return {
    id: file.id,
    filename: file.filename,
    mimeType: file.mime_type ?? null,
    sizeBytes: typeof file.size_bytes === "number" ? file.size_bytes : null,
    md5: typeof file.md5 === "string" ? file.md5 : null,
  };
}

function chatMetadata(chat: ChatWithMessages): Record<string, unknown> {
  const { chat_messages: _messages, has_more: _hasMore, first_id: _first, last_id: _last, ...metadata } = chat;
  return metadata;
}

async function readChat(client: ComplianceClient, chatId: string, evidence: boolean): Promise<TargetReading> {
  const upstream = requestIds();
  let chat: ChatWithMessages | null = null;
  const messages: ChatMessage[] = [];
  let messageCount = 0;
  const files = new Map<string, FileFact>();
  const generatedFiles = new Set<string>();
  const artifacts = new Set<string>();
  const pages = walkCursorPages(async (cursor) => {
    const page = upstream.keep(await client.chats.getMessages(chatId, { limit: MESSAGE_PAGE, afterId: cursor.afterId }));
    chat ??= page;
    return { data: page.chat_messages, has_more: page.has_more, first_id: page.first_id, last_id: page.last_id };
  }, "after");
  for await (const page of pages) {
    messageCount += page.data.length;
    for (const message of page.data) {
      if (evidence) messages.push(message);
      for (const file of message.files ?? []) files.set(file.id, fileFact(file));
      for (const file of message.generated_files ?? []) generatedFiles.add(file.id);
      for (const artifact of message.artifacts ?? []) artifacts.add(artifact.id);
    }
  }
  const read = chat as ChatWithMessages | null;
  if (!read) throw new AppError("not_found");
  const fileList = [...files.values()];
  return {
    facts: {
      kind: "chat",
      id: chatId,
      name: read.name,
      projectId: read.project_id,
      organizationUuid: read.organization_uuid,
      createdAt: read.created_at,
    },
    summary: {
      kind: "chat",
      messageCount,
      files: fileList,
      generatedFileCount: generatedFiles.size,
      artifactCount: artifacts.size,
      projectId: read.project_id,
      softDeleted: read.deleted_at !== null,
      ownerEmail: read.user?.email_address ?? null,
    },
    holdKeys: uniqueHoldKeys([
      holdKey("chat", chatId),
      read.user ? holdKey("user", read.user.id) : null,
      read.project_id ? holdKey("project", read.project_id) : null,
    ]),
    files: fileList,
    records: evidence ? { chat: chatMetadata(read), messages } : null,
    messageCount,
    upstreamRequestIds: upstream.ids,
  };
}

async function readFile(client: ComplianceClient, fileId: string, projectId: string | null, evidence: boolean): Promise<TargetReading> {
  const upstream = requestIds();
  const metadata = upstream.keep(await client.files.get(fileId));
  const chats: Array<{ id: string; ownerId: string | null; projectId: string | null }> = [];
  for (const chatId of metadata.claude_chat_ids) {
    // One message is enough to learn the chat's user and project (what a hold could name).
    const chat = await client.chats.getMessages(chatId, { limit: 1 }).then(upstream.keep, (error: unknown) => {
      if (error instanceof ComplianceApiError && error.status === 404) return null;
      throw error;
    });
    if (chat) chats.push({ id: chatId, ownerId: chat.user?.id ?? null, projectId: chat.project_id });
  }
  if (projectId !== null && !(await projectHasAttachment(client, projectId, fileId, upstream.keep))) {
    throw new AppError("invalid_request", `The file ${fileId} is not attached to the project ${projectId}.`);
  }
  if (metadata.claude_chat_ids.length === 0 && projectId === null) {
    throw new AppError(
      "invalid_request",
      "This file belongs to no chat, so it is a project file: name its project (delete it from the project's page), so that a legal hold on the project is checked.",
    );
  }
  const file = fileFact(metadata);
  return {
    facts: { kind: "file", id: fileId, name: metadata.filename ?? "", projectId, organizationUuid: null, createdAt: metadata.created_at },
    summary: { kind: "file", file, chatIds: metadata.claude_chat_ids, messageCount: metadata.message_ids.length, projectId },
    holdKeys: uniqueHoldKeys([
      ...chats.flatMap((chat) => [
        holdKey("chat", chat.id),
        chat.ownerId ? holdKey("user", chat.ownerId) : null,
        chat.projectId ? holdKey("project", chat.projectId) : null,
      ]),
      // A chat the file names that is already gone still names the chat a hold may cover.
      ...metadata.claude_chat_ids.map((chatId) => holdKey("chat", chatId)),
      projectId ? holdKey("project", projectId) : null,
    ]),
    files: [file],
    records: evidence ? { file: metadata, chats } : null,
    messageCount: 0,
    upstreamRequestIds: upstream.ids,
  };
}

async function projectHasAttachment(
  client: ComplianceClient,
  projectId: string,
  attachmentId: string,
  keep: ReturnType<typeof requestIds>["keep"],
): Promise<boolean> {
  for await (const page of walkTokenPages(async (page) => keep(await client.projects.listAttachments(projectId, { page, limit: ATTACHMENT_PAGE })))) {
    if (page.data.some((attachment) => attachment.id === attachmentId)) return true;
  }
  return false;
}

async function readProjectDocument(client: ComplianceClient, documentId: string, projectId: string | null, evidence: boolean): Promise<TargetReading> {
  const upstream = requestIds();
  const metadata = upstream.keep(await client.projectDocuments.getMetadata(documentId));
  if (projectId !== null && metadata.claude_project_id !== projectId) {
    throw new AppError("invalid_request", `The document ${documentId} does not belong to the project ${projectId}.`);
  }
  const document = evidence ? upstream.keep(await client.projectDocuments.get(documentId)) : null;
  const fact = fileFact({ ...metadata, mime_type: metadata.mime_type });
  return {
    facts: {
      kind: "project_document",
      id: documentId,
      name: metadata.filename ?? "",
      projectId: metadata.claude_project_id,
      organizationUuid: null,
      createdAt: metadata.created_at,
    },
    summary: { kind: "project_document", document: fact, projectId: metadata.claude_project_id },
    holdKeys: uniqueHoldKeys([metadata.claude_project_id ? holdKey("project", metadata.claude_project_id) : null]),
    files: [],
    records: evidence ? { metadata, document } : null,
    messageCount: 0,
    upstreamRequestIds: upstream.ids,
  };
}

/** A code artifact as its listing shows it: the API reads none by id. A hold on its owner covers it. */
async function readCodeArtifact(client: ComplianceClient, artifactId: string, evidence: boolean): Promise<TargetReading> {
  const found = await findCodeArtifact(client, artifactId);
  if (!found) throw new AppError("not_found", `The code artifact ${artifactId} is not listed by the Compliance API: it may already be deleted.`);
  const { artifact } = found;
  const published = artifact.versions.find((version) => version.id === artifact.published_version_id) ?? artifact.versions[0];
  return {
    facts: {
      kind: "code_artifact",
      id: artifactId,
      name: published?.name ?? "",
      projectId: null,
      organizationUuid: artifact.organization_uuid,
      createdAt: artifact.versions.at(-1)?.created_at ?? null,
    },
    summary: {
      kind: "code_artifact",
      versions: artifact.versions.map((version) => ({ id: version.id, name: version.name, createdAt: version.created_at })),
      readMode: artifact.read_mode,
      ownerEmail: artifact.user?.email_address ?? null,
    },
    holdKeys: uniqueHoldKeys([artifact.owner_user_id ? holdKey("user", artifact.owner_user_id) : null]),
    files: [],
    records: evidence ? { artifact: found.raw } : null,
    messageCount: 0,
    upstreamRequestIds: found.upstreamRequestIds,
  };
}

async function readProject(client: ComplianceClient, projectId: string, evidence: boolean): Promise<TargetReading> {
  const upstream = requestIds();
  const project = upstream.keep(await client.projects.get(projectId));
  const attachments: ProjectAttachment[] = [];
  for await (const page of walkTokenPages(async (page) => upstream.keep(await client.projects.listAttachments(projectId, { page, limit: ATTACHMENT_PAGE })))) {
    attachments.push(...page.data);
  }
  const documents = attachments.filter((attachment) => attachment.type === "project_doc").map(fileFact);
  const files = attachments.filter((attachment) => attachment.type === "project_file").map(fileFact);

  const chats: ChatRef[] = [];
  let chatsComplete = false;
  for (let after: string | undefined; chats.length < MAX_PROJECT_CHATS_LISTED;) {
    const page = await listProjectChats(client, projectId, { after, limit: PROJECT_CHAT_PAGE });
    upstream.ids.push(...page.upstreamRequestIds);
    chats.push(...page.dto.chats.map((chat) => ({ id: chat.id, name: chat.name, ownerEmail: chat.owner?.email ?? null })));
    if (!page.dto.hasMore || page.dto.lastCursor === null) {
      chatsComplete = page.dto.coverage.scope === "organization";
      break;
    }
    after = page.dto.lastCursor;
  }
  const chatsCount = project.chats_count ?? chats.length;

  let records: Record<string, unknown> | null = null;
  if (evidence) {
    const documentTexts = [];
    for (const document of documents) documentTexts.push(upstream.keep(await client.projectDocuments.get(document.id)));
    const collaborators = [];
    for await (const page of walkTokenPages(async (page) =>
      upstream.keep(await client.projects.listCollaborators(projectId, { page, limit: ATTACHMENT_PAGE })),
    )) {
      collaborators.push(...page.data);
    }
    records = { project, attachments, documents: documentTexts, collaborators, chats };
  }
  return {
    facts: {
      kind: "project",
      id: projectId,
      name: project.name,
      projectId,
      organizationUuid: project.organization_uuid,
      createdAt: project.created_at,
    },
    summary: {
      kind: "project",
      documents,
      files,
      chatsCount,
      chats,
      chatsComplete: chatsComplete && chats.length >= chatsCount,
      hasChats: chatsCount > 0 || chats.length > 0,
    },
    holdKeys: uniqueHoldKeys([holdKey("project", projectId)]),
    files,
    records,
    messageCount: 0,
    upstreamRequestIds: upstream.ids,
  };
}
