import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { DeleteAction } from "@/components/deletion/delete-action";
import { RetentionNote } from "@/components/directory/retention-note";
import { TranscriptExportMenu } from "@/components/thread/transcript-export-menu";
import { useTimeFormat } from "@/components/layout/time-zone";
import { Definition } from "@/components/ui/definition-list";
import { ErrorNotice } from "@/components/ui/error-notice";
import { RawJsonDialogButton } from "@/components/ui/raw-json";
import { chatOverviewOptions } from "@/lib/queries/thread-queries";
import { CHAT_OVERVIEW_MAX_PAGES, CHAT_OVERVIEW_PAGE_SIZE, type ChatOverview, type ChatSummary } from "@/lib/schemas/console";
import type { EarlierMessages } from "@/lib/thread/thread-pages";
import { safeLinkHref } from "@/lib/thread/safe-link";

const EARLIER_NOTE: Record<EarlierMessages, string | null> = { none: null, more: "more earlier", unchecked: "earlier ones not checked yet" };

type ThreadHeaderProps = {
  chat: ChatSummary;
  loadedCount: number;
  attachmentCount: number;
  earlier: EarlierMessages;
  hasLater: boolean;
  /** The reviewer may export (the route decides; this only hides what would be refused). */
  canExport: boolean;
};

export function ThreadHeader({ chat, loadedCount, attachmentCount, earlier, hasLater, canExport }: ThreadHeaderProps) {
  const { format } = useTimeFormat();
  const claudeHref = chat.href ? safeLinkHref(chat.href) : null;
  const unloaded = [EARLIER_NOTE[earlier], hasLater ? "more later" : null].filter((note) => note !== null);
  return (
    <header className="border-b border-slate-200 pb-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">{chat.deleted || chat.name === "" ? "(name removed)" : chat.name}</h1>
        {chat.deleted && <span className="rounded bg-rose-100 px-2 py-0.5 text-xs font-semibold text-rose-800">Deleted by user</span>}
        {/* As tall as the delete button, which appears once the server said whether deleting is available: the thread does not move. */}
        <div className="ml-auto flex min-h-8 items-center gap-4">
          {claudeHref && (
            <a href={claudeHref} target="_blank" rel="noreferrer noopener" className="text-sm font-semibold underline">
              Open in claude.ai
            </a>
          )}
          {canExport && <TranscriptExportMenu exportPath={`/api/chats/${encodeURIComponent(chat.id)}/export`} noun="chat" />}
          <DeleteAction target={{ kind: "chat", id: chat.id }} />
        </div>
      </div>
      {chat.deleted && (
        <p className="mt-1 text-sm text-slate-600">
          The user deleted this chat in claude.ai{chat.deletedAt ? ` on ${format(chat.deletedAt)}` : ""}: the API keeps its messages but empties their content.
        </p>
      )}
      <dl className="mt-2 grid grid-cols-2 gap-x-6 gap-y-1 text-xs text-slate-600 md:grid-cols-4">
        <div>
          <dt className="inline font-semibold">Owner: </dt>
          <dd className="inline">{chat.owner?.email ?? chat.owner?.id ?? "—"}</dd>
        </div>
        <div>
          <dt className="inline font-semibold">Model: </dt>
          <dd className="inline">{chat.model ?? "—"}</dd>
        </div>
        <div>
          <dt className="inline font-semibold">Project: </dt>
          <dd className="inline font-mono">
            {chat.projectId ? (
              <Link href={`/projects/${encodeURIComponent(chat.projectId)}`} className="underline">
                {chat.projectId}
              </Link>
            ) : (
              "—"
            )}
          </dd>
        </div>
        <div>
          <dt className="inline font-semibold">Chat id: </dt>
          <dd className="inline font-mono">{chat.id}</dd>
        </div>
        <div>
          <dt className="inline font-semibold">Created: </dt>
          <dd className="inline">{format(chat.createdAt)}</dd>
        </div>
        <div>
          <dt className="inline font-semibold">Updated: </dt>
          <dd className="inline">{format(chat.updatedAt)}</dd>
        </div>
        <div>
          <dt className="inline font-semibold">Messages loaded: </dt>
          {/* The API gives no totals, so the count says only what has been fetched so far, and which way more may lie. */}
          <dd className="inline" data-testid="loaded-count">
            {loadedCount}
            {unloaded.length > 0 && ` (${unloaded.join(", ")})`}
          </dd>
        </div>
        <div>
          <dt className="inline font-semibold">Attachments loaded: </dt>
          <dd className="inline">{attachmentCount}</dd>
        </div>
      </dl>
      <WholeChat chatId={chat.id} />
      {chat.organizationUuid && <RetentionNote orgUuid={chat.organizationUuid} dataType="chat" />}
    </header>
  );
}

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString("en")} ${count === 1 ? one : many}`;

/** The whole chat counted on the server (the thread loads it page by page), and its JSON as the API sent it. */
function WholeChat({ chatId }: { chatId: string }) {
  const overview = useQuery(chatOverviewOptions(chatId));
  if (overview.isPending) return <p className="mt-2 text-xs text-slate-500">Counting the whole chat…</p>;
  if (overview.isError) return <ErrorNotice error={overview.error} onRetry={() => void overview.refetch()} />;
  return <WholeChatFacts overview={overview.data} />;
}

function WholeChatFacts({ overview }: { overview: ChatOverview }) {
  const { format } = useTimeFormat();
  const integrations = overview.toolCallsByIntegration.map(({ integration, count }) => `${integration ?? "Claude's own tools"} ${count.toLocaleString("en")}`);
  return (
    <section aria-label="The whole chat" className="mt-1">
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-xs text-slate-600 md:grid-cols-4">
        <Definition label="Messages">
          <span data-testid="whole-chat-count">{overview.messageCount.toLocaleString("en")}</span>
          {overview.byRole.length > 0 && ` (${overview.byRole.map(({ role, count }) => `${role} ${count.toLocaleString("en")}`).join(", ")})`}
        </Definition>
        <Definition label="Span">
          {overview.firstMessageAt && overview.lastMessageAt ? `${format(overview.firstMessageAt)} – ${format(overview.lastMessageAt)}` : "—"}
        </Definition>
        <Definition label="Models used">{overview.model ? `${overview.model} (recorded per chat)` : "not recorded"}</Definition>
        <Definition label="Attachments">
          {[plural(overview.uploadedFiles, "upload"), plural(overview.generatedFiles, "generated file"), plural(overview.artifacts, "artifact")].join(", ")}
        </Definition>
        <Definition label="Tool calls" className="col-span-2 md:col-span-4">
          {overview.toolCalls.toLocaleString("en")}
          {integrations.length > 0 && ` (${integrations.join(", ")})`}
          {overview.failedToolResults > 0 && `; ${plural(overview.failedToolResults, "result")} marked as errors`}
        </Definition>
      </dl>
      <RawJsonDialogButton
        json={overview.chatJson}
        label="The chat's raw JSON"
        title="The chat as the API sent it (with its first page of messages; each message has its own)"
      />
      {!overview.complete && (
        <p className="mt-1 text-xs text-amber-800">
          Counted over the first {(CHAT_OVERVIEW_MAX_PAGES * CHAT_OVERVIEW_PAGE_SIZE).toLocaleString("en")} messages only: the chat is longer.
        </p>
      )}
    </section>
  );
}
