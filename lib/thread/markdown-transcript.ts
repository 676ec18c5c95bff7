import type { ChatMessage, ChatSummary, MessageFile } from "@/lib/schemas/console";
import { productSurfaceName, SESSION_KIND_NAMES, type SessionSummary } from "@/lib/schemas/sessions";
import { prettyJsonOrRaw } from "./json-text";
import { describeNotice } from "./message-notice";
import type { PairedMessage, ThreadItem, ToolResultBlock, ToolUseBlock } from "./pair-tool-blocks";

/** Who made the export and when, for the header's provenance lines. */
export interface TranscriptProvenance {
  exportedAt: string;
  exportedBy: string;
  docketVersion: string;
}

export interface TranscriptOptions {
  /** The chat's facts, message ids and the export's provenance; without it, the conversation alone. */
  includeMetadata: boolean;
  provenance: TranscriptProvenance;
}

/**
 * A chat as Markdown, written a message at a time so a chat of any length streams out. Every piece of
 * content the chat holds (text, tool input and output) is set in a fenced block longer than any fence
 * inside it, so no content can forge the transcript's own structure (a fake message heading, say) and
 * no renderer runs HTML from it. The fence also keeps text byte for byte.
 */
export function transcriptHeader(chat: ChatSummary, { includeMetadata, provenance }: TranscriptOptions): string {
  const lines = [`# Chat transcript: ${inline(chat.name || "(no name)")}`, ""];
  if (includeMetadata) {
    lines.push(
      "| Fact | Value |",
      "| --- | --- |",
      fact("Chat id", code(chat.id)),
      fact("Owner", chat.owner ? `${inline(chat.owner.email ?? "(no email)")} (${code(chat.owner.id)})` : "(unknown)"),
      fact("Organization", chat.organizationUuid ? code(chat.organizationUuid) : "(none)"),
      fact("Project", chat.projectId ? code(chat.projectId) : "(none)"),
      fact("Model", chat.model ? code(chat.model) : "(not recorded)"),
      fact("Created", chat.createdAt),
      fact("Updated", chat.updatedAt ?? "(not recorded)"),
      fact("Deleted in claude.ai", chat.deletedAt ?? "no"),
      fact("Exported", `${provenance.exportedAt} by ${inline(provenance.exportedBy)}`),
      fact("Source", `Anthropic Compliance API, read by Docket ${inline(provenance.docketVersion)}, tool output untruncated`),
      "",
    );
  }
  if (chat.deleted) {
    lines.push(
      `> **This chat was deleted by its user in claude.ai${chat.deletedAt ? ` on ${chat.deletedAt}` : ""}.** The Compliance API lists its messages without their content, files or artifacts.`,
      "",
    );
  }
  lines.push(
    "Times are UTC. Text and tool output appear verbatim in fenced blocks; tool input is indented for reading (the JSON export keeps it as sent).",
    "",
  );
  return lines.join("\n");
}

/**
 * A session as Markdown: the same messages as a chat's transcript (sessions share the renderer), under
 * a header with what the API says of the session.
 */
export function sessionTranscriptHeader(session: SessionSummary, { includeMetadata, provenance }: TranscriptOptions): string {
  const lines = [`# Session transcript: ${inline(productSurfaceName(session.productSurface))}`, ""];
  if (includeMetadata) {
    const person = (user: SessionSummary["user"]) => (user ? `${inline(user.email ?? "(no email given)")} (${code(user.id)})` : "(none)");
    lines.push(
      "| Fact | Value |",
      "| --- | --- |",
      fact("Session id", code(session.id)),
      fact("Kind", inline(SESSION_KIND_NAMES[session.kind])),
      fact("Person", session.user ? person(session.user) : session.agentId ? `Agent ${code(session.agentId)}` : "(none)"),
      ...(session.startedBy ? [fact("Started by", person(session.startedBy))] : []),
      fact("Organization", session.organizationUuid ? code(session.organizationUuid) : "(none)"),
      ...(session.kind === "local" ? [fact("Workspace", session.workspaceId ? code(session.workspaceId) : "(none)")] : []),
      ...(session.projectId ? [fact("Project", code(session.projectId))] : []),
      ...(session.status ? [fact("Status", code(session.status))] : []),
      fact("Created", session.createdAt),
      fact("Updated", session.updatedAt ?? "(not recorded)"),
      fact("Exported", `${provenance.exportedAt} by ${inline(provenance.exportedBy)}`),
      fact("Source", `Anthropic Compliance API, read by Docket ${inline(provenance.docketVersion)}, tool output untruncated`),
      "",
    );
  }
  lines.push(
    "The API's session transcripts leave out thinking, the system prompt and tool definitions; images and other binary content appear as markers.",
    "",
    "Times are UTC. Text and tool output appear verbatim in fenced blocks; tool input is indented for reading (the JSON export keeps it as sent).",
    "",
  );
  return lines.join("\n");
}

/** Whose words a transcript holds, for its authors' names and the note on empty messages. */
export interface TranscriptSubject {
  ownerEmail: string | null;
  /** A chat its user deleted in claude.ai: its messages are listed without content. */
  deletedByUser: boolean;
}

export function chatSubject(chat: ChatSummary): TranscriptSubject {
  return { ownerEmail: chat.owner?.email ?? null, deletedByUser: chat.deleted };
}

export function sessionSubject(session: SessionSummary): TranscriptSubject {
  return { ownerEmail: session.user?.email ?? null, deletedByUser: false };
}

/** One message: its author and time, what the API says of it, then every item in order, then its attachments. */
export function transcriptMessage(
  subject: TranscriptSubject,
  { message, items }: PairedMessage,
  position: number,
  { includeMetadata }: TranscriptOptions,
): string {
  const lines = ["---", "", `## ${position}. ${authorOf(subject, message)} · ${message.createdAt}`, ""];
  if (includeMetadata) lines.push(`Message id: ${code(message.id)}`, "");
  if (message.notice) {
    const { title, detail } = describeNotice(message.notice);
    lines.push(`> **${inline(title)}** ${inline(detail)}`, "");
  }
  if (items.length === 0 && !hasAttachments(message))
    lines.push(subject.deletedByUser ? "*(No content: the chat was deleted in claude.ai.)*" : "*(No content.)*", "");
  for (const item of items) lines.push(...itemLines(item));
  lines.push(...attachmentLines(message));
  return lines.join("\n");
}

export function transcriptFooter(messageCount: number): string {
  return ["---", "", `*End of transcript: ${messageCount} ${messageCount === 1 ? "message" : "messages"}.*`, ""].join("\n");
}

function authorOf(subject: TranscriptSubject, message: ChatMessage): string {
  if (message.role === "assistant") return "Claude";
  if (message.role === "user" || message.role === "human") return `User${subject.ownerEmail ? ` (${inline(subject.ownerEmail)})` : ""}`;
  return `Role ${code(message.role)}`;
}

function itemLines(item: ThreadItem): string[] {
  switch (item.kind) {
    case "text":
      return [
        ...(item.block.thinkingRedacted ? ["*Thinking redacted.*", ""] : []),
        ...fenced(item.block.text, ""),
        ...(item.block.truncated ? ["*Text truncated by the Compliance API.*", ""] : []),
      ];
    case "tool_call":
      return [...toolUseLines(item.use), ...(item.result ? toolResultLines(item.result, "Result") : ["*No result was recorded for this call.*", ""])];
    case "orphan_result":
      return [
        `**Tool result without its call**${item.result.toolUseId ? ` (call id ${code(item.result.toolUseId)})` : ""}`,
        "",
        ...toolResultLines(item.result, "Result"),
      ];
    case "result_shown_with_call":
      return [`*Result of ${item.result.name ? code(item.result.name) : "a tool call"}: shown with its call in message ${code(item.callMessageId)}.*`, ""];
    case "unknown":
      return [
        `**Block of a kind Docket does not know** (${item.block.originalType ? code(item.block.originalType) : "no type"}), as the API sent it:`,
        "",
        ...fenced(item.block.rawJson, "json"),
      ];
  }
}

function toolUseLines(use: ToolUseBlock): string[] {
  const via = [use.integrationName ? `integration ${inline(use.integrationName)}` : null, use.mcpServerUrl ? `MCP server ${code(use.mcpServerUrl)}` : null]
    .filter((part) => part !== null)
    .join(", ");
  return [
    `**Tool call** ${code(use.name)}${via ? ` via ${via}` : ""}${use.id ? ` · call id ${code(use.id)}` : ""}`,
    "",
    "Input:",
    "",
    ...fenced(use.truncated ? use.input : prettyJsonOrRaw(use.input), "json"),
    ...(use.truncated ? ["*Input truncated by the Compliance API.*", ""] : []),
  ];
}

function toolResultLines(result: ToolResultBlock, label: string): string[] {
  const provenance = [
    result.integrationName ? `integration ${inline(result.integrationName)}` : null,
    result.mcpServerUrl ? `MCP server ${code(result.mcpServerUrl)}` : null,
  ]
    .filter((part) => part !== null)
    .join(", ");
  const heading = `${label}${result.isError ? " (**error**)" : ""}${provenance ? ` from ${provenance}` : ""}:`;
  const body =
    result.content.length === 0
      ? ["*(The result has no text.)*", ""]
      : result.content.flatMap((part) => fenced(part.text, part.type === "text" ? "" : part.type));
  return [heading, "", ...body, ...(result.truncated ? ["*Result truncated by the Compliance API.*", ""] : [])];
}

function hasAttachments(message: ChatMessage): boolean {
  return message.files.length + message.generatedFiles.length + message.artifacts.length > 0;
}

function attachmentLines(message: ChatMessage): string[] {
  if (!hasAttachments(message)) return [];
  return [
    "Attachments:",
    "",
    ...message.files.map((file) => `- Uploaded file ${fileLine(file)}`),
    ...message.generatedFiles.map((file) => `- Generated file ${fileLine(file)}`),
    ...message.artifacts.map(
      (artifact) =>
        `- Artifact ${inline(artifact.title ?? "(untitled)")}${artifact.artifactType ? ` (${code(artifact.artifactType)})` : ""}: artifact ${code(artifact.id)}, version ${code(artifact.versionId)}`,
    ),
    "",
  ];
}

function fileLine(file: MessageFile): string {
  const size = file.sizeBytes === null ? "size not given" : `${file.sizeBytes} bytes`;
  return `${inline(file.filename ?? "(no name)")}: ${code(file.id)}, ${size}, MD5 ${file.md5 ? code(file.md5) : "not given"}`;
}

/** A fence of backticks longer than any run of backticks in the text, so the text cannot close it. */
function fenced(text: string, language: string): string[] {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return [`${fence}${language.replace(/[^\w-]/g, "")}`, text, fence, ""];
}

/** A code span that no backtick in the value can close, padded as CommonMark requires. */
function code(value: string): string {
  const longestRun = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = "`".repeat(longestRun + 1);
  const padded = value.startsWith("`") || value.endsWith("`") || value === "" ? ` ${value} ` : value;
  return `${ticks}${padded.replace(/[\r\n]+/g, " ")}${ticks}`;
}

/** Untrusted text on one Markdown line (a chat name, an email): its markup and HTML characters escaped, its line breaks flattened. */
function inline(value: string): string {
  return value.replace(/[\r\n]+/g, " ").replace(/[\\`*_[\]<>|~&]/g, (character) => `\\${character}`);
}

function fact(name: string, value: string): string {
  return `| ${name} | ${value} |`;
}
