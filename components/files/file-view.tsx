"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { DeleteAction } from "@/components/deletion/delete-action";
import { RawJsonDisclosure } from "@/components/ui/raw-json";
import { useTimeFormat } from "@/components/layout/time-zone";
import { Definition, DefinitionList } from "@/components/ui/definition-list";
import { ErrorNotice } from "@/components/ui/error-notice";
import { EvidenceSection } from "@/components/layout/evidence-facts";
import { fileDetailOptions } from "@/lib/queries/file-queries";
import type { FileDetail, FileKind } from "@/lib/schemas/files";
import { threadHref } from "@/lib/thread/thread-href";
import { DownloadPanel } from "./download-panel";
import { FilePreview } from "./file-preview";
import { formatSize } from "./format-size";
import { IntegrityPanel } from "./integrity-panel";
import { revealInvisible } from "./reveal-invisible";

const KIND_LABELS: Record<FileKind, string> = { file: "Uploaded file", generated_file: "Generated file" };

/** A file as evidence: what it is, where it was used, whether its bytes are intact, and the file itself. */
export function FileView({ kind, id }: { kind: FileKind; id: string }) {
  const query = useQuery(fileDetailOptions(kind, id));
  if (query.isPending) return <p className="text-sm text-slate-500">Loading the file…</p>;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  const file = query.data;
  return (
    <article className="space-y-8">
      <FileHeader file={file} />
      {file.downloadable ? (
        <>
          <EvidenceSection title="Integrity">
            <IntegrityPanel file={file} />
          </EvidenceSection>
          <EvidenceSection title="Download">
            <DownloadPanel file={file} />
          </EvidenceSection>
          <EvidenceSection title="Preview">
            <FilePreview file={file} />
          </EvidenceSection>
        </>
      ) : (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          The Compliance API holds no bytes for this file{kind === "generated_file" ? ": generated files expire, and this one has" : ""}. Only its metadata
          remains.
        </p>
      )}
    </article>
  );
}

function FileHeader({ file }: { file: FileDetail }) {
  const { format } = useTimeFormat();
  // The name is the uploader's text: shown as text, in its own direction, its hidden characters written out.
  const name = revealInvisible(file.filename ?? "(no name)");
  return (
    <header className="border-b border-slate-200 pb-3">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{KIND_LABELS[file.kind]}</p>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h1 dir="auto" className="break-all text-2xl font-semibold">
          {name.text}
        </h1>
        <FileDeletion file={file} />
      </div>
      {name.hadInvisible && (
        <p role="note" className="mt-1 text-xs font-semibold text-amber-800">
          The name contains invisible or direction-changing characters, shown above as ⟦U+…⟧: it may not read the way it looks elsewhere.
        </p>
      )}
      {file.filename !== null && file.filename !== file.downloadName && (
        <p className="mt-1 text-xs text-slate-600">
          Saved as{" "}
          <span className="font-mono" dir="auto">
            {file.downloadName}
          </span>
          : the original name has characters that are unsafe in a file name.
        </p>
      )}
      <DefinitionList>
        <Definition label="Type" mono>
          {file.mimeType ?? "—"}
        </Definition>
        <Definition label="Size">{formatSize(file.sizeBytes)}</Definition>
        <Definition label="Created">{format(file.createdAt)}</Definition>
        <Definition label="MD5 recorded at upload" mono>
          {file.recordedMd5 ?? "—"}
        </Definition>
        <Definition label="File id" mono>
          {file.id}
        </Definition>
      </DefinitionList>
      <References file={file} />
      <RawJsonDisclosure json={file.rawJson} summary="The metadata's raw JSON" />
    </header>
  );
}

/**
 * Uploaded files can be deleted (generated ones cannot, through the API). A file in no chat is a
 * project file: its metadata does not name the project, which a deletion must (for its holds), so it
 * is deleted from the project's page.
 */
function FileDeletion({ file }: { file: FileDetail }) {
  if (file.kind !== "file") return null;
  if (file.chatIds.length === 0)
    return <p className="max-w-xs text-xs text-slate-600">A project file: delete it from its project&apos;s page, where the project is known.</p>;
  return <DeleteAction target={{ kind: "file", id: file.id }} />;
}

function References({ file }: { file: FileDetail }) {
  if (file.kind === "generated_file") {
    return (
      <p className="mt-2 text-sm">
        {file.chatIds[0] ? (
          <>
            Produced in chat <ChatLink chatId={file.chatIds[0]} />
          </>
        ) : (
          "The API names no chat for this file."
        )}
      </p>
    );
  }
  if (file.chatIds.length === 0)
    return <p className="mt-2 text-sm text-slate-600">No chat message references this file (project files are attached to a project, not a chat).</p>;
  // Messages can be linked only when the file belongs to one chat: the API does not say which chat each message is in.
  const onlyChat = file.chatIds.length === 1 ? file.chatIds[0]! : null;
  return (
    <div className="mt-2 space-y-1 text-sm">
      <p>
        Attached in {file.chatIds.length === 1 ? "chat" : "chats"}{" "}
        {file.chatIds.map((chatId, index) => (
          <span key={chatId}>
            {index > 0 && ", "}
            <ChatLink chatId={chatId} />
          </span>
        ))}
      </p>
      {file.messageIds.length > 0 && (
        <p>
          Referenced by {file.messageIds.length === 1 ? "message" : `${file.messageIds.length} messages`}{" "}
          {file.messageIds.map((messageId, index) => (
            <span key={messageId}>
              {index > 0 && ", "}
              {onlyChat ? (
                <Link
                  href={threadHref(onlyChat, { messageId: messageId })}
                  className="font-mono text-xs underline decoration-slate-300 hover:decoration-slate-900"
                >
                  {messageId}
                </Link>
              ) : (
                <span className="font-mono text-xs">{messageId}</span>
              )}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

function ChatLink({ chatId }: { chatId: string }) {
  return (
    <Link href={threadHref(chatId)} className="font-mono text-xs underline decoration-slate-300 hover:decoration-slate-900">
      {chatId}
    </Link>
  );
}
