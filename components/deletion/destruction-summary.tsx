import { formatSize } from "@/components/files/format-size";
import type { DeletionSummary, DeletionTargetFacts, FileFact } from "@/lib/schemas/deletions";
import { readModeInWords } from "@/lib/schemas/code-artifacts";
import { displayName } from "./deletion-format";

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;

/**
 * Exactly what the DELETE takes with it, as read from the API when the deletion was prepared: a chat
 * with its messages and files, a project with its documents, files and chats.
 */
export function DestructionSummary({ target, summary }: { target: DeletionTargetFacts; summary: DeletionSummary }) {
  const name = (
    <span dir="auto" className="font-semibold">
      {displayName(target.name, target.kind)}
    </span>
  );
  const id = <span className="font-mono text-xs">{target.id}</span>;
  switch (summary.kind) {
    case "chat":
      return (
        <div className="space-y-2 text-sm" data-testid="destruction-summary">
          <p>
            The chat {name} ({id}){summary.ownerEmail ? ` of ${summary.ownerEmail}` : ""}, with all of its {plural(summary.messageCount, "message")}
            {alsoIn(summary.artifactCount, summary.generatedFileCount)}, and the {plural(summary.files.length, "file")} uploaded in it.
          </p>
          {summary.softDeleted && (
            <p className="text-slate-600">
              Its user already deleted it in claude.ai: its content is empty, but the record and its files remain until this deletion.
            </p>
          )}
          {summary.projectId && (
            <p className="text-slate-600">
              It belongs to the project <span className="font-mono text-xs">{summary.projectId}</span>, which stays.
            </p>
          )}
          <FileList files={summary.files} caption="Files deleted with the chat" />
        </div>
      );
    case "file":
      return (
        <div className="space-y-2 text-sm" data-testid="destruction-summary">
          <p>
            The file {name} ({id}), {summary.file.mimeType ?? "of unknown type"}, {formatSize(summary.file.sizeBytes)}
            {summary.file.md5 ? (
              <>
                , MD5 <span className="font-mono text-xs">{summary.file.md5}</span>
              </>
            ) : null}
            .
          </p>
          {summary.chatIds.length > 0 ? (
            <p className="text-slate-600">
              It disappears from {plural(summary.messageCount, "message")} of {summary.chatIds.length === 1 ? "the chat" : "the chats"}{" "}
              <span className="font-mono text-xs">{summary.chatIds.join(", ")}</span>; the messages themselves stay.
            </p>
          ) : (
            <p className="text-slate-600">
              It is a file of the project <span className="font-mono text-xs">{summary.projectId ?? "—"}</span>, which stays.
            </p>
          )}
        </div>
      );
    case "project_document":
      return (
        <div className="space-y-2 text-sm" data-testid="destruction-summary">
          <p>
            The project document {name} ({id}), {formatSize(summary.document.sizeBytes)}
            {summary.document.md5 ? (
              <>
                , MD5 <span className="font-mono text-xs">{summary.document.md5}</span>
              </>
            ) : null}
            .
          </p>
          <p className="text-slate-600">
            Its project <span className="font-mono text-xs">{summary.projectId ?? "—"}</span> stays.
          </p>
        </div>
      );
    case "project":
      return (
        <div className="space-y-2 text-sm" data-testid="destruction-summary">
          <p>
            The project {name} ({id}), with its {plural(summary.documents.length, "document")} and {plural(summary.files.length, "file")}
            {summary.hasChats ? `; its ${plural(Math.max(summary.chatsCount, summary.chats.length), "chat")} must be deleted before it` : ", and no chats"}.
          </p>
          <FileList files={summary.documents} caption="Documents deleted with the project" />
          <FileList files={summary.files} caption="Files deleted with the project" />
        </div>
      );
    case "code_artifact":
      return (
        <div className="space-y-2 text-sm" data-testid="destruction-summary">
          <p>
            The Claude Code artifact {name} ({id}) of {summary.ownerEmail ?? "an agent session or a former member"}, open to {readModeInWords(summary.readMode)}
            , with its {plural(summary.versions.length, "retained version")}. The app stops being served.
          </p>
          <ul className="list-disc pl-5 text-xs text-slate-600">
            {summary.versions.map((version) => (
              <li key={version.id}>
                {version.name ?? version.id} <span className="font-mono">{version.id}</span>
              </li>
            ))}
          </ul>
        </div>
      );
  }
}

/** The artifacts and generated files the messages carry, said only when there are some. */
function alsoIn(artifactCount: number, generatedFileCount: number): string {
  const parts = [
    artifactCount > 0 ? plural(artifactCount, "artifact") : null,
    generatedFileCount > 0 ? plural(generatedFileCount, "generated file") : null,
  ].filter((part) => part !== null);
  return parts.length > 0 ? ` (and the ${parts.join(" and ")} in them)` : "";
}

function FileList({ files, caption }: { files: FileFact[]; caption: string }) {
  if (files.length === 0) return null;
  return (
    <div className="overflow-x-auto rounded border border-slate-200">
      <table className="w-full text-left text-xs">
        <caption className="bg-slate-50 px-2 py-1 text-left font-semibold text-slate-600">{caption}</caption>
        <thead className="text-slate-500">
          <tr>
            <th scope="col" className="px-2 py-1">
              Name
            </th>
            <th scope="col" className="px-2 py-1">
              Size
            </th>
            <th scope="col" className="px-2 py-1">
              MD5
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {files.map((file) => (
            <tr key={file.id}>
              <td className="px-2 py-1" dir="auto">
                {displayName(file.filename ?? "", "file")}
              </td>
              <td className="px-2 py-1 font-mono">{formatSize(file.sizeBytes)}</td>
              <td className="px-2 py-1 font-mono">{file.md5 ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
