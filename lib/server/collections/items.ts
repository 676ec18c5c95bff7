import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CollectionInclude } from "@/lib/schemas/collections";
import type { CallOptions, ComplianceClient } from "@/lib/server/compliance/client";
import type { Download } from "@/lib/server/compliance/download";
import { ComplianceApiError, ComplianceError, ComplianceNetworkError } from "@/lib/server/compliance/errors";
import type { ChatWithMessages } from "@/lib/server/compliance/schemas/chats";
import { DocketError } from "@/lib/server/docket-error";
import type { SessionKind } from "@/lib/schemas/sessions";
import { writeChatExport } from "@/lib/server/exports/chat-export";
import { writeSessionExport } from "@/lib/server/exports/session-export";
import type { Spool } from "@/lib/server/exports/spool";
import { closeDownload, contentMd5ToHex } from "@/lib/server/files/file-target";
import type { TranscriptProvenance } from "@/lib/thread/markdown-transcript";
import { commitToEvidenceStore, openEvidenceSpool, type StoredObject } from "./evidence-store";

export const ITEM_KINDS = ["chat", "file", "generated_file", "artifact_version", "project_document", "local_session", "remote_session"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** An object found in a list or a chat, to be collected. */
export interface NewItem {
  kind: ItemKind;
  upstreamId: string;
  parentId?: string | null;
  custodianId?: string | null;
  custodianEmail?: string | null;
  organizationUuid?: string | null;
  upstreamCreatedAt?: string | null;
  upstreamUpdatedAt?: string | null;
  name?: string | null;
  md5Expected?: string | null;
  softDeleted?: boolean;
}

/** An item as the worker holds it while collecting it. */
export interface ClaimedItem extends Required<Omit<NewItem, "softDeleted">> {
  id: string;
  softDeleted: boolean;
  attempts: number;
}

export type Md5Verdict = "matched" | "mismatched" | "not_provided";

export type ItemOutcome =
  | {
      state: "done";
      object: StoredObject | null;
      transcript: StoredObject | null;
      md5: { verdict: Md5Verdict; expected: string | null; actual: string } | null;
      messages: number | null;
      children: NewItem[];
    }
  /** The API no longer has it (404): listed with the reason, never dropped. */
  | { state: "vanished"; error: string }
  /** A failure another attempt may not have (a 5xx, a timeout, a broken connection). */
  | { state: "retry"; error: string }
  /** A refusal another attempt will get again. */
  | { state: "failed"; error: string };

/** The key was refused (401, or 403 for a missing scope): nothing else will succeed, so the collection fails. */
export class CollectionFatalError extends DocketError {
  static override readonly brand: string = "CollectionFatalError";
  constructor(message: string) {
    super(message);
    this.name = "CollectionFatalError";
  }
}

export interface ItemContext {
  client: ComplianceClient;
  db: PrismaClient;
  evidenceDir: string;
  include: readonly CollectionInclude[];
  provenance: TranscriptProvenance;
  signal: AbortSignal;
}

/** Collects one item into the evidence store, and says how it went; errors of the API become outcomes. */
export async function collectItem(context: ItemContext, item: ClaimedItem): Promise<ItemOutcome> {
  try {
    switch (item.kind) {
      case "chat":
        return await collectChat(context, item);
      case "file":
        return await collectDownload(context, item, await context.client.files.download(item.upstreamId, options(context)));
      case "generated_file":
        return await collectDownload(context, item, await context.client.generatedFiles.download(item.upstreamId, options(context)));
      case "artifact_version":
        return await collectDownload(context, item, await context.client.artifacts.download(item.upstreamId, options(context)));
      case "project_document":
        return await collectProjectDocument(context, item);
      case "local_session":
        return await collectSession(context, item, "local");
      case "remote_session":
        return await collectSession(context, item, "remote");
    }
  } catch (error) {
    return outcomeOfError(error);
  }
}

const options = (context: ItemContext): CallOptions => ({ signal: context.signal });

function outcomeOfError(error: unknown): ItemOutcome {
  if (error instanceof ComplianceApiError) {
    const said = `${error.message}${error.requestId ? ` (request ${error.requestId})` : ""}`;
    if (error.status === 401 || (error.status === 403 && error.type !== "rate_limit_error")) {
      throw new CollectionFatalError(`The Compliance API refused Docket's key: ${said}`);
    }
    if (error.status === 404) return { state: "vanished", error: said };
    if (error.status === 429 || error.status >= 500) return { state: "retry", error: said };
    return { state: "failed", error: said };
  }
  if (error instanceof ComplianceError) return { state: "retry", error: error.message };
  throw error;
}

/** What a collection finds in a chat's messages, by what it includes. */
function attachmentsOf(page: ChatWithMessages, include: readonly CollectionInclude[]): NewItem[] {
  const found: NewItem[] = [];
  const common = {
    parentId: page.id,
    custodianId: page.user?.id ?? null,
    custodianEmail: page.user?.email_address ?? null,
    organizationUuid: page.organization_uuid,
  };
  for (const message of page.chat_messages) {
    if (include.includes("files")) {
      for (const file of message.files ?? []) {
        found.push({ kind: "file", upstreamId: file.id, name: file.filename, md5Expected: file.md5, upstreamCreatedAt: file.created_at, ...common });
      }
    }
    if (include.includes("generated_files")) {
      for (const file of message.generated_files ?? []) {
        found.push({ kind: "generated_file", upstreamId: file.id, name: file.filename, md5Expected: file.md5, upstreamCreatedAt: file.created_at, ...common });
      }
    }
    if (include.includes("artifacts")) {
      for (const artifact of message.artifacts ?? []) {
        found.push({ kind: "artifact_version", upstreamId: artifact.version_id, name: artifact.title, upstreamCreatedAt: message.created_at, ...common });
      }
    }
  }
  return found;
}

/**
 * A chat: every page read once, written as the API's JSON and as a Markdown transcript (when chats are
 * included), and its files, generated files and artifacts found as new items.
 */
async function collectChat(context: ItemContext, item: ClaimedItem): Promise<ItemOutcome> {
  const children: NewItem[] = [];
  const keepsChat = context.include.includes("chats");
  const spools: Spool[] = keepsChat ? [await openEvidenceSpool(context.evidenceDir), await openEvidenceSpool(context.evidenceDir)] : [];
  try {
    const targets = keepsChat
      ? [
          { format: "json" as const, sink: spools[0]! },
          { format: "markdown" as const, sink: spools[1]! },
        ]
      : [];
    const summary = await writeChatExport(
      context.client,
      item.upstreamId,
      targets,
      { includeMetadata: true, provenance: context.provenance },
      context.signal,
      (page) => children.push(...attachmentsOf(page, context.include)),
    );
    const [json, markdown] = keepsChat
      ? [
          await commitToEvidenceStore(context.db, context.evidenceDir, await spools[0]!.finish()),
          await commitToEvidenceStore(context.db, context.evidenceDir, await spools[1]!.finish()),
        ]
      : [null, null];
    return { state: "done", object: json, transcript: markdown, md5: null, messages: summary.messages, children };
  } finally {
    for (const spool of spools) await spool.discard();
  }
}

/** A session: its whole transcript as the API's JSON and as Markdown, like a chat (the API deletes neither). */
async function collectSession(context: ItemContext, item: ClaimedItem, kind: SessionKind): Promise<ItemOutcome> {
  const spools = [await openEvidenceSpool(context.evidenceDir), await openEvidenceSpool(context.evidenceDir)];
  try {
    const summary = await writeSessionExport(
      context.client,
      kind,
      item.upstreamId,
      [
        { format: "json", sink: spools[0]! },
        { format: "markdown", sink: spools[1]! },
      ],
      { includeMetadata: true, provenance: context.provenance },
      context.signal,
    );
    return {
      state: "done",
      object: await commitToEvidenceStore(context.db, context.evidenceDir, await spools[0]!.finish()),
      transcript: await commitToEvidenceStore(context.db, context.evidenceDir, await spools[1]!.finish()),
      md5: null,
      messages: summary.messages,
      children: [],
    };
  } finally {
    for (const spool of spools) await spool.discard();
  }
}

/**
 * A file's bytes, checked while they are written against the MD5 the listing gave and the one the
 * download announced (Content-MD5). A mismatch is stored with its verdict, never passed as good.
 */
async function collectDownload(context: ItemContext, item: ClaimedItem, download: Download): Promise<ItemOutcome> {
  const spool = await openEvidenceSpool(context.evidenceDir);
  try {
    try {
      for await (const chunk of download.body) await spool.writeBytes(chunk as Buffer);
    } catch (error) {
      const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : null;
      throw new ComplianceNetworkError("body", "The download broke off before its end.", code);
    }
    const stored = await commitToEvidenceStore(context.db, context.evidenceDir, await spool.finish());
    const expected = [item.md5Expected?.toLowerCase() ?? null, contentMd5ToHex(download.contentMd5)].filter((md5) => md5 !== null);
    const verdict: Md5Verdict = expected.length === 0 ? "not_provided" : expected.every((md5) => md5 === stored.md5) ? "matched" : "mismatched";
    return {
      state: "done",
      object: stored,
      transcript: null,
      md5: { verdict, expected: expected.find((md5) => md5 !== stored.md5) ?? expected[0] ?? null, actual: stored.md5 },
      messages: null,
      children: [],
    };
  } finally {
    await spool.discard();
    closeDownload(download);
  }
}

/** A project document's text, checked against the MD5 of its metadata. */
async function collectProjectDocument(context: ItemContext, item: ClaimedItem): Promise<ItemOutcome> {
  const [document, metadata] = [
    await context.client.projectDocuments.get(item.upstreamId, options(context)),
    await context.client.projectDocuments.getMetadata(item.upstreamId, options(context)),
  ];
  const spool = await openEvidenceSpool(context.evidenceDir);
  try {
    await spool.write(document.data.content);
    const stored = await commitToEvidenceStore(context.db, context.evidenceDir, await spool.finish());
    const expected = metadata.data.md5?.toLowerCase() ?? null;
    const verdict: Md5Verdict = expected === null ? "not_provided" : expected === stored.md5 ? "matched" : "mismatched";
    return { state: "done", object: stored, transcript: null, md5: { verdict, expected, actual: stored.md5 }, messages: null, children: [] };
  } finally {
    await spool.discard();
  }
}
